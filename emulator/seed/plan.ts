/** Who created a TAP: a TAP Desk staff account, or a Global Administrator in the Entra admin center. */
export type TapIssuer = 'helen' | 'sam' | 'portal';

export interface TapIssuePlan {
  /** Hours before the tenant was generated. */
  hoursAgo: number;
  /** startDateTime = creation + this (a pass made to start later is NotYetValid). */
  startsAfterHours?: number;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** Minutes after the start when the user signed in with it; absent = never used. */
  usedMinutesAfterStart?: number;
  issuer: TapIssuer;
  /** Defaults to true: the creation shows in the directory audit log. */
  audited?: boolean;
}

/** The onboarding history of one user, oldest TAP first; the last one is the current method. */
export interface OnboardingPlan {
  taps: TapIssuePlan[];
  /**
   * Registered right after the last TAP was used; 'passkey' is push, then a passkey in
   * Authenticator where 'passwordless' turns on phone sign-in (decision 0011).
   */
  authenticator?: 'push' | 'passwordless' | 'passkey';
}

export const NO_ONBOARDING: OnboardingPlan = { taps: [] };

import type { OnboardingStage } from '../../graph/authentication-methods';

/** How each onboarding stage reads, on the search chips and under the user page's stepper. */
export const STAGE_LABELS: Record<OnboardingStage, string> = {
  notStarted: 'Not started',
  tapIssued: 'TAP issued',
  tapUsed: 'TAP used',
  authenticatorRegistered: 'Authenticator registered, phone sign-in off',
  phoneSignInEnabled: 'Passwordless phone sign-in enabled',
  passkeyRegistered: 'Passkey in Authenticator registered',
};

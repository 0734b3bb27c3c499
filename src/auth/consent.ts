/**
 * Consent Entra refuses: the person is signed in (or trying to), but no administrator has
 * consented for them to a permission a section of TAP Desk uses (decision 0004: the read
 * permissions for all users, the write permission per helpdesk person). Asking again cannot help,
 * since users may not consent for themselves, so each section says what is missing instead.
 */
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import type { Capability } from './capabilities';
import { AUDIENCE_SCOPES, SIGN_IN_SCOPES } from './scopes';

/** A section's Graph client, or the sign-in itself. */
export type ConsentAudience = Capability | 'sign-in';

/**
 * Entra's codes for missing consent: 65001 not consented (token endpoint, or prompt=none), 65004
 * back from "Need admin approval" without consent, 90094 admin approval needed.
 */
const CONSENT_CODES = new Set([65001, 65004, 90094]);

/** The AADSTS number of an Entra error: MSAL's errorNo, else the number the message starts with. */
export function aadstsCode(error: AuthError): number | undefined {
  const errorNo =
    error instanceof ServerError || error instanceof InteractionRequiredAuthError
      ? Number(error.errorNo)
      : NaN;
  if (Number.isInteger(errorNo) && errorNo > 0) return errorNo;
  const match = /\bAADSTS(\d+)\b/.exec(error.errorMessage);
  return match ? Number(match[1]) : undefined;
}

/** Whether MSAL surfaced Entra refusing a permission nobody consented for this person. */
export function isConsentError(error: unknown): error is AuthError {
  if (!(error instanceof AuthError)) return false;
  if (error.errorCode === 'consent_required' || error.subError === 'consent_required') return true;
  const code = aadstsCode(error);
  return code !== undefined && CONSENT_CODES.has(code);
}

/** The same rule as register-app (deploy/entra/manifest.ts): only ReadWrite scopes write. */
const writes = (scope: string) => scope.includes('ReadWrite');

export interface ConsentProblem {
  audience: ConsentAudience;
  /** Entra's AADSTS number, for the administrator. */
  code: number | undefined;
  /** Permissions consented to each person individually (the write permission). */
  perPerson: readonly string[];
  /** Permissions consented for all users (read only). */
  forEveryone: readonly string[];
}

export function consentProblem(audience: ConsentAudience, error: AuthError): ConsentProblem {
  const scopes =
    audience === 'sign-in'
      ? ['openid', 'profile', 'offline_access', ...SIGN_IN_SCOPES]
      : AUDIENCE_SCOPES[audience];
  return {
    audience,
    code: aadstsCode(error),
    perPerson: scopes.filter(writes),
    forEveryone: scopes.filter((scope) => !writes(scope)),
  };
}

/** Thrown to a section's Graph calls instead of sending the person to a sign-in that cannot help. */
export class ConsentRequiredError extends Error {
  override name = 'ConsentRequiredError';
  constructor(readonly problem: ConsentProblem) {
    super(`Microsoft Entra has not granted the ${problem.audience} permissions to this person.`);
  }
}

/** The consent problems seen in this tab, one per audience; React reads it with useSyncExternalStore. */
export class ConsentProblems {
  private problems = new Map<ConsentAudience, ConsentProblem>();
  private readonly listeners = new Set<() => void>();

  get(audience: ConsentAudience): ConsentProblem | undefined {
    return this.problems.get(audience);
  }

  report(problem: ConsentProblem): void {
    this.problems = new Map(this.problems).set(problem.audience, problem);
    this.listeners.forEach((listener) => listener());
  }

  clear(audience: ConsentAudience): void {
    if (!this.problems.has(audience)) return;
    this.problems = new Map(this.problems);
    this.problems.delete(audience);
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

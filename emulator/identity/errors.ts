import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { header } from '../http';
import type { DemoApp } from '../constants';
import { DECLINED_CONSENT, notConsentedText } from './consent';

/** An Entra-style OAuth error: `AADSTS{code}: {message}`. */
export class AuthError extends Error {
  constructor(
    readonly error: string,
    readonly code: number,
    message: string,
    readonly suberror?: string,
  ) {
    super(`AADSTS${code}: ${message}`);
  }
}

export const ERRORS = {
  loginRequired: () =>
    new AuthError(
      'login_required',
      50058,
      'A silent sign-in request was sent but no user is signed in.',
    ),
  pkceRequired: () =>
    new AuthError(
      'invalid_request',
      9002325,
      'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    ),
  s256Required: () =>
    new AuthError(
      'invalid_request',
      501491,
      "Invalid code_challenge_method: this application requires 'S256'.",
    ),
  /** prompt=none, or a token, for a scope no administrator consented for this person. */
  consentRequired: (app: DemoApp) =>
    new AuthError('consent_required', 65001, notConsentedText(app)),
  notConsented: (app: DemoApp) =>
    new AuthError('invalid_grant', 65001, notConsentedText(app), 'consent_required'),
  /** Microsoft documents no code or wording for it; this says what would work. */
  invalidPrompt: (prompt: string) =>
    new AuthError(
      'invalid_request',
      90023,
      `Invalid value '${prompt}' for the parameter 'prompt'. Supported values are 'login', 'none', 'consent' and 'select_account'.`,
    ),
  /** Back from "Need admin approval" without consent. */
  declinedConsent: () => new AuthError('access_denied', 65004, DECLINED_CONSENT),
};

/** The token endpoint's error body, as Entra writes it. */
export function tokenError(
  error: AuthError,
  req: IncomingMessage,
  clientRequestId?: string | null,
) {
  const traceId = randomUUID();
  const correlationId = clientRequestId ?? header(req, 'client-request-id') ?? randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error: error.error,
    error_description: `${error.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [error.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...(error.suberror ? { suberror: error.suberror } : {}),
  };
}

/**
 * Graph tokens for one audience, from the app registration that audience uses (decision 0020):
 * the helpdesk's from TAP Desk, the app people sign in to; the read-only pages' from TAP Desk
 * Reports, which first signs the same person in silently through Entra's session.
 */
import {
  BrowserAuthError,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { Capability } from './capabilities';
import {
  ConsentRequiredError,
  consentProblem,
  isConsentError,
  type ConsentAudience,
  type ConsentProblems,
} from './consent';
import type { AuthClients } from './msal';
import { AUDIENCE_APP, AUDIENCE_SCOPES } from './scopes';

/** Which audience's interactive request is out at Entra, to know whose refusal comes back. */
export const PENDING_AUDIENCE_KEY = 'tapdesk.pendingAudience';

/** Errors after which only an interactive sign-in can produce a token. */
function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  return (
    error instanceof BrowserAuthError &&
    ['monitor_window_timeout', 'no_account_error', 'silent_prompt_value_error'].includes(
      error.errorCode,
    )
  );
}

/** The audience whose interactive request was out, as the redirect left it; sign-in if none. */
export function pendingAudience(): ConsentAudience {
  const pending = sessionStorage.getItem(PENDING_AUDIENCE_KEY);
  sessionStorage.removeItem(PENDING_AUDIENCE_KEY);
  return pending !== null && Object.hasOwn(AUDIENCE_SCOPES, pending)
    ? (pending as Capability)
    : 'sign-in';
}

const reportsStarts = new WeakMap<IPublicClientApplication, Promise<void>>();
/** The silent sign-in of TAP Desk Reports in flight: a page's parallel first reads share it. */
const reportsSignIns = new WeakMap<IPublicClientApplication, Promise<AuthenticationResult>>();

/**
 * TAP Desk Reports' start-up, once per instance: MsalProvider starts TAP Desk only, so this one
 * reads its own redirect response (an interactive request of the reports coming back), and a
 * consent refusal in it is reported for the audience that asked.
 */
export function startReports(
  reports: IPublicClientApplication,
  problems: ConsentProblems,
): Promise<void> {
  let started = reportsStarts.get(reports);
  if (!started) {
    started = reports
      .initialize()
      .then(() => reports.handleRedirectPromise())
      .then(
        (result) => {
          if (result) sessionStorage.removeItem(PENDING_AUDIENCE_KEY);
        },
        (error: unknown) => {
          if (isConsentError(error)) problems.report(consentProblem(pendingAudience(), error));
        },
      );
    reportsStarts.set(reports, started);
  }
  return started;
}

/** The token source of a Graph client: silent first, then a redirect back to this very page. */
export function tokenSource(
  clients: AuthClients,
  account: AccountInfo,
  audience: Capability,
  problems: ConsentProblems,
) {
  const scopes = [...AUDIENCE_SCOPES[audience]];
  const app = AUDIENCE_APP[audience];
  const instance = clients[app];
  /**
   * The account as this app knows it: TAP Desk Reports learns it at its first token. Matched by
   * object and tenant id (an OIDC home account id comes from `sub`, which differs per app), and
   * only as an account this app holds an ID token for: both apps share the browser's cache, so
   * TAP Desk's own account is listed too, and asking for a Reports token with it misses the cache
   * every time, so every read would sign in again in a hidden frame.
   */
  const own = () =>
    app === 'main'
      ? account
      : instance
          .getAllAccounts()
          .find(
            (known) =>
              known.localAccountId === account.localAccountId &&
              known.tenantId === account.tenantId &&
              known.idTokenClaims !== undefined,
          );

  const silently = async (forceRefresh: boolean): Promise<AuthenticationResult> => {
    if (app === 'reports') await startReports(instance, problems);
    const known = own();
    if (known) return instance.acquireTokenSilent({ scopes, account: known, forceRefresh });
    const inFlight = reportsSignIns.get(instance);
    if (inFlight) {
      // Another read is signing in already: wait for it, then take this audience's token.
      await inFlight.catch(() => undefined);
      const signedIn = own();
      if (signedIn) return instance.acquireTokenSilent({ scopes, account: signedIn, forceRefresh });
    }
    // No token of TAP Desk Reports yet in this tab: Entra's session signs the same person in.
    const sid = account.idTokenClaims?.sid;
    const signIn = instance.ssoSilent({
      scopes,
      loginHint: account.username,
      ...(typeof sid === 'string' ? { sid } : {}),
    });
    reportsSignIns.set(instance, signIn);
    return signIn.finally(() => {
      if (reportsSignIns.get(instance) === signIn) reportsSignIns.delete(instance);
    });
  };

  return async ({ forceRefresh }: { forceRefresh: boolean }): Promise<string> => {
    const known = problems.get(audience);
    if (known) throw new ConsentRequiredError(known);
    try {
      return (await silently(forceRefresh)).accessToken;
    } catch (error) {
      // No consent: users may not consent for themselves, so a sign-in page could only end at
      // Entra's "Need admin approval". The section says what is missing instead.
      if (isConsentError(error)) {
        const problem = consentProblem(audience, error);
        problems.report(problem);
        throw new ConsentRequiredError(problem);
      }
      if (!needsInteraction(error)) throw error;
      // The sign-in cannot be renewed silently: sign in again and come back to this very page.
      sessionStorage.setItem(PENDING_AUDIENCE_KEY, audience);
      const known = own();
      await instance.acquireTokenRedirect({
        scopes,
        ...(known ? { account: known } : { loginHint: account.username }),
        redirectStartPage: window.location.href,
      });
      return new Promise<never>(() => {});
    }
  };
}

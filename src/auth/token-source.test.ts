import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { vi } from 'vitest';
import { ConsentProblems, ConsentRequiredError } from './consent';
import { AUDIENCE_SCOPES } from './scopes';
import { PENDING_AUDIENCE_KEY, tokenSource } from './token-source';

const account: AccountInfo = {
  homeAccountId: 'oid.tid',
  environment: 'login.test',
  tenantId: 'tid',
  username: 'max.manager@contoso.com',
  localAccountId: 'oid',
};

/**
 * The same person as TAP Desk Reports knows them once it has signed them in: in OIDC mode its
 * home account id comes from its own `sub`, and it holds an ID token of its own.
 */
const reportsAccount: AccountInfo = {
  ...account,
  homeAccountId: 'other-sub.tid',
  idTokenClaims: { aud: 'reports', oid: 'oid', tid: 'tid' },
};

/** An MSAL instance whose every call is a spy; `accounts` is what its cache knows. */
function instance(accounts: AccountInfo[] = []) {
  const result = (accessToken: string) => ({ accessToken, account });
  return {
    initialize: vi.fn(async () => {}),
    handleRedirectPromise: vi.fn(async () => null),
    getAllAccounts: vi.fn(() => accounts),
    acquireTokenSilent: vi.fn(async () => result('silent')),
    ssoSilent: vi.fn(async () => {
      accounts.push(reportsAccount);
      return result('sso');
    }),
    acquireTokenRedirect: vi.fn(async () => {}),
  };
}
type Spy = ReturnType<typeof instance>;
const clients = (main: Spy, reports: Spy) => ({
  main: main as unknown as IPublicClientApplication,
  reports: reports as unknown as IPublicClientApplication,
});

const notConsented = new InteractionRequiredAuthError(
  'consent_required',
  'c',
  "AADSTS65001: The user or administrator has not consented to use the application with ID 'r' named 'TAP Desk Reports'.",
  '',
  '',
  '',
  '',
  '65001',
);

describe('a Graph token source', () => {
  it('asks TAP Desk for the helpdesk, with the signed-in account', async () => {
    const [main, reports] = [instance([account]), instance()];
    const get = tokenSource(clients(main, reports), account, 'helpdesk', new ConsentProblems());
    expect(await get({ forceRefresh: false })).toBe('silent');
    expect(main.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: [...AUDIENCE_SCOPES.helpdesk],
      account,
      forceRefresh: false,
    });
    expect(reports.initialize).not.toHaveBeenCalled();
  });

  it('knows the person in TAP Desk Reports by object id, whatever its home account id', async () => {
    // In OIDC mode MSAL builds the home account id from `sub`, which Entra pairs with each app.
    // The cache is shared, so TAP Desk's own account is listed too, without a Reports ID token.
    const there = reportsAccount;
    const reports = instance([account, there]);
    const get = tokenSource(
      clients(instance([account]), reports),
      account,
      'pilot',
      new ConsentProblems(),
    );
    expect(await get({ forceRefresh: false })).toBe('silent');
    expect(reports.acquireTokenSilent).toHaveBeenCalledWith(
      expect.objectContaining({ account: there }),
    );
    expect(reports.ssoSilent).not.toHaveBeenCalled();
  });

  it.each(['pilot', 'audit', 'readiness'] as const)(
    'asks TAP Desk Reports for %s: first a silent sign-in of the same person, then its cache',
    async (audience) => {
      const [main, reports] = [instance([account]), instance()];
      const get = tokenSource(clients(main, reports), account, audience, new ConsentProblems());
      expect(await get({ forceRefresh: false })).toBe('sso');
      expect(reports.ssoSilent).toHaveBeenCalledWith({
        scopes: [...AUDIENCE_SCOPES[audience]],
        loginHint: account.username,
      });
      expect(await get({ forceRefresh: true })).toBe('silent');
      expect(reports.acquireTokenSilent).toHaveBeenCalledWith({
        scopes: [...AUDIENCE_SCOPES[audience]],
        account: reportsAccount,
        forceRefresh: true,
      });
      expect(main.acquireTokenSilent).not.toHaveBeenCalled();
      expect(main.ssoSilent).not.toHaveBeenCalled();
    },
  );

  it('reports TAP Desk Reports refusing consent for that audience, and asks no more', async () => {
    const reports = instance();
    reports.ssoSilent.mockRejectedValue(notConsented);
    const problems = new ConsentProblems();
    const get = tokenSource(clients(instance([account]), reports), account, 'audit', problems);
    await expect(get({ forceRefresh: false })).rejects.toBeInstanceOf(ConsentRequiredError);
    expect(problems.get('audit')).toMatchObject({ audience: 'audit', code: 65001 });
    expect(problems.get('pilot')).toBeUndefined();
    await expect(get({ forceRefresh: false })).rejects.toBeInstanceOf(ConsentRequiredError);
    expect(reports.ssoSilent).toHaveBeenCalledTimes(1);
  });

  it('signs in to TAP Desk Reports interactively when Entra wants it, back to this very page', async () => {
    const reports = instance();
    reports.ssoSilent.mockRejectedValue(
      new InteractionRequiredAuthError('login_required', 'c', 'AADSTS50058: no session'),
    );
    const get = tokenSource(
      clients(instance([account]), reports),
      account,
      'pilot',
      new ConsentProblems(),
    );
    void get({ forceRefresh: false });
    await vi.waitFor(() => expect(reports.acquireTokenRedirect).toHaveBeenCalled());
    expect(reports.acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: [...AUDIENCE_SCOPES.pilot],
      loginHint: account.username,
      redirectStartPage: window.location.href,
    });
    expect(sessionStorage.getItem(PENDING_AUDIENCE_KEY)).toBe('pilot');
    sessionStorage.clear();
  });
});

describe('TAP Desk Reports’ first sign-in', () => {
  it('is one silent sign-in, however many reads a page starts at once', async () => {
    const [main, reports] = [instance([account]), instance()];
    let finish: () => void = () => {};
    reports.ssoSilent.mockImplementation(
      () =>
        new Promise((resolve) => {
          finish = () => {
            reports.getAllAccounts.mockReturnValue([account, reportsAccount]);
            resolve({ accessToken: 'sso', account });
          };
        }),
    );
    const problems = new ConsentProblems();
    const pilot = tokenSource(clients(main, reports), account, 'pilot', problems);
    const readiness = tokenSource(clients(main, reports), account, 'readiness', problems);
    const tokens = Promise.all([
      pilot({ forceRefresh: false }),
      pilot({ forceRefresh: false }),
      readiness({ forceRefresh: false }),
    ]);
    await vi.waitFor(() => expect(reports.ssoSilent).toHaveBeenCalled());
    finish();
    expect(await tokens).toEqual(['sso', 'silent', 'silent']);
    expect(reports.ssoSilent).toHaveBeenCalledTimes(1);
    expect(reports.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: [...AUDIENCE_SCOPES.readiness],
      account: reportsAccount,
      forceRefresh: false,
    });
  });
});

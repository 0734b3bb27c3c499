/**
 * MSAL for component tests: one account already signed in, whose ID token carries the app roles
 * and directory roles given, and silent tokens for any scopes. Any other MSAL call throws,
 * naming the method, so a test never signs in, redirects or pops up by accident. The TAP Desk
 * Reports instance starts without the account and learns it at its first (silent) sign-in.
 */
import type {
  AccountInfo,
  AuthenticationResult,
  IPublicClientApplication,
  SilentRequest,
  SsoSilentRequest,
} from '@azure/msal-browser';

export interface FakePerson {
  name: string;
  username: string;
  oid: string;
  /** App roles (the `roles` claim), e.g. TapDesk.Helpdesk. */
  roles: readonly string[];
  /** Directory role template ids (the `wids` claim). */
  directoryRoleIds?: readonly string[];
}

export interface FakeMsal {
  instance: IPublicClientApplication;
  /** The scopes of each silent token request (ssoSilent included), in order. */
  tokenRequests: string[][];
}

const TENANT = '8f3c2a1e-5b7d-4c6e-9a2f-0d1b3c5e7f90';

function accountOf(person: FakePerson): AccountInfo {
  return {
    homeAccountId: `${person.oid}.${TENANT}`,
    environment: 'login.test',
    tenantId: TENANT,
    username: person.username,
    localAccountId: person.oid,
    name: person.name,
    idTokenClaims: {
      oid: person.oid,
      roles: [...person.roles],
      wids: [...(person.directoryRoleIds ?? [])],
    },
  };
}

/**
 * `person` null: nobody is signed in. `knowsAccount` false: the instance has not signed the
 * person in yet, as TAP Desk Reports before its first token; ssoSilent signs them in.
 */
export function createFakeMsal(
  person: FakePerson | null,
  authority: string,
  knowsAccount = true,
): FakeMsal {
  const signedIn = person ? accountOf(person) : null;
  let account = knowsAccount ? signedIn : null;
  const tokenRequests: string[][] = [];
  const token = (to: AccountInfo, scopes: readonly string[]) => {
    tokenRequests.push([...scopes]);
    return {
      accessToken: `token for ${scopes.join(' ')}`,
      account: to,
      scopes: [...scopes],
    } as AuthenticationResult;
  };
  const callbacks = new Map<string, unknown>();
  const logger: object = new Proxy(
    {},
    {
      get: (_, key) =>
        key === 'clone' ? () => logger : typeof key === 'string' ? () => {} : undefined,
    },
  );
  const given: Partial<IPublicClientApplication> = {
    initialize: async () => {},
    initializeWrapperLibrary: () => {},
    handleRedirectPromise: async () => null,
    getLogger: () => logger as ReturnType<IPublicClientApplication['getLogger']>,
    addEventCallback: (callback) => {
      const id = String(callbacks.size + 1);
      callbacks.set(id, callback);
      return id;
    },
    removeEventCallback: (id) => void callbacks.delete(id),
    getActiveAccount: () => account,
    getAllAccounts: () => (account ? [account] : []),
    getConfiguration: () =>
      ({ auth: { authority } }) as ReturnType<IPublicClientApplication['getConfiguration']>,
    acquireTokenSilent: async (request: SilentRequest) => {
      if (!account) throw new Error('The fake MSAL has nobody signed in.');
      return token(account, request.scopes);
    },
    ssoSilent: async (request: SsoSilentRequest) => {
      if (!signedIn || request.loginHint !== signedIn.username) {
        throw new Error('The fake MSAL signs in silently only the person signed in.');
      }
      account = signedIn;
      return token(signedIn, request.scopes ?? []);
    },
    clearCache: async () => {
      if (!knowsAccount) account = null;
    },
    logoutRedirect: async () => {},
  };
  const instance = new Proxy(given, {
    get(target, key) {
      if (typeof key !== 'string' || key === 'then') return undefined;
      if (key in target) return target[key as keyof typeof target];
      return () => {
        throw new Error(`The fake MSAL was not given ${key}; a test should not need it.`);
      };
    },
  }) as IPublicClientApplication;
  return { instance, tokenRequests };
}

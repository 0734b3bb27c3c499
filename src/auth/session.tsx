/**
 * The signed-in person, as the rest of the app sees it: who they are, what they may use, and a
 * token source per audience. MSAL stays behind this seam; nothing else imports @azure/msal-*.
 */
import {
  InteractionRequiredAuthError,
  InteractionStatus,
  BrowserAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { createContext, use, useEffect, useMemo, type ReactNode } from 'react';
import { createGraphClient, type GraphClient } from '../graph/client';
import { preconnect } from '../lib/preconnect';
import { capabilitiesFromRoles, type Capability } from './capabilities';
import { AUDIENCE_SCOPES, SIGN_IN_SCOPES } from './scopes';

export interface SessionAccount {
  name: string;
  username: string;
  oid: string;
}

export interface Session {
  account: SessionAccount;
  capabilities: Capability[];
  /** Directory role template ids from the `wids` claim, when the tenant emits them. */
  directoryRoleIds: string[];
  /** A Graph client whose tokens carry only the scopes this audience needs. */
  graph(audience: Capability): GraphClient;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession must be used inside a signed-in SessionProvider');
  return session;
}

/** For tests and stories: a session built by hand. */
export function SessionContextProvider(props: { session: Session; children: ReactNode }) {
  return <SessionContext value={props.session}>{props.children}</SessionContext>;
}

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

function tokenSource(
  instance: IPublicClientApplication,
  account: AccountInfo,
  scopes: readonly string[],
) {
  return async ({ forceRefresh }: { forceRefresh: boolean }): Promise<string> => {
    try {
      const result = await instance.acquireTokenSilent({
        scopes: [...scopes],
        account,
        forceRefresh,
      });
      return result.accessToken;
    } catch (error) {
      if (!needsInteraction(error)) throw error;
      // The sign-in cannot be renewed silently: sign in again and come back to this very page.
      await instance.acquireTokenRedirect({
        scopes: [...scopes],
        account,
        redirectStartPage: window.location.href,
      });
      return new Promise<never>(() => {});
    }
  };
}

function claimList(account: AccountInfo, claim: 'roles' | 'wids'): string[] {
  const value = account.idTokenClaims?.[claim];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function SessionFromMsal(props: {
  graphBaseUrl: string;
  signedOut: ReactNode;
  pending: ReactNode;
  children: ReactNode;
}) {
  const { instance, accounts, inProgress } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0] ?? null;
  const signedIn = account !== null;
  const authority = instance.getConfiguration().auth.authority;
  useEffect(() => {
    // Signed in, the page's next calls go to the authority (tokens) and Graph: connect now.
    if (signedIn) preconnect([authority, props.graphBaseUrl]);
  }, [signedIn, authority, props.graphBaseUrl]);

  const session = useMemo<Session | null>(() => {
    if (!account) return null;
    const clients = new Map<Capability, GraphClient>();
    return {
      account: {
        name: account.name ?? account.username,
        username: account.username,
        oid: account.localAccountId,
      },
      capabilities: capabilitiesFromRoles(claimList(account, 'roles')),
      directoryRoleIds: claimList(account, 'wids'),
      graph(audience) {
        let client = clients.get(audience);
        if (!client) {
          client = createGraphClient({
            baseUrl: props.graphBaseUrl,
            getToken: tokenSource(instance, account, AUDIENCE_SCOPES[audience]),
          });
          clients.set(audience, client);
        }
        return client;
      },
      async signOut() {
        // Drop every token this tab holds before leaving, whatever the identity provider does next.
        // MSAL's own clean-up leaves token entries behind in OIDC mode (seen with msal-browser
        // 5.30), so the cache we chose, sessionStorage, is swept of MSAL's entries by hand.
        await instance.clearCache({ account });
        for (const key of Object.keys(sessionStorage)) {
          if (key.startsWith('msal.')) sessionStorage.removeItem(key);
        }
        await instance.logoutRedirect({ account });
      },
    };
  }, [account, instance, props.graphBaseUrl]);

  if (!session) return inProgress === InteractionStatus.None ? props.signedOut : props.pending;
  return <SessionContext value={session}>{props.children}</SessionContext>;
}

export function SessionProvider(props: {
  instance: IPublicClientApplication;
  graphBaseUrl: string;
  signedOut: ReactNode;
  pending: ReactNode;
  children: ReactNode;
}) {
  return (
    <MsalProvider instance={props.instance}>
      <SessionFromMsal
        graphBaseUrl={props.graphBaseUrl}
        signedOut={props.signedOut}
        pending={props.pending}
      >
        {props.children}
      </SessionFromMsal>
    </MsalProvider>
  );
}

/** Starts the redirect sign-in; after it the person comes back to the page they were on. */
export function useSignIn(): () => Promise<void> {
  const { instance } = useMsal();
  return () =>
    instance.loginRedirect({ scopes: SIGN_IN_SCOPES, redirectStartPage: window.location.href });
}

/**
 * The signed-in person, as the rest of the app sees it: who they are, what they may use, and a
 * token source per audience. MSAL stays behind this seam; nothing else imports @azure/msal-*.
 */
import {
  EventType,
  InteractionStatus,
  InteractionType,
  type AccountInfo,
  type EventMessage,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import {
  createContext,
  use,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { createGraphClient, type GraphClient } from '../graph/client';
import { clearAccountData } from '../lib/account-store';
import { preconnect } from '../lib/preconnect';
import { capabilitiesFromRoles, type Capability } from './capabilities';
import {
  ConsentProblems,
  consentProblem,
  isConsentError,
  type ConsentAudience,
  type ConsentProblem,
} from './consent';
import type { AuthClients } from './msal';
import { SIGN_IN_SCOPES } from './scopes';
import { PENDING_AUDIENCE_KEY, pendingAudience, startReports, tokenSource } from './token-source';

export interface SessionAccount {
  name: string;
  username: string;
  oid: string;
  tenantId: string;
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

interface ConsentState {
  problems: ConsentProblems;
  /** Forgets the problem, so the next Graph call asks Entra again (or signs in again). */
  retry(audience: ConsentAudience): void;
}

const ConsentContext = createContext<ConsentState | null>(null);
const noProblems = new ConsentProblems();

/** The consent Entra refused this audience in this tab, if it did, and a way to try again. */
export function useConsentProblem(audience: ConsentAudience): {
  problem: ConsentProblem | undefined;
  retry: () => void;
} {
  const state = use(ConsentContext);
  const problems = state?.problems ?? noProblems;
  const problem = useSyncExternalStore(problems.subscribe, () => problems.get(audience));
  return { problem, retry: () => state?.retry(audience) };
}

function claimList(account: AccountInfo, claim: 'roles' | 'wids'): string[] {
  const value = account.idTokenClaims?.[claim];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function SessionFromMsal(props: {
  reports: IPublicClientApplication;
  graphBaseUrl: string;
  signedOut: ReactNode;
  pending: ReactNode;
  children: ReactNode;
}) {
  const { instance, accounts, inProgress } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0] ?? null;
  const signedIn = account !== null;
  const [problems] = useState(() => new ConsentProblems());
  useEffect(() => {
    // A refusal that comes back from an interactive sign-in. This child's effect runs before
    // MsalProvider's, which handles the redirect response, so the callback is in place for it.
    const id = instance.addEventCallback((message: EventMessage) => {
      if (message.interactionType !== InteractionType.Redirect) return;
      // msal-browser 5 reports a failed sign-in redirect, login or not, as ACQUIRE_TOKEN_FAILURE.
      const failed = message.eventType === EventType.ACQUIRE_TOKEN_FAILURE;
      if (!failed && message.eventType !== EventType.ACQUIRE_TOKEN_SUCCESS) return;
      const audience = pendingAudience();
      if (!failed || !isConsentError(message.error)) return;
      problems.report(consentProblem(audience, message.error));
    });
    return () => {
      if (id) instance.removeEventCallback(id);
    };
  }, [instance, problems]);
  const { reports } = props;
  useEffect(() => {
    // A request of the reports' app may be the redirect this page came back from.
    void startReports(reports, problems);
  }, [reports, problems]);
  const consent = useMemo<ConsentState>(
    () => ({
      problems,
      retry(audience) {
        problems.clear(audience);
        if (audience === 'sign-in') void signInRedirect(instance);
      },
    }),
    [instance, problems],
  );
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
        tenantId: account.tenantId,
      },
      capabilities: capabilitiesFromRoles(claimList(account, 'roles'), claimList(account, 'wids')),
      directoryRoleIds: claimList(account, 'wids'),
      graph(audience) {
        let client = clients.get(audience);
        if (!client) {
          client = createGraphClient({
            baseUrl: props.graphBaseUrl,
            getToken: tokenSource({ main: instance, reports }, account, audience, problems),
          });
          clients.set(audience, client);
        }
        return client;
      },
      async signOut() {
        // Drop every token this tab holds before leaving, whatever the identity provider does next.
        // MSAL's own clean-up leaves token entries behind in OIDC mode (seen with msal-browser
        // 5.30), so the cache we chose, sessionStorage, is swept of MSAL's entries by hand.
        await clearAccountData(account.localAccountId);
        await instance.clearCache({ account });
        await reports.clearCache();
        for (const key of Object.keys(sessionStorage)) {
          if (key.startsWith('msal.')) sessionStorage.removeItem(key);
        }
        await instance.logoutRedirect({ account });
      },
    };
  }, [account, instance, reports, problems, props.graphBaseUrl]);

  let content: ReactNode;
  if (session) content = <SessionContext value={session}>{props.children}</SessionContext>;
  else content = inProgress === InteractionStatus.None ? props.signedOut : props.pending;
  return <ConsentContext value={consent}>{content}</ConsentContext>;
}

/** TAP Desk signs people in (MsalProvider); TAP Desk Reports only gives the reports tokens. */
export function SessionProvider(props: {
  clients: AuthClients;
  graphBaseUrl: string;
  signedOut: ReactNode;
  pending: ReactNode;
  children: ReactNode;
}) {
  return (
    <MsalProvider instance={props.clients.main}>
      <SessionFromMsal
        reports={props.clients.reports}
        graphBaseUrl={props.graphBaseUrl}
        signedOut={props.signedOut}
        pending={props.pending}
      >
        {props.children}
      </SessionFromMsal>
    </MsalProvider>
  );
}

function signInRedirect(instance: IPublicClientApplication): Promise<void> {
  sessionStorage.setItem(PENDING_AUDIENCE_KEY, 'sign-in');
  return instance.loginRedirect({
    scopes: SIGN_IN_SCOPES,
    redirectStartPage: window.location.href,
  });
}

/** Starts the redirect sign-in; after it the person comes back to the page they were on. */
export function useSignIn(): () => Promise<void> {
  const { instance } = useMsal();
  return () => signInRedirect(instance);
}

import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient, GraphPage, GraphRequest } from './client';
import type { OnboardingStage } from '../lib/onboarding-stages';

export type TemporaryAccessPass = MicrosoftGraph.TemporaryAccessPassAuthenticationMethod;
export type AuthenticatorMethod = MicrosoftGraph.MicrosoftAuthenticatorAuthenticationMethod;
export type AuthenticationMethod = MicrosoftGraph.AuthenticationMethod & Record<string, unknown>;
export type TapPolicy = MicrosoftGraph.TemporaryAccessPassAuthenticationMethodConfiguration;
export type Fido2Method = MicrosoftGraph.Fido2AuthenticationMethod;
export type Fido2Policy = MicrosoftGraph.Fido2AuthenticationMethodConfiguration;
export type AuthenticatorPolicy =
  MicrosoftGraph.MicrosoftAuthenticatorAuthenticationMethodConfiguration;

const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
const AUTHENTICATOR_TYPE = '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod';
const FIDO2_TYPE = '#microsoft.graph.fido2AuthenticationMethod';

/**
 * The AAGUIDs of passkeys in Microsoft Authenticator (decision 0011). Any other AAGUID is a
 * security key, Windows Hello or another passkey provider: named, never counted as Authenticator.
 */
export const AUTHENTICATOR_PASSKEY_AAGUIDS = {
  ios: '90a3ccdf-635c-4729-a248-9b709135078f',
  android: 'de1e552d-db1d-4423-a619-566b625cdc84',
} as const;

export interface PasskeyDescription {
  /** True only for Authenticator's own AAGUIDs. */
  inAuthenticator: boolean;
  platform: 'iOS' | 'Android' | null;
  /** What to show: never empty, the AAGUID itself when nothing better is known. */
  label: string;
}

/** Names a FIDO2 method by its AAGUID; an unknown AAGUID is shown, not dropped. */
export function describePasskey(method: Pick<Fido2Method, 'aaGuid' | 'model' | 'displayName'>) {
  const aaGuid = (method.aaGuid ?? '').trim().toLowerCase();
  const platform =
    aaGuid === AUTHENTICATOR_PASSKEY_AAGUIDS.ios
      ? 'iOS'
      : aaGuid === AUTHENTICATOR_PASSKEY_AAGUIDS.android
        ? 'Android'
        : null;
  const name = method.model?.trim() || method.displayName?.trim();
  const description: PasskeyDescription = platform
    ? { inAuthenticator: true, platform, label: `Passkey in Microsoft Authenticator (${platform})` }
    : {
        inAuthenticator: false,
        platform: null,
        label: name
          ? `Passkey or security key: ${name}`
          : `Passkey or security key (AAGUID ${aaGuid || 'unknown'})`,
      };
  return description;
}

export function isAuthenticatorPasskey(method: Pick<Fido2Method, 'aaGuid'>): boolean {
  return describePasskey({ aaGuid: method.aaGuid }).inAuthenticator;
}

const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}/authentication`;

export interface CreateTapRequest {
  startDateTime?: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
}

/** How a write may wait: cancelled through `signal`, throttling counted down through `onWait`. */
export type WriteOptions = Pick<GraphRequest, 'signal' | 'onWait' | 'maxWaitSeconds'>;

/**
 * The only response that ever carries the pass itself. Callers hand the value to the handover
 * view and keep nothing else of it. Sent once: only a 429 is retried (see the client).
 */
export function createTemporaryAccessPass(
  client: GraphClient,
  userId: string,
  request: CreateTapRequest,
  options: WriteOptions = {},
): Promise<TemporaryAccessPass> {
  return client.request<TemporaryAccessPass>({
    method: 'POST',
    path: `${userPath(userId)}/temporaryAccessPassMethods`,
    body: request,
    ...options,
  });
}

export function deleteTemporaryAccessPass(
  client: GraphClient,
  userId: string,
  tapId: string,
  options: WriteOptions = {},
) {
  return client.request<void>({
    method: 'DELETE',
    path: `${userPath(userId)}/temporaryAccessPassMethods/${encodeURIComponent(tapId)}`,
    ...options,
  });
}

export async function listAuthenticationMethods(
  client: GraphClient,
  userId: string,
  signal?: AbortSignal,
  /** maxRetries 0: a live view paces its own retries (graph/live-pace.ts). */
  options: { maxRetries?: number } = {},
): Promise<AuthenticationMethod[]> {
  const page = await client.request<GraphPage<AuthenticationMethod>>({
    path: `${userPath(userId)}/methods`,
    signal,
    ...options,
  });
  return page.value.map((method) =>
    method['@odata.type'] === TAP_TYPE ? { ...method, temporaryAccessPass: null } : method,
  );
}

/** The passkey (FIDO2) policy; most helpdesk roles are refused it (403), like the TAP policy. */
export function getPasskeyPolicy(client: GraphClient, signal?: AbortSignal) {
  return client.request<Fido2Policy>({
    path: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2',
    signal,
  });
}

/** The Microsoft Authenticator policy: who may use it, and in which authentication mode. */
export function getAuthenticatorPolicy(client: GraphClient, signal?: AbortSignal) {
  return client.request<AuthenticatorPolicy>({
    path: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/microsoftAuthenticator',
    signal,
  });
}

export function getTemporaryAccessPassPolicy(client: GraphClient, signal?: AbortSignal) {
  return client.request<TapPolicy>({
    path: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass',
    signal,
  });
}

/** Passwordless phone sign-in is on when Graph reports the Authenticator's device (docs/graph-facts.md §3). */
export function isPasswordlessEnabled(method: AuthenticatorMethod): boolean {
  return method.createdDateTime != null || method.device != null;
}

export type { OnboardingStage };

/** The two passwordless end states TAP Desk tracks (decision 0011). */
export type PasswordlessGoal = 'passkey' | 'phoneSignIn';

/** Which end state a stage is, if any. */
export function goalReached(stage: OnboardingStage): PasswordlessGoal | null {
  if (stage === 'passkeyRegistered') return 'passkey';
  if (stage === 'phoneSignInEnabled') return 'phoneSignIn';
  return null;
}

/**
 * Where a user stands on the way to passwordless, from live Graph state (decision 0011). A
 * passkey in Authenticator is the phishing-resistant end state and wins over phone sign-in;
 * other FIDO2 methods do not count. Graph says a pass was used only for one-time passes
 * (OneTimeUsed); an Authenticator registration implies the pass did its job.
 */
export function onboardingStage(
  taps: readonly TemporaryAccessPass[],
  authenticators: readonly AuthenticatorMethod[],
  fido2: readonly Fido2Method[] = [],
): OnboardingStage {
  if (fido2.some(isAuthenticatorPasskey)) return 'passkeyRegistered';
  if (authenticators.some(isPasswordlessEnabled)) return 'phoneSignInEnabled';
  if (authenticators.length > 0) return 'authenticatorRegistered';
  if (taps.some((tap) => tap.methodUsabilityReason === 'OneTimeUsed')) return 'tapUsed';
  if (taps.length > 0) return 'tapIssued';
  return 'notStarted';
}

export interface MethodsByKind {
  taps: TemporaryAccessPass[];
  authenticators: AuthenticatorMethod[];
  /** Passkeys and security keys; they are also in `others`, which the methods panel lists. */
  fido2: Fido2Method[];
  others: AuthenticationMethod[];
}

/**
 * One `/authentication/methods` read answers everything a user page needs: Graph returns each
 * method with its own type's properties. Reads of authentication methods share Graph's
 * 5-per-10-seconds reports limit, so one read is much better than three.
 */
export function splitMethods(methods: readonly AuthenticationMethod[]): MethodsByKind {
  const split: MethodsByKind = { taps: [], authenticators: [], fido2: [], others: [] };
  for (const method of methods) {
    if (method['@odata.type'] === TAP_TYPE) split.taps.push(method as TemporaryAccessPass);
    else if (method['@odata.type'] === AUTHENTICATOR_TYPE) {
      split.authenticators.push(method as AuthenticatorMethod);
    } else {
      if (method['@odata.type'] === FIDO2_TYPE) split.fido2.push(method as Fido2Method);
      split.others.push(method);
    }
  }
  return split;
}

/**
 * The onboarding stage of a few users in one $batch (one read each). Users whose reads were
 * refused or failed come back as `undefined`, so a screen can say "unknown" rather than guess.
 */
export async function onboardingStages(
  client: GraphClient,
  userIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, OnboardingStage | undefined>> {
  const results = await client.batch(
    userIds.map((id, index) => ({
      id: String(index),
      method: 'GET' as const,
      url: `${userPath(id)}/methods`,
    })),
    signal,
  );
  const stages = new Map<string, OnboardingStage | undefined>();
  userIds.forEach((id, index) => {
    const result = results.get(String(index));
    if (result?.status !== 200) {
      stages.set(id, undefined);
      return;
    }
    const { taps, authenticators, fido2 } = splitMethods(
      (result.body as GraphPage<AuthenticationMethod>).value,
    );
    stages.set(id, onboardingStage(taps, authenticators, fido2));
  });
  return stages;
}

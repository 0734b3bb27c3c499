import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphClient, GraphPage, GraphRequest } from './client';

export type TemporaryAccessPass = MicrosoftGraph.TemporaryAccessPassAuthenticationMethod;
export type AuthenticatorMethod = MicrosoftGraph.MicrosoftAuthenticatorAuthenticationMethod;
export type AuthenticationMethod = MicrosoftGraph.AuthenticationMethod & Record<string, unknown>;
export type TapPolicy = MicrosoftGraph.TemporaryAccessPassAuthenticationMethodConfiguration;

const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
const AUTHENTICATOR_TYPE = '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod';

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
): Promise<AuthenticationMethod[]> {
  const page = await client.request<GraphPage<AuthenticationMethod>>({
    path: `${userPath(userId)}/methods`,
    signal,
  });
  return page.value.map((method) =>
    method['@odata.type'] === TAP_TYPE ? { ...method, temporaryAccessPass: null } : method,
  );
}

export function getTemporaryAccessPassPolicy(client: GraphClient, signal?: AbortSignal) {
  return client.request<TapPolicy>({
    path: '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass',
    signal,
  });
}

/** Passwordless phone sign-in is on when Graph reports the Authenticator's device (graph.md §3). */
export function isPasswordlessEnabled(method: AuthenticatorMethod): boolean {
  return method.createdDateTime != null || method.device != null;
}

export type OnboardingStage =
  'notStarted' | 'tapIssued' | 'tapUsed' | 'authenticatorRegistered' | 'phoneSignInEnabled';

/**
 * Where a user stands on the way to passwordless phone sign-in, from live Graph state. Graph
 * says a pass was used only for one-time passes (OneTimeUsed); an Authenticator registration
 * implies the pass did its job.
 */
export function onboardingStage(
  taps: readonly TemporaryAccessPass[],
  authenticators: readonly AuthenticatorMethod[],
): OnboardingStage {
  if (authenticators.some(isPasswordlessEnabled)) return 'phoneSignInEnabled';
  if (authenticators.length > 0) return 'authenticatorRegistered';
  if (taps.some((tap) => tap.methodUsabilityReason === 'OneTimeUsed')) return 'tapUsed';
  if (taps.length > 0) return 'tapIssued';
  return 'notStarted';
}

export interface MethodsByKind {
  taps: TemporaryAccessPass[];
  authenticators: AuthenticatorMethod[];
  others: AuthenticationMethod[];
}

/**
 * One `/authentication/methods` read answers everything a user page needs: Graph returns each
 * method with its own type's properties. Reads of authentication methods share Graph's
 * 5-per-10-seconds reports limit, so one read is much better than three.
 */
export function splitMethods(methods: readonly AuthenticationMethod[]): MethodsByKind {
  const split: MethodsByKind = { taps: [], authenticators: [], others: [] };
  for (const method of methods) {
    if (method['@odata.type'] === TAP_TYPE) split.taps.push(method as TemporaryAccessPass);
    else if (method['@odata.type'] === AUTHENTICATOR_TYPE) {
      split.authenticators.push(method as AuthenticatorMethod);
    } else split.others.push(method);
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
    const { taps, authenticators } = splitMethods(
      (result.body as GraphPage<AuthenticationMethod>).value,
    );
    stages.set(id, onboardingStage(taps, authenticators));
  });
  return stages;
}

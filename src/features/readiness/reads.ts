import type { RuntimeConfig } from '../../config/runtime-config';
import {
  getAuthenticatorPolicy,
  getPasskeyPolicy,
  getTemporaryAccessPassPolicy,
} from '../../graph/authentication-methods';
import type { GraphClient } from '../../graph/client';
import { listVerificationRecords } from '../../graph/verification-records';
import { WRITE_EVIDENCE_DAYS, type ReadinessInputs, type Read } from './checks';

export type ReadinessConfig = Pick<RuntimeConfig, 'pilot' | 'tap' | 'audit' | 'verification'>;

/**
 * Thrown reads that must not become a check: the section's consent problem (the route guard
 * explains it) and a cancelled page. By name, so `npm run smoke` runs this without MSAL.
 */
const passThrough = (error: unknown) =>
  error instanceof Error && (error.name === 'ConsentRequiredError' || error.name === 'AbortError');

async function settle<T>(promise: Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (passThrough(error)) throw error;
    return { ok: false, error };
  }
}

/**
 * The five reads the readiness checks need, side by side, all GETs. Each failure is kept as the
 * check's answer (a 403 is "your role cannot read it"), so one refusal never hides the rest.
 */
export async function readReadinessInputs(
  client: GraphClient,
  config: ReadinessConfig,
  signal?: AbortSignal,
  now = Date.now(),
): Promise<ReadinessInputs> {
  const { siteId, listId } = config.verification;
  const since = new Date(now - WRITE_EVIDENCE_DAYS * 86_400_000).toISOString();
  const [tapPolicy, authenticatorPolicy, passkeyPolicy, listRecords, registrationReport] =
    await Promise.all([
      settle(getTemporaryAccessPassPolicy(client, signal)),
      settle(getAuthenticatorPolicy(client, signal)),
      settle(getPasskeyPolicy(client, signal)),
      settle(
        listVerificationRecords(
          client,
          { siteId, listId },
          { from: since, to: new Date(now).toISOString() },
          signal,
        ),
      ),
      settle(
        client.request<unknown>({
          path: '/reports/authenticationMethods/userRegistrationDetails',
          query: { $top: 1 },
          signal,
        }),
      ),
    ]);
  return {
    pilotGroups: config.pilot.groups.map((g) => ({ id: g.id, displayName: g.displayName })),
    tapTargetGroupIds: config.tap.targetGroupIds,
    retentionDays: config.audit.retentionDays,
    siteHost: siteId.split(',')[0] ?? '',
    tapPolicy,
    authenticatorPolicy,
    passkeyPolicy,
    listRecords,
    registrationReport,
  };
}

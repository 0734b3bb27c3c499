/** Applying the plan: the writes, one by one, with the new ids filled in as Graph returns them. */
import { failure, get, quote, type Graph } from './graph-rest';
import type { LiveApplication, LiveServicePrincipal } from './live-state';
import type { Manifest } from './manifest';
import { NEW_APP_ID, NEW_SERVICE_PRINCIPAL_ID, type Change } from './plan';
import { RegistrationError } from './site-urls';

type Json = Record<string, unknown>;

export interface ApplyResult {
  application: { id: string; appId: string } | null;
  servicePrincipal: { id: string } | null;
}

function fillIn(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => fillIn(item, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillIn(v, ids)]));
  }
  return value;
}

const isWrite = (status: number) => status >= 200 && status < 300;

/**
 * Makes the writes one by one. A new application takes a moment to reach every directory
 * replica, so creating its service principal is retried while Graph does not know the appId yet.
 */
export async function applyChanges(
  graph: Graph,
  manifest: Manifest,
  changes: readonly Change[],
  sleep: (ms: number) => Promise<void>,
  log: (line: string) => void = () => {},
): Promise<ApplyResult> {
  const ids = new Map<string, string>();
  const result: ApplyResult = { application: null, servicePrincipal: null };
  for (const change of changes) {
    const body = fillIn(change.body, ids) as Json;
    let response = await graph(change.method, change.path, body, change.headers);
    for (let attempt = 1; change.creates === 'servicePrincipal' && attempt <= 6; attempt++) {
      if (response.status !== 400 && response.status !== 404) break;
      await sleep(Math.min(2 ** attempt, 30) * 1000);
      response = await graph(change.method, change.path, body, change.headers);
    }
    if (!isWrite(response.status)) throw failure(change.method, change.path, response);
    log(`  done: ${change.summary}`);

    if (change.creates === 'application') {
      let created = response.body as LiveApplication | null;
      if (!created?.appId) {
        created = await get<LiveApplication>(
          graph,
          `/applications(uniqueName='${quote(manifest.uniqueName)}')?$select=id,appId`,
        );
      }
      if (!created) throw new RegistrationError('Graph did not return the new application');
      ids.set(NEW_APP_ID, created.appId);
      result.application = { id: created.id, appId: created.appId };
    }
    if (change.creates === 'servicePrincipal') {
      const created = response.body as LiveServicePrincipal;
      ids.set(NEW_SERVICE_PRINCIPAL_ID, created.id);
      result.servicePrincipal = { id: created.id };
    }
  }
  return result;
}

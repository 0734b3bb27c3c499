/**
 * The TAP Desk app registration as code, one run: read the tenant, compare it with the manifest,
 * and make the few Microsoft Graph v1.0 writes that close the gap.
 */
import { applyChanges } from './apply';
import type { Graph } from './graph-rest';
import { readLiveState, resolveScopeIds } from './live-state';
import type { Manifest } from './manifest';
import { consentWarnings, planChanges, unconsentedReadScopes, type Change } from './plan';
import { normalizeSiteUrl, redirectUrisFor, RegistrationError } from './site-urls';

export interface RunOptions {
  siteUrls: string[];
  dryRun: boolean;
  grantConsent: boolean;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export interface RunResult {
  changes: Change[];
  notes: string[];
  warnings: string[];
  applied: boolean;
  /** null only on a dry run against a tenant without the application. */
  appId: string | null;
  servicePrincipalId: string | null;
  graphServicePrincipalId: string;
  scopeIds: Map<string, string>;
  /** Every read-only scope is consented for all users (after this run, if it wrote). */
  readScopesConsented: boolean;
}

export async function register(
  graph: Graph,
  manifest: Manifest,
  options: RunOptions,
): Promise<RunResult> {
  if (options.siteUrls.length === 0) {
    throw new RegistrationError('Give the site URL: --url https://tapdesk.contoso.com/');
  }
  const siteUrls = options.siteUrls.map(normalizeSiteUrl);
  const live = await readLiveState(graph, manifest);
  const { ids, notes } = resolveScopeIds(manifest, live.graph);
  const changes = planChanges(manifest, live, {
    redirectUris: redirectUrisFor(manifest, siteUrls),
    scopeIds: ids,
    grantConsent: options.grantConsent,
  });
  const warnings = options.grantConsent ? [] : consentWarnings(manifest, live);
  const readScopesConsented =
    (options.grantConsent && !options.dryRun) || unconsentedReadScopes(manifest, live).length === 0;

  let appId = live.application?.appId ?? null;
  let servicePrincipalId = live.servicePrincipal?.id ?? null;
  const applied = !options.dryRun && changes.length > 0;
  if (applied) {
    const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
    const result = await applyChanges(graph, manifest, changes, sleep, options.log);
    appId = result.application?.appId ?? appId;
    servicePrincipalId = result.servicePrincipal?.id ?? servicePrincipalId;
  }
  return {
    changes,
    notes,
    warnings,
    applied,
    appId,
    servicePrincipalId,
    graphServicePrincipalId: live.graph.id,
    scopeIds: ids,
    readScopesConsented,
  };
}

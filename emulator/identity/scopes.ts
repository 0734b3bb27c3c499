import { CONSENTED_SCOPES, GRAPH_RESOURCE, OIDC_SCOPES } from '../constants';

export interface RequestedScopes {
  /** The requested scopes as sent, deduplicated: echoed back so MSAL's cache lookups match. */
  asRequested: string[];
  oidc: Set<string>;
  /** Graph delegated scopes, bare and in canonical casing when known. */
  graph: string[];
  /** Requested scopes the app registration has no admin consent for. */
  unconsented: string[];
}

const consented = new Map(CONSENTED_SCOPES.map((s) => [s.toLowerCase(), s as string]));
const graphPrefix = `${GRAPH_RESOURCE}/`;

/**
 * Splits a scope parameter like Entra: OIDC scopes, Graph scopes bare or resource-prefixed.
 * `.default` stands for `defaults`: every scope consented for the person signing in.
 */
export function parseScopes(
  scope: string,
  defaults: readonly string[] = CONSENTED_SCOPES,
): RequestedScopes {
  const result: RequestedScopes = { asRequested: [], oidc: new Set(), graph: [], unconsented: [] };
  const seen = new Set<string>();
  for (const item of scope.split(/\s+/).filter(Boolean)) {
    const lower = item.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    result.asRequested.push(item);
    if ((OIDC_SCOPES as readonly string[]).includes(lower)) {
      result.oidc.add(lower);
      continue;
    }
    const bare = lower.startsWith(graphPrefix) ? item.slice(graphPrefix.length) : item;
    if (bare.toLowerCase() === '.default') {
      result.graph.push(...defaults);
      continue;
    }
    const known = bare.includes('://') ? undefined : consented.get(bare.toLowerCase());
    if (known) result.graph.push(known);
    else result.unconsented.push(item);
  }
  result.graph = [...new Set(result.graph)];
  return result;
}

/** The `scp` claim: the Graph scopes asked for, or User.Read for a sign-in-only request. */
export function accessTokenScopes(scopes: RequestedScopes): string[] {
  return scopes.graph.length > 0 ? scopes.graph : ['User.Read'];
}

/** The response's `scope`: what was asked for, plus User.Read when only OIDC scopes were. */
export function responseScope(scopes: RequestedScopes): string {
  const items = scopes.graph.length > 0 ? scopes.asRequested : ['User.Read', ...scopes.asRequested];
  return items.filter((s) => s.toLowerCase() !== 'offline_access').join(' ');
}

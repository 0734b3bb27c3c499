/**
 * npm run smoke -- --config <config.json> [--origin <site URL>] [--token <jwt>]
 *                  [--reports-token <jwt>] [--tenant <id>]
 *
 * Read-only checks of a tenant before the first pilot (deploy/smoke/smoke.ts); prints a table and
 * exits 1 when a check fails. Never writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, parseRuntimeConfig } from '../../src/config/runtime-config';
import { azureCliToken, UsageError } from '../entra/sign-in';
import { formatTable, runSmoke } from './smoke';

const HELP = `Check a tenant against TAP Desk's rollout recipe, reading only.

  npm run smoke -- --config <config.json> [--origin <site URL>] [--token <jwt>]
                   [--reports-token <jwt>] [--tenant <id>]

  --config   The config.json TAP Desk is deployed with (demo: demo/config.json).
  --origin   Where TAP Desk is served, when config.json's URLs are relative (the demo:
             https://localhost:5173).
  --token    A Microsoft Graph access token. Best: one TAP Desk issued to a person who holds the
             roles to check (Global Reader, Reports Reader), so the scope checks mean something.
             Otherwise GRAPH_TOKEN, otherwise the Azure CLI's sign-in (az login).
  --reports-token  A token TAP Desk Reports issued to that person: the pilot, audit and readiness
             scopes are its own (decision 0020). Without it, those scope checks are unknown.
  --tenant   The tenant for the Azure CLI's sign-in.
`;

/** The demo's config.json moved from public/ to demo/; an old command line still finds it. */
function configPath(given: string): { path: string; note?: string } {
  if (existsSync(given)) return { path: given };
  if (/(^|[\\/])public[\\/]config\.json$/.test(given) && existsSync('demo/config.json')) {
    return {
      path: 'demo/config.json',
      note: `${given} does not exist; the demo's configuration is demo/config.json, so that is used.`,
    };
  }
  throw new UsageError(`--config ${given}: no such file.`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      origin: { type: 'string' },
      token: { type: 'string' },
      'reports-token': { type: 'string' },
      tenant: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.config) throw new UsageError(`--config is required.\n\n${HELP}`);
  const { path, note } = configPath(values.config);
  if (note) console.log(`Note: ${note}`);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { graph?: { baseUrl?: unknown } };
  const relative = !/^https:\/\//i.test(String(raw.graph?.baseUrl ?? ''));
  if (relative && !values.origin) {
    throw new UsageError(
      `${path} names Graph by a relative URL (${String(raw.graph?.baseUrl)}): pass --origin, the site it is served from.`,
    );
  }
  const config = parseRuntimeConfig(raw, new URL(values.origin ?? 'https://localhost/').toString());
  const token =
    values.token?.trim() || process.env.GRAPH_TOKEN?.trim() || (await azureCliToken(values.tenant));
  console.log(`TAP Desk smoke run for ${config.tenantName} (${path}); read only.\n`);
  const reportsToken = values['reports-token']?.trim();
  const rows = await runSmoke({ config, token, ...(reportsToken ? { reportsToken } : {}) });
  console.log(formatTable(rows, process.stdout.columns || 120));
  const failed = rows.filter((row) => row.status === 'fail').length;
  const unknown = rows.filter((row) => row.status === 'unknown').length;
  console.log(
    `\n${rows.length} checks: ${failed} failed, ${unknown} unknown. ${failed ? 'Fix the failures before the first pilot (docs/admin-guide.md).' : 'Nothing fails.'}`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(error.message);
    else if (error instanceof ConfigError)
      console.error(`The configuration has problems: ${error.message}`);
    else if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${HELP}`);
    } else console.error(error);
    process.exitCode = 1;
  },
);

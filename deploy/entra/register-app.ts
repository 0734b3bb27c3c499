/**
 * npm run register-app -- --url https://tapdesk.contoso.com/ [--dry-run] [--tenant <id>]
 *                         [--grant-consent]
 *
 * Creates or updates the TAP Desk app registration from deploy/entra/app-registration.json, with
 * Microsoft Graph v1.0 and the Azure CLI's sign-in (docs/decisions/0007-app-registration-as-code.md).
 * A second run changes nothing; --dry-run only reads.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GraphRequestError, type Graph } from './graph-rest';
import { ManifestError, parseManifest } from './manifest';
import { configValues, nextSteps } from './next-steps';
import { register } from './registration';
import { normalizeSiteUrl, RegistrationError } from './site-urls';
import { azureCliToken, tenantOf, UsageError } from './sign-in';

const MANIFEST = new URL('./app-registration.json', import.meta.url);
const GRAPH = 'https://graph.microsoft.com/v1.0';

const HELP = `Create or update the TAP Desk app registration (deploy/entra/app-registration.json).

  npm run register-app -- --url <site URL> [--url <another>] [--dry-run] [--tenant <id>]
                          [--grant-consent]

  --url            Where TAP Desk is served, e.g. https://tapdesk.contoso.com/ or
                   https://intranet.contoso.com/tapdesk/. Gives the SPA redirect URIs
                   <url>redirect.html and <url>. Repeat it for more than one site.
  --dry-run        Read only: print every change the run would make, and write nothing.
  --tenant <id>    The tenant to sign in to with the Azure CLI (id or domain).
  --grant-consent  Also consent, for all users, to the read-only scopes (never to a ReadWrite
                   scope: grant that per helpdesk person; see the next steps).

Sign-in: the Azure CLI (az login --tenant <tenant> --allow-no-subscriptions), as an admin who may
create app registrations, e.g. Application Administrator. Without the Azure CLI, put a Microsoft
Graph access token in GRAPH_TOKEN; from Microsoft Graph PowerShell, for example:
  Connect-MgGraph -TenantId <tenant> -Scopes Application.ReadWrite.All,DelegatedPermissionGrant.ReadWrite.All
  $r = Invoke-MgGraphRequest -Uri 'https://graph.microsoft.com/v1.0/organization' -OutputType HttpResponseMessage
  $env:GRAPH_TOKEN = $r.RequestMessage.Headers.Authorization.Parameter
`;

function graphOver(token: string): Graph {
  return async (method, path, body, headers) => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${GRAPH}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if ((response.status === 429 || response.status === 503) && attempt < 4) {
        const seconds = Number(response.headers.get('Retry-After')) || 2 ** (attempt + 1);
        await new Promise((done) => setTimeout(done, seconds * 1000));
        continue;
      }
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = { error: { code: 'NotJson', message: text.slice(0, 200) } };
      }
      return { status: response.status, body: parsed };
    }
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      tenant: { type: 'string' },
      'grant-consent': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const siteUrls = (values.url ?? []).map(normalizeSiteUrl);
  if (siteUrls.length === 0) throw new UsageError(`--url is required.\n\n${HELP}`);
  const dryRun = values['dry-run'];

  const manifest = parseManifest(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  const token = process.env.GRAPH_TOKEN?.trim() || (await azureCliToken(values.tenant));
  const tenantId = tenantOf(token);
  const wanted = values.tenant;
  if (wanted && /^[0-9a-f-]{36}$/i.test(wanted) && wanted.toLowerCase() !== tenantId) {
    throw new UsageError(`--tenant ${wanted}, but the token is for tenant ${tenantId}.`);
  }

  console.log(
    `TAP Desk app registration, tenant ${tenantId}${dryRun ? ' (dry run: nothing is written)' : ''}`,
  );
  console.log(`Manifest: deploy/entra/app-registration.json\n`);

  const result = await register(graphOver(token), manifest, {
    siteUrls,
    dryRun,
    grantConsent: values['grant-consent'],
    log: (line) => console.log(line),
  });

  if (result.changes.length === 0) {
    console.log('No changes: the tenant already matches the manifest.');
  } else if (dryRun) {
    console.log(`${result.changes.length} change(s) a real run would make:`);
    for (const change of result.changes) {
      console.log(`  - ${change.summary}`);
      for (const detail of change.details) console.log(`      ${detail}`);
    }
  } else {
    console.log(`${result.changes.length} change(s) made.`);
  }
  for (const note of result.notes) console.log(`Note: ${note}`);
  for (const warning of result.warnings) console.log(`Warning: ${warning}`);

  console.log(
    '\nValues for your config.json (auth and graph; docs/configuration.md has the rest):',
  );
  for (const site of siteUrls) {
    if (siteUrls.length > 1) console.log(`For ${site}:`);
    console.log(JSON.stringify(configValues(tenantId, result.appId, site), null, 2));
  }
  console.log('\nNext steps:');
  for (const line of nextSteps(manifest, result, tenantId, siteUrls[0] as string)) {
    console.log(line);
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof ManifestError ||
    error instanceof RegistrationError
  ) {
    console.error(error.message);
  } else if (error instanceof GraphRequestError) {
    const hint =
      error.status === 401 || error.status === 403
        ? '\nThe signed-in account may not manage app registrations (e.g. Application Administrator), ' +
          'or the token has expired: sign in again.'
        : '';
    console.error(
      `Microsoft Graph refused a request; the run stopped there.\n${error.message}${hint}`,
    );
  } else if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});

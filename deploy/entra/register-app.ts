/**
 * npm run register-app -- --url https://tapdesk.contoso.com/ [--dry-run] [--tenant <id>]
 *                         [--grant-consent]
 *
 * Creates or updates TAP Desk's two app registrations, TAP Desk from
 * deploy/entra/app-registration.json and TAP Desk Reports from app-registration-reports.json
 * (decision 0020), with Microsoft Graph v1.0 and the Azure CLI's sign-in
 * (docs/decisions/0007-app-registration-as-code.md). A second run changes nothing; --dry-run only
 * reads.
 */
import { parseArgs } from 'node:util';
import { GraphRequestError, type Graph } from './graph-rest';
import { ManifestError } from './manifest';
import { MANIFEST_FILES, readManifests, type AppKey } from './manifests';
import { configValues, nextSteps } from './next-steps';
import { register, type RunResult } from './registration';
import { normalizeSiteUrl, RegistrationError } from './site-urls';
import { azureCliToken, tenantOf, UsageError } from './sign-in';

const GRAPH = 'https://graph.microsoft.com/v1.0';

const HELP = `Create or update TAP Desk's two app registrations: TAP Desk (deploy/entra/app-registration.json)
and the read-only TAP Desk Reports (deploy/entra/app-registration-reports.json).

  npm run register-app -- --url <site URL> [--url <another>] [--dry-run] [--tenant <id>]
                          [--grant-consent]

  --url            Where TAP Desk is served, e.g. https://tapdesk.contoso.com/ or
                   https://intranet.contoso.com/tapdesk/. Gives the SPA redirect URIs
                   <url>redirect.html and <url>. Repeat it for more than one site.
  --dry-run        Read only: print every change the run would make, and write nothing.
  --tenant <id>    The tenant to sign in to with the Azure CLI (id or domain).
  --grant-consent  Also consent, for all users, to the read-only scopes of both apps (never to a
                   ReadWrite scope: grant that per helpdesk person; see the next steps).

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

  const manifests = readManifests();
  const token = process.env.GRAPH_TOKEN?.trim() || (await azureCliToken(values.tenant));
  const tenantId = tenantOf(token);
  const wanted = values.tenant;
  if (wanted && /^[0-9a-f-]{36}$/i.test(wanted) && wanted.toLowerCase() !== tenantId) {
    throw new UsageError(`--tenant ${wanted}, but the token is for tenant ${tenantId}.`);
  }

  const results: Partial<Record<AppKey, RunResult>> = {};
  for (const key of ['main', 'reports'] as const) {
    const manifest = manifests[key];
    console.log(
      `${manifest.displayName} app registration, tenant ${tenantId}${dryRun ? ' (dry run: nothing is written)' : ''}`,
    );
    console.log(`Manifest: ${MANIFEST_FILES[key]}\n`);
    const result = await register(graphOver(token), manifest, {
      siteUrls,
      dryRun,
      grantConsent: values['grant-consent'],
      log: (line) => console.log(line),
    });
    results[key] = result;

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
    console.log(`\nNext steps for ${manifest.displayName}:`);
    for (const line of nextSteps(manifest, result, tenantId, siteUrls[0] as string)) {
      console.log(line);
    }
    console.log('');
  }

  console.log('Values for your config.json (auth and graph; docs/configuration.md has the rest):');
  const clientIds = { main: results.main?.appId ?? null, reports: results.reports?.appId ?? null };
  for (const site of siteUrls) {
    if (siteUrls.length > 1) console.log(`For ${site}:`);
    console.log(JSON.stringify(configValues(tenantId, clientIds, site), null, 2));
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

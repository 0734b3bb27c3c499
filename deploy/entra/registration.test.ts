import { describe, expect, it } from 'vitest';
import { FakeGraph } from './fake-graph';
import { scopeNames } from './manifest';
import { readManifests } from './manifests';
import {
  configValues,
  DEFAULT_ACCESS_ROLE_ID,
  nextSteps,
  readOnlyAdminConsentUrl,
} from './next-steps';
import { register, type RunOptions } from './registration';
import { normalizeSiteUrl, RegistrationError } from './site-urls';

const manifests = readManifests();
const manifest = manifests.main;

/** Test data only: ids for the scopes the manifest leaves to the tenant. */
const STAND_IN_IDS: Record<string, string> = {
  'UserAuthMethod-TAP.ReadWrite.All': '0a1b2c3d-0000-4000-8000-000000000001',
  'UserAuthMethod-TAP.Read.All': '0a1b2c3d-0000-4000-8000-000000000002',
  'Policy.Read.AuthenticationMethod': '0a1b2c3d-0000-4000-8000-000000000003',
};

/** Microsoft Graph's scopes in the fake tenant: the manifest's, and a few it never asks for. */
function graphScopes(): Record<string, string> {
  const scopes: Record<string, string> = {
    'Directory.ReadWrite.All': 'c5366453-9fb0-48a5-a156-24f0c49a4b84',
    'User.ReadWrite.All': '204e0828-b5ca-4ad8-b9f3-f32a958e7cc4',
  };
  for (const { graph } of [manifest, manifests.reports]) {
    for (const [name, id] of Object.entries(graph.scopeIds)) {
      scopes[name] = id ?? (STAND_IN_IDS[name] as string);
    }
  }
  return scopes;
}

const SITE = 'https://tapdesk.contoso.com/';
const noWait = () => Promise.resolve();
const options = (overrides: Partial<RunOptions> = {}): RunOptions => ({
  siteUrls: [SITE],
  dryRun: false,
  grantConsent: false,
  sleep: noWait,
  ...overrides,
});

function tenant(replicationDelay = 0) {
  return new FakeGraph({ graphScopes: graphScopes(), replicationDelay });
}

async function registeredTenant() {
  const fake = tenant();
  await register(fake.graph, manifest, options());
  fake.requests.length = 0;
  return fake;
}

type Role = { id: string; value: string; isEnabled: boolean };

describe('register-app against a tenant without TAP Desk', () => {
  it('creates the application and its service principal exactly as the manifest says', async () => {
    const fake = tenant();
    const run = await register(fake.graph, manifest, options());

    expect(fake.writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      "PATCH /applications(uniqueName='tap-desk')",
      'POST /servicePrincipals',
    ]);
    expect(fake.writes[0]?.headers).toEqual({ Prefer: 'create-if-missing' });

    const app = fake.application('tap-desk');
    expect(app).toBeDefined();
    expect(app?.displayName).toBe('TAP Desk');
    expect(app?.signInAudience).toBe('AzureADMyOrg');
    expect(app?.groupMembershipClaims).toBe('DirectoryRole');
    expect(app?.isFallbackPublicClient).toBe(false);
    expect(app?.spa).toEqual({
      redirectUris: ['https://tapdesk.contoso.com/redirect.html', 'https://tapdesk.contoso.com/'],
    });
    expect(
      (app?.appRoles as Role[]).map(({ id, value, isEnabled }) => ({ id, value, isEnabled })),
    ).toEqual(manifest.appRoles.map(({ id, value }) => ({ id, value, isEnabled: true })));

    const access = app?.requiredResourceAccess as {
      resourceAppId: string;
      resourceAccess: { id: string; type: string }[];
    }[];
    expect(access).toHaveLength(1);
    expect(access[0]?.resourceAppId).toBe('00000003-0000-0000-c000-000000000000');
    const scopes = graphScopes();
    expect(access[0]?.resourceAccess.map((item) => item.type)).not.toContain('Role');
    expect(access[0]?.resourceAccess.map((item) => item.id).sort()).toEqual(
      scopeNames(manifest)
        .map((name) => scopes[name])
        .sort(),
    );

    const sp = fake.servicePrincipal(app?.appId as string);
    expect(sp?.appRoleAssignmentRequired).toBe(true);
    expect(run.appId).toBe(app?.appId);
    expect(run.servicePrincipalId).toBe(sp?.id);
    expect(fake.grants).toEqual([]);
  });

  it('makes no write request on the second run and says there is nothing to change', async () => {
    const fake = await registeredTenant();
    const run = await register(fake.graph, manifest, options());
    expect(run.changes).toEqual([]);
    expect(run.applied).toBe(false);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.writes).toEqual([]);
  });

  it('on a dry run only reads, and lists what a real run would create', async () => {
    const fake = tenant();
    const run = await register(fake.graph, manifest, options({ dryRun: true }));
    expect(fake.writes).toEqual([]);
    expect(fake.applications).toEqual([]);
    expect(run.appId).toBeNull();
    expect(run.changes.map((change) => change.summary)).toEqual([
      "create application 'TAP Desk' (uniqueName tap-desk, AzureADMyOrg)",
      'create the service principal (enterprise application) with assignment required: yes',
    ]);
    const details = run.changes[0]?.details.join('\n') ?? '';
    expect(details).toContain('https://tapdesk.contoso.com/redirect.html');
    for (const role of manifest.appRoles) expect(details).toContain(role.value);
    expect(details).toContain('UserAuthMethod-TAP.ReadWrite.All');
  });

  it('waits for a new application to replicate before creating its service principal', async () => {
    const fake = tenant(2);
    const waits: number[] = [];
    await register(
      fake.graph,
      manifest,
      options({ sleep: (ms) => (waits.push(ms), Promise.resolve()) }),
    );
    expect(waits).toHaveLength(2);
    expect(fake.writes.filter((w) => w.path === '/servicePrincipals')).toHaveLength(3);
    expect(fake.servicePrincipals).toHaveLength(2);
  });

  it('refuses to touch an application of the same name that it did not create', async () => {
    const fake = tenant();
    fake.seedApplication({ displayName: 'TAP Desk' });
    await expect(register(fake.graph, manifest, options())).rejects.toThrow(
      /already exists .* not created from this manifest/,
    );
    expect(fake.writes).toEqual([]);
  });

  it('serves the app under a path, and refuses a plain-http site', async () => {
    const fake = tenant();
    await register(
      fake.graph,
      manifest,
      options({ siteUrls: ['https://intranet.contoso.com/tapdesk'] }),
    );
    expect(fake.application('tap-desk')?.spa).toEqual({
      redirectUris: [
        'https://intranet.contoso.com/tapdesk/redirect.html',
        'https://intranet.contoso.com/tapdesk/',
      ],
    });
    expect(() => normalizeSiteUrl('http://tapdesk.contoso.com/')).toThrow(RegistrationError);
    expect(normalizeSiteUrl('http://localhost:5173')).toBe('http://localhost:5173/');
  });
});

describe('register-app against a tenant that drifted from the manifest', () => {
  it('removes a redirect URI someone added, with a PATCH of the SPA redirect URIs only', async () => {
    const fake = await registeredTenant();
    const app = fake.application('tap-desk');
    (app?.spa as { redirectUris: string[] }).redirectUris.push('https://evil.example.com/');

    const dry = await register(fake.graph, manifest, options({ dryRun: true }));
    expect(dry.changes.map((c) => c.summary)).toEqual([
      'SPA redirect URIs: remove https://evil.example.com/',
    ]);
    expect(fake.writes).toEqual([]);

    await register(fake.graph, manifest, options());
    expect(fake.writes).toEqual([
      {
        method: 'PATCH',
        path: `/applications/${app?.id as string}`,
        body: {
          spa: {
            redirectUris: [
              'https://tapdesk.contoso.com/redirect.html',
              'https://tapdesk.contoso.com/',
            ],
          },
        },
      },
    ]);
  });

  it('puts back a missing scope with a PATCH of requiredResourceAccess only', async () => {
    const fake = await registeredTenant();
    const app = fake.application('tap-desk');
    const tapRead = STAND_IN_IDS['Policy.Read.AuthenticationMethod'];
    const [graph] = app?.requiredResourceAccess as { resourceAccess: { id: string }[] }[];
    graph!.resourceAccess = graph!.resourceAccess.filter((item) => item.id !== tapRead);

    const run = await register(fake.graph, manifest, options());
    expect(run.changes.map((c) => c.summary)).toEqual([
      'Microsoft Graph permissions: add Policy.Read.AuthenticationMethod',
    ]);
    expect(fake.writes).toHaveLength(1);
    expect(Object.keys(fake.writes[0]?.body as object)).toEqual(['requiredResourceAccess']);
    const fixed = app?.requiredResourceAccess as { resourceAccess: { id: string }[] }[];
    expect(fixed[0]?.resourceAccess.map((item) => item.id)).toContain(tapRead);
  });

  it('takes away a scope the manifest does not ask for', async () => {
    const fake = await registeredTenant();
    const app = fake.application('tap-desk');
    const [graph] = app?.requiredResourceAccess as { resourceAccess: object[] }[];
    graph!.resourceAccess.push({ id: graphScopes()['Directory.ReadWrite.All'], type: 'Scope' });

    const run = await register(fake.graph, manifest, options());
    expect(run.changes.map((c) => c.summary)).toEqual([
      'Microsoft Graph permissions: remove Directory.ReadWrite.All',
    ]);
    expect(fake.writes).toHaveLength(1);
  });

  it('disables an app role added by hand before removing it, as Graph insists', async () => {
    const fake = await registeredTenant();
    const app = fake.application('tap-desk');
    const extra = {
      id: '9d2c0f5e-1111-4222-8333-444455556666',
      value: 'TapDesk.Everything',
      displayName: 'Everything',
      description: 'Added in the portal',
      allowedMemberTypes: ['User'],
      isEnabled: true,
      origin: 'Application',
    };
    (app?.appRoles as object[]).push(extra);

    // What the fake refuses, the real Graph refuses too: removing a role that is still enabled.
    const direct = await fake.graph('PATCH', `/applications/${app?.id as string}`, {
      appRoles: manifest.appRoles.map(({ id, value, displayName, description }) => ({
        id,
        value,
        displayName,
        description,
        allowedMemberTypes: ['User'],
        isEnabled: true,
      })),
    });
    expect(direct.status).toBe(400);
    fake.requests.length = 0;

    const run = await register(fake.graph, manifest, options());
    expect(run.changes.map((c) => c.summary)).toEqual([
      "disable app role 'TapDesk.Everything' (Graph removes only disabled roles)",
      "app roles: remove 'TapDesk.Everything' (whoever holds it loses it)",
    ]);
    expect(fake.writes).toHaveLength(2);
    expect((app?.appRoles as Role[]).map((role) => role.value)).toEqual(
      manifest.appRoles.map((role) => role.value),
    );
  });

  it('turns assignment required back on', async () => {
    const fake = await registeredTenant();
    const sp = fake.servicePrincipal(fake.application('tap-desk')?.appId as string);
    sp!.appRoleAssignmentRequired = false;
    await register(fake.graph, manifest, options());
    expect(fake.writes).toEqual([
      {
        method: 'PATCH',
        path: `/servicePrincipals/${sp?.id as string}`,
        body: { appRoleAssignmentRequired: true },
      },
    ]);
  });

  it('stops before writing when a recorded scope id is not what Microsoft Graph says', async () => {
    const scopes = graphScopes();
    scopes['User.Read.All'] = 'ffffffff-0000-4000-8000-000000000000';
    const fake = new FakeGraph({ graphScopes: scopes });
    await expect(register(fake.graph, manifest, options())).rejects.toThrow(
      /records a154be20-db9c-4678-8ab7-66f6cc099a59 for "User.Read.All"/,
    );
    expect(fake.writes).toEqual([]);
  });
});

describe('consent', () => {
  it('--grant-consent consents tenant-wide to the read-only scopes and nothing else', async () => {
    const fake = tenant();
    const run = await register(fake.graph, manifest, options({ grantConsent: true }));
    expect(nextSteps(manifest, run, 't-1', SITE)[4]).toMatch(
      /^2\. The read-only scopes are consented/,
    );
    expect(fake.grants).toHaveLength(1);
    const grant = fake.grants[0] as { consentType: string; scope: string; resourceId: string };
    expect(grant.consentType).toBe('AllPrincipals');
    expect(grant.resourceId).toBe(fake.graphServicePrincipalId);
    const granted = grant.scope.split(' ');
    expect(granted).toContain('User.Read');
    expect(granted).toContain('UserAuthenticationMethod.Read.All');
    expect(granted.filter((scope) => scope.includes('ReadWrite'))).toEqual([]);

    fake.requests.length = 0;
    const again = await register(fake.graph, manifest, options({ grantConsent: true }));
    expect(again.changes).toEqual([]);
    expect(fake.writes).toEqual([]);
  });

  it('warns about, and with --grant-consent narrows, tenant-wide consent to a write scope', async () => {
    const fake = await registeredTenant();
    const sp = fake.servicePrincipal(fake.application('tap-desk')?.appId as string);
    fake.grants.push({
      id: 'grant-1',
      clientId: sp?.id,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: fake.graphServicePrincipalId,
      scope: scopeNames(manifest).join(' '),
    });

    const plain = await register(fake.graph, manifest, options());
    expect(plain.changes).toEqual([]);
    expect(plain.warnings.join('\n')).toMatch(/includes UserAuthMethod-TAP\.ReadWrite\.All/);
    expect(fake.writes).toEqual([]);

    const narrowed = await register(fake.graph, manifest, options({ grantConsent: true }));
    expect(narrowed.changes.map((c) => c.summary)).toEqual([
      'tenant-wide consent (all users): remove UserAuthMethod-TAP.ReadWrite.All',
    ]);
    expect(fake.grants[0]?.scope).not.toMatch(/ReadWrite/);
  });

  it('prints an admin consent link for the read-only scopes only', () => {
    const url = new URL(readOnlyAdminConsentUrl(manifest, 'tenant-id', 'client-id', SITE));
    expect(url.pathname).toBe('/tenant-id/v2.0/adminconsent');
    const scope = url.searchParams.get('scope') ?? '';
    expect(scope).toContain('https://graph.microsoft.com/UserAuthenticationMethod.Read.All');
    expect(scope).toContain('openid');
    expect(scope).not.toContain('ReadWrite');
    expect(url.searchParams.get('redirect_uri')).toBe(SITE);
  });
});

describe('what the admin gets at the end', () => {
  it('the values for the deployment’s config.json', () => {
    expect(
      configValues('t-1', { main: 'c-1', reports: 'r-1' }, 'https://intranet.contoso.com/tapdesk'),
    ).toEqual({
      auth: {
        clientId: 'c-1',
        reportsClientId: 'r-1',
        authority: 'https://login.microsoftonline.com/t-1/v2.0',
        protocolMode: 'AAD',
        redirectUri: 'https://intranet.contoso.com/tapdesk/redirect.html',
        postLogoutRedirectUri: 'https://intranet.contoso.com/tapdesk/',
      },
      graph: { baseUrl: 'https://graph.microsoft.com/v1.0' },
    });
  });

  it('next steps that name every role and its directory roles', async () => {
    const fake = tenant();
    const run = await register(fake.graph, manifest, options());
    const steps = nextSteps(manifest, run, 't-1', SITE).join('\n');
    for (const role of manifest.appRoles) {
      expect(steps).toContain(role.id);
      expect(steps).toContain(role.directoryRoles[0]);
    }
    expect(steps).toContain(`"clientId":"${run.servicePrincipalId as string}"`);
    expect(steps).toContain('"consentType":"Principal"');
    expect(steps).toContain(`/t-1/v2.0/adminconsent?client_id=${run.appId as string}`);
  });
});

describe('register-app for TAP Desk Reports', () => {
  const reports = manifests.reports;

  it('creates a second, read-only application beside TAP Desk, idempotently', async () => {
    const fake = tenant();
    const main = await register(fake.graph, manifest, options({ grantConsent: true }));
    const run = await register(fake.graph, reports, options({ grantConsent: true }));
    expect(run.appId).not.toBe(main.appId);
    const app = fake.application('tap-desk-reports');
    expect(app?.displayName).toBe('TAP Desk Reports');
    expect(app?.appRoles).toEqual([]);
    expect(app?.spa).toEqual({ redirectUris: ['https://tapdesk.contoso.com/redirect.html'] });
    const scopes = graphScopes();
    const names = new Map(Object.entries(scopes).map(([name, id]) => [id, name]));
    const access = app?.requiredResourceAccess as { resourceAccess: { id: string }[] }[];
    const asked = access[0]?.resourceAccess.map((item) => names.get(item.id)) ?? [];
    expect(asked).toContain('AuditLog.Read.All');
    expect(asked.filter((name) => name?.includes('ReadWrite'))).toEqual([]);
    expect(fake.servicePrincipal(run.appId as string)?.appRoleAssignmentRequired).toBe(true);

    // Each app its own tenant-wide grant; Reports' holds every scope it asks for.
    const reportsGrant = fake.grants.find((g) => g.clientId === run.servicePrincipalId) as {
      scope: string;
    };
    expect(reportsGrant.scope.split(' ').sort()).toEqual([...scopeNames(reports)].sort());
    expect(fake.grants).toHaveLength(2);

    fake.requests.length = 0;
    expect((await register(fake.graph, reports, options({ grantConsent: true }))).changes).toEqual(
      [],
    );
    expect(fake.writes).toEqual([]);
  });

  it('next steps: assignment with the default access, no write consent, read on the site', async () => {
    const fake = tenant();
    const run = await register(fake.graph, reports, options());
    const steps = nextSteps(reports, run, 't-1', SITE).join('\n');
    expect(steps).toContain(`"appRoleId":"${DEFAULT_ACCESS_ROLE_ID}"`);
    expect(steps).toContain('TapDesk.PilotManager');
    expect(steps).not.toContain('"consentType":"Principal"');
    expect(steps).not.toContain('ReadWrite');
    expect(steps).toContain('{"roles":["read"]');
    expect(nextSteps(manifest, run, 't-1', SITE).join('\n')).toContain('{"roles":["write"]');
  });
});

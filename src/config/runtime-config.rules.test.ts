import demo from '../../demo/config.json';
import { checkRuntimeConfig, ConfigError, parseRuntimeConfig } from './runtime-config';
import { problemWords, wordsOf } from '../testing/words';

const ORIGIN = 'https://tapdesk.contoso.com';
const TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CLIENT = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
const REPORTS = '5c4b3a29-1807-4f6e-9d5c-4b3a29180706';

/** A real tenant's configuration, as docs/configuration.md shows it. */
const entra = {
  ...demo,
  tenantName: 'Contoso',
  auth: {
    clientId: CLIENT,
    reportsClientId: REPORTS,
    authority: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    protocolMode: 'AAD',
    redirectUri: 'redirect.html',
    postLogoutRedirectUri: './',
  },
  graph: { baseUrl: 'https://graph.microsoft.com/v1.0' },
};

type Config = Record<string, unknown>;
const withAuth = (auth: Config) => ({ ...entra, auth: { ...entra.auth, ...auth } });
const withTap = (tap: Config) => ({ ...entra, tap: { ...entra.tap, ...tap } });
const withPolicy = (policy: Config) =>
  withTap({ fallbackPolicy: { ...entra.tap.fallbackPolicy, ...policy } });
const withVerification = (verification: Config) => ({
  ...entra,
  verification: { ...entra.verification, ...verification },
});

/** The problems, as `field problem` lines. */
function problems(raw: unknown, base = ORIGIN): string[] {
  return checkRuntimeConfig(raw, base).problems.map((p) => `${p.field} ${wordsOf(p.problem)}`);
}

describe('runtime configuration rules', () => {
  it('accepts a real tenant’s configuration and the shipped demo, with nothing to warn about', () => {
    expect(checkRuntimeConfig(entra, ORIGIN)).toMatchObject({ problems: [], warnings: [] });
    expect(checkRuntimeConfig(demo, 'https://localhost:5173')).toMatchObject({
      problems: [],
      warnings: [],
    });
    expect(parseRuntimeConfig(entra, ORIGIN).auth).toEqual({
      clientId: CLIENT,
      reportsClientId: REPORTS,
      authority: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      knownAuthorities: [],
      protocolMode: 'AAD',
      redirectUri: `${ORIGIN}/redirect.html`,
      postLogoutRedirectUri: `${ORIGIN}/`,
    });
  });

  it('reports every problem at once, each naming its field, what it should be and an example', () => {
    const broken = {
      ...withAuth({ clientId: 'abc' }),
      graph: {},
      verification: { ...entra.verification, listId: 'TAP Desk verification' },
    };
    const { problems: found, config } = checkRuntimeConfig(broken, ORIGIN);
    expect(config).toBeNull();
    expect(found.map((p) => p.field)).toEqual([
      'auth.clientId',
      'graph.baseUrl',
      'verification.listId',
    ]);
    expect(problemWords(found[0]!)).toEqual({
      field: 'auth.clientId',
      problem: 'is "abc", not a GUID',
      expected: 'the Application (client) ID of the TAP Desk app registration, a GUID',
      example: '"2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10"',
    });
    expect(problemWords(found[1]!)).toMatchObject({
      problem: 'is missing',
      example: '"https://graph.microsoft.com/v1.0"',
    });
    // The thrown error carries them all, and its message names each.
    const error = (() => {
      try {
        parseRuntimeConfig(broken, ORIGIN);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).reason).toBe('invalid');
    expect((error as ConfigError).problems).toHaveLength(3);
    expect((error as ConfigError).message).toBe(
      'auth.clientId is "abc", not a GUID; graph.baseUrl is missing; verification.listId is "TAP Desk verification", not a GUID',
    );
  });

  it('says what a number field’s range is', () => {
    const [problem] = checkRuntimeConfig(withTap({ hideAfterSeconds: 2 }), ORIGIN).problems;
    expect(problemWords(problem!)).toMatchObject({
      field: 'tap.hideAfterSeconds',
      problem: 'is 2, outside 5 to 3600',
      expected:
        'seconds a new pass stays on screen before TAP Desk hides it, a whole number from 5 to 3600',
      example: '60',
    });
    expect(problems(withTap({ hideAfterSeconds: '60' }))).toEqual([
      'tap.hideAfterSeconds is "60", not a whole number',
    ]);
  });

  it('refuses a file that is not an object, and a section that is not one without a cascade', () => {
    expect(problems([entra])).toEqual(['config.json is a list, not an object']);
    expect(problems({ ...entra, graph: 'https://graph.microsoft.com/v1.0' })).toEqual([
      'graph is "https://graph.microsoft.com/v1.0", not an object',
    ]);
  });

  it('reports each required field of a missing section', () => {
    const withoutAuth: Config = { ...entra };
    delete withoutAuth.auth;
    expect(problems(withoutAuth)).toEqual([
      'auth.clientId is missing',
      'auth.reportsClientId is missing',
      'auth.authority is missing',
    ]);
    expect(problems({ ...entra, tenantName: '  ' })).toEqual(['tenantName is empty']);
  });

  describe('auth', () => {
    it('refuses a client id that is the tenant id', () => {
      expect(problems(withAuth({ clientId: TENANT.toUpperCase() }))).toEqual([
        'auth.clientId is the tenant ID from auth.authority; use the Application (client) ID of the TAP Desk app registration',
      ]);
      expect(problems(withAuth({ reportsClientId: TENANT }))).toEqual([
        'auth.reportsClientId is the tenant ID from auth.authority; use the Application (client) ID of the TAP Desk Reports app registration',
      ]);
    });

    it('wants the reports’ own app registration: no single-app fallback', () => {
      const withoutReports: Config = { ...entra.auth };
      delete withoutReports.reportsClientId;
      expect(problems({ ...entra, auth: withoutReports })).toEqual([
        'auth.reportsClientId is missing',
      ]);
      expect(problems(withAuth({ reportsClientId: CLIENT.toUpperCase() }))).toEqual([
        'auth.reportsClientId is the same as auth.clientId: the reports need their own app registration, TAP Desk Reports, for their own Graph budget and read-only tokens',
      ]);
      expect(problems(withAuth({ reportsClientId: 'reports' }))).toEqual([
        'auth.reportsClientId is "reports", not a GUID',
      ]);
    });

    it('takes a spelling language the handover knows, and refuses any other', () => {
      expect(
        checkRuntimeConfig(withTap({ spellingLanguage: 'de' }), ORIGIN).config?.tap,
      ).toMatchObject({ spellingLanguage: 'de' });
      expect(checkRuntimeConfig(entra, ORIGIN).config?.tap.spellingLanguage).toBeUndefined();
      expect(problems(withTap({ spellingLanguage: 'german' }))).toEqual([
        'tap.spellingLanguage is "german", not "en" or "de" or "fr" or "nl" or "es" or "it"',
      ]);
    });

    it('wants a tenant in an Entra authority, with an optional /v2.0 and nothing more', () => {
      expect(
        problems(withAuth({ authority: 'https://login.microsoftonline.com/common/v2.0' })),
      ).toEqual([
        'auth.authority names no tenant ("common"): TAP Desk signs in to your own tenant only, so use its Directory (tenant) ID',
      ]);
      expect(
        problems(
          withAuth({
            authority: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
          }),
        ),
      ).toEqual([
        `auth.authority has the path /${TENANT}/oauth2/v2.0/authorize, but Entra ID expects /<tenant ID>/v2.0`,
      ]);
      expect(
        problems(withAuth({ authority: 'https://login.microsoftonline.com/contoso/v2.0' })),
      ).toEqual(['auth.authority names "contoso", which is neither a tenant ID nor a domain']);
      expect(
        problems(withAuth({ authority: `https://login.microsoftonline.com/${TENANT}?x=1` })),
      ).toEqual(['auth.authority must not have a query (?) or fragment (#)']);
      expect(
        problems(withAuth({ authority: 'https://login.microsoftonline.com/contoso.com' })),
      ).toEqual([]);
    });

    it('keeps the demo’s relative authority valid in OIDC mode only, on localhost', () => {
      const demoAuthority = demo.auth.authority;
      const local = 'https://localhost:5173';
      expect(problems(withAuth({ authority: demoAuthority, protocolMode: 'OIDC' }), local)).toEqual(
        [],
      );
      expect(problems(withAuth({ authority: demoAuthority }), local)).toEqual([
        expect.stringMatching(/^auth\.authority is on localhost:5173, which is not a Microsoft /),
        `auth.authority has the path ${demoAuthority}, but Entra ID expects /<tenant ID>/v2.0`,
      ]);
    });

    it('refuses an unknown protocol mode and a known authority that is not a host', () => {
      expect(problems(withAuth({ protocolMode: 'aad' }))).toEqual([
        'auth.protocolMode is "aad", not "AAD" or "OIDC"',
      ]);
      expect(problems(withAuth({ knownAuthorities: ['login.contoso.com', 'not a host'] }))).toEqual(
        ['auth.knownAuthorities[1] is "not a host", not a host name'],
      );
      expect(problems(withAuth({ knownAuthorities: ['', 'not a host'] }))).toEqual([
        'auth.knownAuthorities[0] is empty',
        'auth.knownAuthorities[1] is "not a host", not a host name',
      ]);
    });

    it('wants the redirect page on the app’s own origin, under the path the app is served from', () => {
      expect(
        problems(withAuth({ redirectUri: 'https://tapdesk.azurewebsites.net/redirect.html' })),
      ).toEqual([
        "auth.redirectUri is on https://tapdesk.azurewebsites.net, but TAP Desk runs on https://tapdesk.contoso.com: MSAL needs this page on the app's own origin",
      ]);
      expect(problems(withAuth({ redirectUri: '/' }))).toEqual([
        "auth.redirectUri points to /, but TAP Desk's redirect page is /redirect.html",
      ]);
      expect(
        problems(withAuth({ redirectUri: '/redirect.html' }), `${ORIGIN}/it/tapdesk/`),
      ).toEqual([
        "auth.redirectUri points to /redirect.html, but TAP Desk's redirect page is /it/tapdesk/redirect.html",
      ]);
      expect(problems(withAuth({ redirectUri: undefined }), `${ORIGIN}/it/tapdesk/`)).toEqual([]);
    });

    it('wants the page after sign-out on the app’s own origin', () => {
      expect(problems(withAuth({ postLogoutRedirectUri: 'https://www.contoso.com/' }))).toEqual([
        "auth.postLogoutRedirectUri is on https://www.contoso.com, but TAP Desk runs on https://tapdesk.contoso.com: MSAL needs this page on the app's own origin",
      ]);
    });
  });

  describe('graph', () => {
    it('wants an https Graph endpoint with its version', () => {
      expect(problems({ ...entra, graph: { baseUrl: 'http://graph.microsoft.com/v1.0' } })).toEqual(
        ['graph.baseUrl must use https, not http'],
      );
      expect(problems({ ...entra, graph: { baseUrl: 'https://graph.microsoft.com' } })).toEqual([
        "graph.baseUrl has the path /, which does not end with Graph's version /v1.0",
      ]);
      expect(
        problems({ ...entra, graph: { baseUrl: 'https://graph.microsoft.com/v1.0/' } }),
      ).toEqual([]);
    });
  });

  describe('tap', () => {
    it('keeps the fallback lifetimes in order, naming the field that is out of place', () => {
      expect(problems(withPolicy({ minimumLifetimeInMinutes: 500 }))).toEqual([
        'tap.fallbackPolicy.minimumLifetimeInMinutes is 500, above maximumLifetimeInMinutes (480)',
      ]);
      expect(problems(withPolicy({ defaultLifetimeInMinutes: 30 }))).toEqual([
        'tap.fallbackPolicy.defaultLifetimeInMinutes is 30, outside the minimum (60) and maximum (480) lifetimes',
      ]);
      expect(problems(withPolicy({ maximumLifetimeInMinutes: 50000 }))).toEqual([
        'tap.fallbackPolicy.maximumLifetimeInMinutes is 50000, outside 10 to 43200',
      ]);
      // Out of range, it is not also compared with the others.
      expect(problems(withPolicy({ minimumLifetimeInMinutes: 100000 }))).toEqual([
        'tap.fallbackPolicy.minimumLifetimeInMinutes is 100000, outside 10 to 43200',
      ]);
      expect(problems(withPolicy({ isUsableOnce: 'no' }))).toEqual([
        'tap.fallbackPolicy.isUsableOnce is "no", not true or false',
      ]);
    });

    it('wants the TAP policy’s target groups as object ids', () => {
      expect(problems(withTap({ targetGroupIds: ['TAP Eligible Users'] }))).toEqual([
        'tap.targetGroupIds[0] is "TAP Eligible Users", not a GUID',
      ]);
      expect(problems(withTap({ targetGroupIds: ['all_users'] }))).toEqual([
        'tap.targetGroupIds[0] is "all_users": when the policy targets all users, leave tap.targetGroupIds out',
      ]);
      const ids = ['7C2E9A43-5B6D-4F8C-A0BE-3D4F5B6C7E82'];
      expect(
        parseRuntimeConfig(withTap({ targetGroupIds: ids }), ORIGIN).tap.targetGroupIds,
      ).toEqual(['7c2e9a43-5b6d-4f8c-a0be-3d4f5b6c7e82']);
    });
  });

  describe('verification', () => {
    it('wants at least one method, each a sentence', () => {
      expect(problems(withVerification({ methods: [] }))).toEqual([
        'verification.methods is empty: list at least one way to verify a caller',
      ]);
      expect(problems(withVerification({ methods: ['By phone', 3] }))).toEqual([
        'verification.methods[1] is 3, not text',
      ]);
    });

    it('wants Graph’s site id, and says so when given the site’s web address', () => {
      expect(
        problems(withVerification({ siteId: 'https://contoso.sharepoint.com/sites/TapDesk' })),
      ).toEqual([
        "verification.siteId is the site's web address, but TAP Desk needs its Graph ID (docs/configuration.md says how to find it)",
      ]);
      expect(
        problems(withVerification({ siteId: '7d3b1f2a-0c4e-4b8a-9f6d-2e5a1c3b4d70' })),
      ).toEqual([
        'verification.siteId is "7d3b1f2a-0c4e-4b8a-9f6d-2e5a1c3b4d70", not hostname,site collection ID,web ID',
      ]);
      // Graph writes the GUIDs in upper case in its own examples.
      const upper =
        'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE';
      expect(problems(withVerification({ siteId: upper }))).toEqual([]);
    });

    it('wants the list id as a GUID', () => {
      expect(problems(withVerification({ listId: 'Lists/TapDesk' }))).toEqual([
        'verification.listId is "Lists/TapDesk", not a GUID',
      ]);
    });
  });

  it('wants the registration page as an absolute https URL', () => {
    expect(problems({ ...entra, registrationUrl: 'aka.ms/mysecurityinfo' })).toEqual([
      'registrationUrl is "aka.ms/mysecurityinfo", not an absolute https URL',
    ]);
    expect(problems({ ...entra, registrationUrl: 'http://aka.ms/mysecurityinfo' })).toEqual([
      'registrationUrl must use https, not http',
    ]);
    const query = 'https://mysignins.microsoft.com/security-info?tenant=contoso.com';
    expect(parseRuntimeConfig({ ...entra, registrationUrl: query }, ORIGIN).registrationUrl).toBe(
      query,
    );
  });

  it('warns about fields it does not read, and refuses one that differs only in letter case', () => {
    const extra = { ...withAuth({ cacheLocation: 'localStorage' }), theme: 'dark', $schema: 'x' };
    const { warnings, problems: found } = checkRuntimeConfig(extra, ORIGIN);
    expect(found).toEqual([]);
    expect(warnings.map((w) => `${w.field} ${wordsOf(w.problem)}`)).toEqual([
      'theme is not a field TAP Desk reads, so it is ignored',
      'auth.cacheLocation is not a field TAP Desk reads, so it is ignored',
    ]);
    // A wrongly cased optional field would silently fall back to its default.
    const cased = { ...entra, audit: { RetentionDays: 7 } };
    expect(checkRuntimeConfig(cased, ORIGIN).problems.map((p) => problemWords(p))).toEqual([
      expect.objectContaining({
        field: 'audit.RetentionDays',
        problem:
          'is not a field TAP Desk reads: did you mean audit.retentionDays? Names are case-sensitive',
        example: '30',
      }),
    ]);
  });

  it('names the list position of a misnamed field, and only ignores a variant beside the real one', () => {
    const group = {
      id: '5A0C7E21-3F4B-4D6A-8E9C-1B2D3F4A5C60',
      displayName: 'Pilot',
      Colour: 'red',
    };
    const { warnings, config } = checkRuntimeConfig(
      {
        ...entra,
        pilot: { ...entra.pilot, groups: [group] },
        audit: { retentionDays: 7, RetentionDays: 30 },
      },
      ORIGIN,
    );
    expect(warnings.map((w) => `${w.field} ${wordsOf(w.problem)}`)).toEqual([
      'audit.RetentionDays is not a field TAP Desk reads, so it is ignored',
      'pilot.groups[0].Colour is not a field TAP Desk reads, so it is ignored',
    ]);
    expect(config?.pilot.groups).toEqual([
      { id: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60', displayName: 'Pilot' },
    ]);
    expect(config?.audit.retentionDays).toBe(7);
    const misnamed = {
      ...entra,
      pilot: { ...entra.pilot, groups: [{ ID: group.id, displayName: 'Pilot' }] },
    };
    expect(problems(misnamed)).toEqual([
      'pilot.groups[0].id is missing',
      'pilot.groups[0].ID is not a field TAP Desk reads: did you mean pilot.groups[0].id? Names are case-sensitive',
    ]);
  });
});

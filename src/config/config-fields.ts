/**
 * What each field of config.json should hold: the boot failure page shows it beside every problem,
 * and docs/configuration.md describes each field at length (a test holds the two together). Keys
 * are field paths; `[]` stands for any position in a list. Examples are JSON values, shown as
 * they are written in config.json.
 */
export interface FieldSpec {
  /** What the field should hold, in words an Entra admin knows. */
  expected: string;
  /** A value that passes. */
  example: unknown;
  /** Whole numbers only: the accepted range, inclusive. */
  range?: readonly [number, number];
}

const DEMO_TENANT_ID = '8f3c2a1e-5b7d-4c6e-9a2f-0d1b3c5e7f90';

export const FIELD_SPECS = {
  'config.json': {
    expected:
      'a JSON object with the sections auth, graph, tap, verification and pilot (see docs/configuration.md)',
    example: { tenantName: 'Contoso', auth: {}, graph: {}, tap: {}, verification: {}, pilot: {} },
  },
  tenantName: {
    expected: 'the organisation name TAP Desk shows in its header',
    example: 'Contoso',
  },
  auth: {
    expected:
      'an object with the sign-in settings: clientId, reportsClientId, authority, protocolMode',
    example: { clientId: '2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10', authority: '…' },
  },
  'auth.clientId': {
    expected: 'the Application (client) ID of the TAP Desk app registration, a GUID',
    example: '2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10',
  },
  'auth.reportsClientId': {
    expected:
      'the Application (client) ID of the TAP Desk Reports app registration (the read-only one npm run register-app creates beside TAP Desk), a GUID',
    example: '75532d8c-b10a-410b-996d-9bbf6004cff9',
  },
  'auth.authority': {
    expected:
      "https://login.microsoftonline.com/ (or a national cloud's sign-in host) followed by your Directory (tenant) ID, or a verified domain, and /v2.0",
    example: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`,
  },
  'auth.protocolMode': {
    expected: '"AAD" for Microsoft Entra ID ("OIDC" is for the local emulator only)',
    example: 'AAD',
  },
  'auth.knownAuthorities': {
    expected:
      'a list of sign-in host names MSAL may trust without asking Microsoft; leave it out for Entra ID',
    example: ['login.contoso.com'],
  },
  'auth.knownAuthorities[]': {
    expected: 'a host name, optionally with a port',
    example: 'login.contoso.com',
  },
  'auth.redirectUri': {
    expected:
      "TAP Desk's redirect.html on the app's own address, registered as a Single-page application redirect URI; leave it out to use the default",
    example: 'redirect.html',
  },
  'auth.postLogoutRedirectUri': {
    expected:
      "a page of TAP Desk on the app's own origin, registered as a redirect URI; leave it out to use the app's home page",
    example: './',
  },
  graph: {
    expected: 'an object with baseUrl, the Microsoft Graph endpoint',
    example: { baseUrl: 'https://graph.microsoft.com/v1.0' },
  },
  'graph.baseUrl': {
    expected:
      'the Microsoft Graph endpoint with its version, an https URL on a Graph host ending in /v1.0',
    example: 'https://graph.microsoft.com/v1.0',
  },
  tap: {
    expected: 'an object with fallbackPolicy, targetGroupIds and hideAfterSeconds',
    example: { fallbackPolicy: {}, targetGroupIds: [], hideAfterSeconds: 60 },
  },
  'tap.fallbackPolicy': {
    expected:
      "a copy of the tenant's Temporary Access Pass policy lifetimes, used when the helpdesk may not read the policy",
    example: {
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      defaultLifetimeInMinutes: 60,
      isUsableOnce: false,
    },
  },
  'tap.fallbackPolicy.minimumLifetimeInMinutes': {
    expected: "the TAP policy's minimum lifetime in minutes",
    example: 60,
    range: [10, 43200],
  },
  'tap.fallbackPolicy.maximumLifetimeInMinutes': {
    expected: "the TAP policy's maximum lifetime in minutes",
    example: 480,
    range: [10, 43200],
  },
  'tap.fallbackPolicy.defaultLifetimeInMinutes': {
    expected: "the TAP policy's default lifetime in minutes, between the minimum and the maximum",
    example: 60,
    range: [10, 43200],
  },
  'tap.fallbackPolicy.isUsableOnce': {
    expected: 'true if the TAP policy makes every pass one-time, else false',
    example: false,
  },
  'tap.targetGroupIds': {
    expected: 'a list of the object IDs of the groups the TAP policy includes',
    example: ['7c2e9a43-5b6d-4f8c-a0be-3d4f5b6c7e82'],
  },
  'tap.targetGroupIds[]': {
    expected: "a group's object ID, a GUID",
    example: '7c2e9a43-5b6d-4f8c-a0be-3d4f5b6c7e82',
  },
  'tap.hideAfterSeconds': {
    expected: 'seconds a new pass stays on screen before TAP Desk hides it',
    example: 60,
    range: [5, 3600],
  },
  'tap.clipboardClearSeconds': {
    expected: 'seconds after a copy before TAP Desk empties the clipboard',
    example: 30,
    range: [5, 600],
  },
  'tap.spellingLanguage': {
    expected: 'the language callers are spelled passes in by default: en, de, fr, nl, es or it',
    example: 'de',
  },
  verification: {
    expected: 'an object with methods, siteId and listId',
    example: { methods: ['Called back on the number on file'], siteId: '…', listId: '…' },
  },
  'verification.methods': {
    expected: 'a list of at least one way the helpdesk may verify a caller',
    example: ['Called back on the number on file', 'In person with photo ID'],
  },
  'verification.methods[]': {
    expected: 'a short sentence naming a way to verify a caller',
    example: 'Called back on the number on file',
  },
  'verification.siteId': {
    expected:
      'the Graph ID of the SharePoint site that holds the verification list: host name, site collection ID and web ID, separated by commas',
    example:
      'contoso.sharepoint.com,7d3b1f2a-0c4e-4b8a-9f6d-2e5a1c3b4d70,4c2a9e1f-6b3d-4f8e-a1c5-9d7b3e2f1a60',
  },
  'verification.listId': {
    expected: "the verification list's ID, a GUID",
    example: '5e8d2c1b-3a4f-4e6d-b7c9-1f2a3b4c5d6e',
  },
  pilot: {
    expected: 'an object with groups, stalledAfterHours and noTapAfterDays',
    example: { groups: [], stalledAfterHours: 48, noTapAfterDays: 7 },
  },
  'pilot.groups': {
    expected: 'a list of the pilot groups, each { "id", "displayName" }',
    example: [{ id: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60', displayName: 'Passwordless pilot' }],
  },
  'pilot.groups[]': {
    expected: 'a pilot group: { "id", "displayName" }',
    example: { id: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60', displayName: 'Passwordless pilot' },
  },
  'pilot.groups[].id': {
    expected: "the group's object ID, a GUID",
    example: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60',
  },
  'pilot.groups[].displayName': {
    expected: 'the name TAP Desk shows for this pilot',
    example: 'Passwordless pilot',
  },
  'pilot.stalledAfterHours': {
    expected:
      'hours after a pass is issued before a person without phone sign-in counts as stalled',
    example: 48,
    range: [1, 2160],
  },
  'pilot.noTapAfterDays': {
    expected: 'days in the pilot without a pass before a person is flagged',
    example: 7,
    range: [1, 365],
  },
  audit: {
    expected: 'an object with retentionDays, matchWindowMinutes and defaultRangeDays, or nothing',
    example: { retentionDays: 30, matchWindowMinutes: 10, defaultRangeDays: 7 },
  },
  'audit.retentionDays': {
    expected: 'days the tenant keeps directory audit events: 7 on Entra ID Free, 30 with P1 or P2',
    example: 30,
    range: [1, 730],
  },
  'audit.matchWindowMinutes': {
    expected: 'minutes a verification record and its audit event may be apart and still match',
    example: 10,
    range: [1, 120],
  },
  'audit.defaultRangeDays': {
    expected: 'days the audit page shows when it opens',
    example: 7,
    range: [1, 365],
  },
  registrationUrl: {
    expected:
      "the https page where people register Microsoft Authenticator, on Microsoft's aka.ms or mysignins.microsoft.com",
    example: 'https://aka.ms/mysecurityinfo',
  },
  allowNonMicrosoftHosts: {
    expected:
      "a list of hosts that are not Microsoft's which auth.authority, graph.baseUrl or registrationUrl may use, each named; leave it out unless you mean to trust them",
    example: ['login.contoso.com'],
  },
  'allowNonMicrosoftHosts[]': {
    expected: 'a host name alone, optionally with a port, without https://',
    example: 'login.contoso.com',
  },
} as const satisfies Record<string, FieldSpec>;

export type FieldPath = keyof typeof FIELD_SPECS;

/** The spec of a field path such as `pilot.groups[2].id`. */
export function fieldSpec(field: string): FieldSpec | undefined {
  const generic = field.replace(/\[\d+\]/g, '[]');
  return (FIELD_SPECS as Record<string, FieldSpec>)[generic];
}

/** The fields directly inside a section (`''` for the top level), as config.json names them. */
export function fieldsOf(section: string): string[] {
  const generic = section.replace(/\[\d+\]/g, '[]');
  const prefix = generic === '' ? '' : `${generic}.`;
  return Object.keys(FIELD_SPECS)
    .filter((path) => path !== 'config.json' && path.startsWith(prefix))
    .map((path) => path.slice(prefix.length))
    .filter((rest) => rest !== '' && !/[.[]/.test(rest));
}

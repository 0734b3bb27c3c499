/**
 * What each field of config.json should hold (worded in fields.messages.ts): the boot failure page
 * shows it beside every problem, and docs/configuration.md describes each field at length (a test
 * holds the two together). Keys are field paths; `[]` stands for any position in a list. Examples
 * are JSON values, shown as they are written in config.json.
 */
export interface FieldSpec {
  /** A value that passes. */
  example: unknown;
  /** Whole numbers only: the accepted range, inclusive. */
  range?: readonly [number, number];
}

const DEMO_TENANT_ID = '8f3c2a1e-5b7d-4c6e-9a2f-0d1b3c5e7f90';

export const FIELD_SPECS = {
  'config.json': {
    example: { tenantName: 'Contoso', auth: {}, graph: {}, tap: {}, verification: {}, pilot: {} },
  },
  tenantName: {
    example: 'Contoso',
  },
  auth: {
    example: { clientId: '2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10', authority: '…' },
  },
  'auth.clientId': {
    example: '2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10',
  },
  'auth.reportsClientId': {
    example: '75532d8c-b10a-410b-996d-9bbf6004cff9',
  },
  'auth.authority': {
    example: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`,
  },
  'auth.protocolMode': {
    example: 'AAD',
  },
  'auth.knownAuthorities': {
    example: ['login.contoso.com'],
  },
  'auth.knownAuthorities[]': {
    example: 'login.contoso.com',
  },
  'auth.redirectUri': {
    example: 'redirect.html',
  },
  'auth.postLogoutRedirectUri': {
    example: './',
  },
  graph: {
    example: { baseUrl: 'https://graph.microsoft.com/v1.0' },
  },
  'graph.baseUrl': {
    example: 'https://graph.microsoft.com/v1.0',
  },
  tap: {
    example: { fallbackPolicy: {}, targetGroupIds: [], hideAfterSeconds: 60 },
  },
  'tap.fallbackPolicy': {
    example: {
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      defaultLifetimeInMinutes: 60,
      isUsableOnce: false,
    },
  },
  'tap.fallbackPolicy.minimumLifetimeInMinutes': {
    example: 60,
    range: [10, 43200],
  },
  'tap.fallbackPolicy.maximumLifetimeInMinutes': {
    example: 480,
    range: [10, 43200],
  },
  'tap.fallbackPolicy.defaultLifetimeInMinutes': {
    example: 60,
    range: [10, 43200],
  },
  'tap.fallbackPolicy.isUsableOnce': {
    example: false,
  },
  'tap.targetGroupIds': {
    example: ['7c2e9a43-5b6d-4f8c-a0be-3d4f5b6c7e82'],
  },
  'tap.targetGroupIds[]': {
    example: '7c2e9a43-5b6d-4f8c-a0be-3d4f5b6c7e82',
  },
  'tap.hideAfterSeconds': {
    example: 60,
    range: [5, 3600],
  },
  'tap.clipboardClearSeconds': {
    example: 30,
    range: [5, 600],
  },
  'tap.spellingLanguage': {
    example: 'de',
  },
  verification: {
    example: { methods: ['Called back on the number on file'], siteId: '…', listId: '…' },
  },
  'verification.methods': {
    example: ['Called back on the number on file', 'In person with photo ID'],
  },
  'verification.methods[]': {
    example: 'Called back on the number on file',
  },
  'verification.siteId': {
    example:
      'contoso.sharepoint.com,7d3b1f2a-0c4e-4b8a-9f6d-2e5a1c3b4d70,4c2a9e1f-6b3d-4f8e-a1c5-9d7b3e2f1a60',
  },
  'verification.listId': {
    example: '5e8d2c1b-3a4f-4e6d-b7c9-1f2a3b4c5d6e',
  },
  pilot: {
    example: { groups: [], stalledAfterHours: 48, noTapAfterDays: 7 },
  },
  'pilot.groups': {
    example: [{ id: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60', displayName: 'Passwordless pilot' }],
  },
  'pilot.groups[]': {
    example: { id: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60', displayName: 'Passwordless pilot' },
  },
  'pilot.groups[].id': {
    example: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60',
  },
  'pilot.groups[].displayName': {
    example: 'Passwordless pilot',
  },
  'pilot.stalledAfterHours': {
    example: 48,
    range: [1, 2160],
  },
  'pilot.noTapAfterDays': {
    example: 7,
    range: [1, 365],
  },
  audit: {
    example: { retentionDays: 30, matchWindowMinutes: 10, defaultRangeDays: 7 },
  },
  'audit.retentionDays': {
    example: 30,
    range: [1, 730],
  },
  'audit.matchWindowMinutes': {
    example: 10,
    range: [1, 120],
  },
  'audit.defaultRangeDays': {
    example: 7,
    range: [1, 365],
  },
  registrationUrl: {
    example: 'https://aka.ms/mysecurityinfo',
  },
  allowNonMicrosoftHosts: {
    example: ['login.contoso.com'],
  },
  'allowNonMicrosoftHosts[]': {
    example: 'login.contoso.com',
  },
} as const satisfies Record<string, FieldSpec>;

export type FieldPath = keyof typeof FIELD_SPECS;

/** The spec's key for a field path such as `pilot.groups[2].id` (`pilot.groups[].id`), if any. */
export function fieldPath(field: string): FieldPath | undefined {
  const generic = field.replace(/\[\d+\]/g, '[]');
  return Object.hasOwn(FIELD_SPECS, generic) ? (generic as FieldPath) : undefined;
}

export function fieldSpec(path: FieldPath): FieldSpec {
  return FIELD_SPECS[path];
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

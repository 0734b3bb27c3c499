export const DEMO_TENANT_ID = '8f3c2a1e-5b7d-4c6e-9a2f-0d1b3c5e7f90';
export const DEMO_CLIENT_ID = '2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10';
export const DEMO_APP_NAME = 'TAP Desk';
/** The read-only app registration the pilot, audit and readiness pages take Graph tokens from. */
export const DEMO_REPORTS_CLIENT_ID = '75532d8c-b10a-410b-996d-9bbf6004cff9';
export const DEMO_REPORTS_APP_NAME = 'TAP Desk Reports';

/** An app registration in the demo tenant and its service principal (enterprise application). */
export interface DemoApp {
  clientId: string;
  displayName: string;
  servicePrincipalId: string;
}

/** The two app registrations (decision 0020): TAP Desk signs in and writes, Reports only reads. */
export const DEMO_APPS = {
  main: {
    clientId: DEMO_CLIENT_ID,
    displayName: DEMO_APP_NAME,
    servicePrincipalId: '3c7e1a90-4b2d-4f6e-8a1c-5d9b0e2f4a61',
  },
  reports: {
    clientId: DEMO_REPORTS_CLIENT_ID,
    displayName: DEMO_REPORTS_APP_NAME,
    servicePrincipalId: '0c682198-9895-4581-89e6-7c0240f5cda1',
  },
} as const satisfies Record<string, DemoApp>;

/** The demo tenant's app registration with this client id, if it has one. */
export function demoApp(clientId: string): DemoApp | undefined {
  return Object.values(DEMO_APPS).find((app) => app.clientId === clientId);
}
export const DEMO_DOMAIN = 'contoso.com';
export const DEMO_TENANT_NAME = 'Contoso';

export const PILOT_GROUP_ID = '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60';
export const PILOT_WAVE2_GROUP_ID = '6b1d8f32-4a5c-4e7b-9fad-2c3e4a5b6d71';
export const TAP_TARGET_GROUP_ID = '7c2e9a43-5b6d-4f8c-a0be-3d4f5b6c7e82';
export const ALL_STAFF_GROUP_ID = '8d3fab54-6c7e-4a9d-b1cf-4e5a6c7d8f93';

/**
 * AAGUIDs of passkeys in Microsoft Authenticator (Entra's "passkeys in Authenticator" page):
 * what the FIDO2 policy's key restrictions must allow and what a passkey created there carries.
 */
export const AUTHENTICATOR_AAGUIDS = {
  ios: '90a3ccdf-635c-4729-a248-9b709135078f',
  android: 'de1e552d-db1d-4423-a619-566b625cdc84',
} as const;

/** Values of the TAP Desk app roles, as they appear in the ID token `roles` claim. */
export const APP_ROLES = {
  helpdesk: 'TapDesk.Helpdesk',
  pilotManager: 'TapDesk.PilotManager',
  auditor: 'TapDesk.Auditor',
} as const;
export type AppRole = (typeof APP_ROLES)[keyof typeof APP_ROLES];

/** Directory role template ids: what Entra puts in the `wids` claim. */
export const ROLE_TEMPLATE_IDS = {
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  authenticationPolicyAdministrator: '0526716b-113d-4c15-b2c8-68e3c22b9f80',
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
} as const;
export type RoleKey = keyof typeof ROLE_TEMPLATE_IDS;

export const ROLE_DISPLAY_NAMES: Record<RoleKey, string> = {
  authenticationAdministrator: 'Authentication Administrator',
  privilegedAuthenticationAdministrator: 'Privileged Authentication Administrator',
  helpdeskAdministrator: 'Helpdesk Administrator',
  authenticationPolicyAdministrator: 'Authentication Policy Administrator',
  globalAdministrator: 'Global Administrator',
  globalReader: 'Global Reader',
  reportsReader: 'Reports Reader',
  securityReader: 'Security Reader',
  userAdministrator: 'User Administrator',
  securityAdministrator: 'Security Administrator',
};

/** Delegated Graph scopes the demo app registration holds admin consent for. */
export const CONSENTED_SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'User.Read.All',
  'UserAuthMethod-TAP.Read.All',
  'UserAuthMethod-TAP.ReadWrite.All',
  'UserAuthenticationMethod.Read.All',
  'UserAuthMethod-MicrosoftAuthApp.Read.All',
  'Policy.Read.AuthenticationMethod',
  'AuditLog.Read.All',
  'Directory.Read.All',
  'RoleManagement.Read.Directory',
  'GroupMember.Read.All',
  'Group.Read.All',
  'Sites.Selected',
] as const;

export const OIDC_SCOPES = ['openid', 'profile', 'offline_access', 'email'] as const;
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** Symbols a generated TAP may contain (Entra documents no charset; samples show `+` and `!`). */
export const TAP_SYMBOLS = '!@#$%&*+-=?';

/** Graph's fixed id for the password authentication method. */
export const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';

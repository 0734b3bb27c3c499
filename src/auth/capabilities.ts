/**
 * The one place where app roles (the ID token's `roles` claim) become what the UI offers.
 * Hiding a section is a courtesy; Graph and Entra enforce the real permissions.
 */
export type Capability = RoleCapability | 'readiness';
/** The sections one app role opens. */
export type RoleCapability = 'helpdesk' | 'pilot' | 'audit';

export const APP_ROLES = {
  helpdesk: 'TapDesk.Helpdesk',
  pilot: 'TapDesk.PilotManager',
  audit: 'TapDesk.Auditor',
} as const satisfies Record<RoleCapability, string>;

/**
 * `roles` are the ID token's app roles, `wids` its directory role template ids. Readiness is for
 * pilot managers, and for helpdesk leads: helpdesk staff who also hold Global Reader, the role
 * that reads the authentication methods policy without changing it.
 */
export function capabilitiesFromRoles(
  roles: readonly string[] | undefined,
  wids: readonly string[] = [],
): Capability[] {
  const held = new Set(roles ?? []);
  const capabilities: Capability[] = (Object.keys(APP_ROLES) as RoleCapability[]).filter(
    (capability) => held.has(APP_ROLES[capability]),
  );
  const lead = held.has(APP_ROLES.helpdesk) && wids.includes(DIRECTORY_ROLES.globalReader);
  if (held.has(APP_ROLES.pilot) || lead) capabilities.push('readiness');
  return capabilities;
}

/** Directory role template ids (the `wids` claim) that matter to TAP Desk. */
export const DIRECTORY_ROLES = {
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  authenticationPolicyAdministrator: '0526716b-113d-4c15-b2c8-68e3c22b9f80',
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
} as const;

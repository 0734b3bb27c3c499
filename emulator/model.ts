import type { AppRole } from './constants';

/** A directory user; property names follow Graph's user resource. */
export interface User {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  userPrincipalName: string;
  mail: string | null;
  mailNickname: string;
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  createdDateTime: string;
  employeeId: string | null;
  usageLocation: string | null;
  externalUserState: 'PendingAcceptance' | 'Accepted' | null;
  externalUserStateChangeDateTime: string | null;
  /** TAP Desk app role assignments (the ID token `roles` claim). */
  appRoles: AppRole[];
}

export interface Group {
  id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  createdDateTime: string;
  /** Direct members: user ids and group ids. */
  memberIds: string[];
}

export interface DirectoryRole {
  id: string;
  roleTemplateId: string;
  displayName: string;
  description: string;
  memberIds: string[];
}

/** temporaryAccessPassAuthenticationMethod plus what only the server knows. */
export interface TapMethod {
  id: string;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** The pass itself: Graph returns it only in the create response. */
  secret: string;
  /** Last sign-in with this pass (not a Graph property). */
  usedDateTime: string | null;
}

export interface AuthenticatorMethod {
  id: string;
  displayName: string;
  deviceTag: string;
  phoneAppVersion: string;
  /** Null unless passwordless phone sign-in is enabled. */
  createdDateTime: string | null;
  /** Null unless passwordless phone sign-in is enabled. */
  device: { id: string; displayName: string } | null;
}

export interface PhoneMethod {
  id: string;
  phoneNumber: string;
  phoneType: 'mobile' | 'alternateMobile' | 'office';
  smsSignInState: 'notAllowedByPolicy' | 'notEnabled' | 'ready';
}

export interface EmailMethod {
  id: string;
  emailAddress: string;
}

/** fido2AuthenticationMethod: a passkey or FIDO2 security key; aaGuid names the authenticator. */
export interface Fido2Method {
  id: string;
  displayName: string;
  createdDateTime: string;
  aaGuid: string;
  model: string;
  attestationCertificates: string[];
  attestationLevel: 'attested' | 'notAttested';
}

export interface WindowsHelloMethod {
  id: string;
  displayName: string;
  createdDateTime: string;
  keyStrength: 'normal' | 'weak' | 'unknown';
}

export interface UserAuthMethods {
  password: { id: string; createdDateTime: string };
  temporaryAccessPass: TapMethod | null;
  microsoftAuthenticator: AuthenticatorMethod[];
  phone: PhoneMethod[];
  email: EmailMethod[];
  fido2: Fido2Method[];
  windowsHelloForBusiness: WindowsHelloMethod[];
  /** When the registration report last refreshed this user's record. */
  lastUpdatedDateTime: string;
}

/** directoryAudit, exactly as Graph serialises it. */
export interface DirectoryAudit {
  id: string;
  category: string;
  correlationId: string;
  result: 'success' | 'failure' | 'timeout';
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  initiatedBy: {
    user: { id: string; displayName: string; userPrincipalName: string; ipAddress: string } | null;
    app: { appId: string | null; displayName: string; servicePrincipalId: string | null } | null;
  };
  targetResources: {
    id: string;
    displayName: string | null;
    type: string;
    userPrincipalName: string | null;
    groupType: string | null;
    modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
  }[];
  additionalDetails: { key: string; value: string }[];
}

/**
 * A TAP Desk verification record: a Microsoft List item (decision 0005). Field names are the
 * list's internal column names, shared with src/graph/verification-records.ts; optional columns
 * are absent when empty, as SharePoint returns them.
 */
export interface VerificationListItem {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: ListIdentity;
  /** Who edited the item last; absent while nobody has, when it is its author. */
  lastModifiedBy?: ListIdentity;
  /**
   * The versions before the current one, oldest first ("1.0", "2.0", …), as a list with
   * versioning on keeps them; absent while the item was never edited.
   */
  history?: ListItemVersionRecord[];
  /** Set when someone with edit rights deleted it: SharePoint keeps it in the recycle bin. */
  recycled?: { at: string; by: ListIdentity };
  fields: {
    Title: string;
    TargetUserId: string;
    TargetUpn: string;
    TargetDisplayName?: string;
    IssuedByUpn: string;
    IssuedByName?: string;
    IssuedAt: string;
    LifetimeMinutes?: number;
    IsUsableOnce?: boolean;
    StartAt?: string;
    VerificationMethod: string;
    Ticket?: string;
    Reason?: string;
    TapMethodId?: string;
    Outcome: 'pending' | 'issued' | 'replaced' | 'revoked' | 'failed' | 'unknown';
    AttemptId?: string;
    RefersTo?: string;
    ErrorCode?: string;
  };
}

/** The identity SharePoint stamps on a list item (createdBy, lastModifiedBy). */
export interface ListIdentity {
  user: { id: string; displayName: string; email: string };
}

/** One earlier version of a verification list item. */
export interface ListItemVersionRecord {
  lastModifiedDateTime: string;
  lastModifiedBy: ListIdentity;
  fields: VerificationListItem['fields'];
}

export interface SignInRecord {
  id: string;
  userId: string;
  createdDateTime: string;
  authenticationMethod: 'temporaryAccessPass' | 'password' | 'microsoftAuthenticator';
  appDisplayName: string;
}

export interface AuthenticationMethodTarget {
  targetType: 'group' | 'user';
  id: string;
  isRegistrationRequired: boolean;
}

export interface TapPolicy {
  id: 'TemporaryAccessPass';
  state: 'enabled' | 'disabled';
  defaultLifetimeInMinutes: number;
  defaultLength: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  isUsableOnce: boolean;
  includeTargets: AuthenticationMethodTarget[];
  excludeTargets: { targetType: 'group' | 'user'; id: string }[];
}

export interface AuthenticatorPolicy {
  id: 'MicrosoftAuthenticator';
  state: 'enabled' | 'disabled';
  featureSettings: Record<
    'displayAppInformationRequiredState' | 'displayLocationInformationRequiredState',
    { state: 'default' | 'enabled' | 'disabled'; includeTarget: { targetType: string; id: string } }
  >;
  includeTargets: (AuthenticationMethodTarget & {
    authenticationMode: 'any' | 'push' | 'deviceBasedPush';
  })[];
  excludeTargets: { targetType: 'group' | 'user'; id: string }[];
}

/** fido2AuthenticationMethodConfiguration: the passkey (FIDO2) policy. */
export interface Fido2Policy {
  id: 'Fido2';
  state: 'enabled' | 'disabled';
  isSelfServiceRegistrationAllowed: boolean;
  isAttestationEnforced: boolean;
  keyRestrictions: { isEnforced: boolean; enforcementType: 'allow' | 'block'; aaGuids: string[] };
  includeTargets: AuthenticationMethodTarget[];
  excludeTargets: { targetType: 'group' | 'user'; id: string }[];
}

/**
 * oAuth2PermissionGrant: delegated consent TAP Desk holds for Microsoft Graph. AllPrincipals is
 * admin consent for every user; Principal is consent for one user (decision 0004).
 */
export interface DelegatedPermissionGrant {
  id: string;
  /** The service principal of the app consented to: TAP Desk or TAP Desk Reports. */
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  /** The user consented for; null for AllPrincipals. */
  principalId: string | null;
  /** Microsoft Graph's service principal. */
  resourceId: string;
  /** Space-separated delegated permissions, as Graph stores them. */
  scope: string;
}

/**
 * A site permission for an application (Graph's `permission` on a site, what
 * `POST /sites/{id}/permissions` creates): with delegated Sites.Selected, the app reaches a site
 * only through one of these, and never beyond its roles.
 */
export interface SitePermission {
  id: string;
  siteId: string;
  roles: ('read' | 'write')[];
  application: { id: string; displayName: string };
}

/** The whole in-memory demo tenant that every route module reads and changes. */
export interface Tenant {
  /** The moment the tenant was generated; every seeded timestamp is relative to it. */
  generatedAt: number;
  users: User[];
  groups: Group[];
  directoryRoles: DirectoryRole[];
  authMethods: Map<string, UserAuthMethods>;
  directoryAudits: DirectoryAudit[];
  verificationRecords: VerificationListItem[];
  signIns: SignInRecord[];
  tapPolicy: TapPolicy;
  authenticatorPolicy: AuthenticatorPolicy;
  fido2Policy: Fido2Policy;
  /** Who has consented to which delegated Graph scopes for TAP Desk; checked at sign-in. */
  oauth2PermissionGrants: DelegatedPermissionGrant[];
  /** The registration details report as of its last refresh (routes/reports.ts), if it lags. */
  registrationReport?: { refreshedAt: number; rows: Map<string, Record<string, unknown>> };
  /** Application permissions on SharePoint sites (Sites.Selected). */
  sitePermissions: SitePermission[];
  /** Deterministic id source for objects created after the seed (methods, audits, items). */
  nextId(): string;
}

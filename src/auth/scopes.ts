import type { Capability } from './capabilities';

/**
 * Delegated Microsoft Graph scopes, per audience. Each session asks only for what its
 * audience uses; nothing here is ReadWrite unless that audience writes.
 */
export const SIGN_IN_SCOPES = ['User.Read'];

export const AUDIENCE_SCOPES: Record<Capability, readonly string[]> = {
  // Find users, read their methods, issue and delete TAPs, record the verification.
  helpdesk: [
    'User.Read.All',
    'UserAuthMethod-TAP.ReadWrite.All',
    'UserAuthenticationMethod.Read.All',
    'Policy.Read.AuthenticationMethod',
    'Sites.Selected',
  ],
  // Pilot groups and members (department needs more than basic profiles), the audit log (with
  // Directory.Read.All, as the v1.0 reference lists it), the registration report, and the
  // methods of people who registered since the report's last refresh (it lags by hours) and the
  // few one-time passes only a read can settle. UserAuthenticationMethod.Read.All covers both,
  // so UserAuthMethod-TAP.Read.All would add nothing. Read only.
  pilot: [
    'GroupMember.Read.All',
    'User.Read.All',
    'AuditLog.Read.All',
    'Directory.Read.All',
    'UserAuthenticationMethod.Read.All',
  ],
  // Directory audits, who holds a directory role (for passes given to admins), and the
  // verification list (Sites.Selected: the site grants auditors read, never write). Read only.
  // The v1.0 reference lists directory audits as AuditLog.Read.All *and* Directory.Read.All.
  audit: [
    'AuditLog.Read.All',
    'Directory.Read.All',
    'RoleManagement.Read.Directory',
    'Sites.Selected',
  ],
  // The methods policies (least privileged read; the person also needs Global Reader or
  // Authentication Policy Administrator), the registration report as the licence probe, and the
  // verification list. Asked for when the page first reads, never at sign-in. Read only.
  readiness: ['Policy.Read.AuthenticationMethod', 'AuditLog.Read.All', 'Sites.Selected'],
};

/**
 * The app registration each audience takes its Graph tokens from (decision 0020). The helpdesk
 * writes through TAP Desk, the app people sign in to; the read-only pages go through TAP Desk
 * Reports, which holds no write scope and spends its own share of Graph's per-app reports limit,
 * so loading a large pilot never slows the helpdesk's live view.
 */
export type AppRegistration = 'main' | 'reports';

export const AUDIENCE_APP: Record<Capability, AppRegistration> = {
  helpdesk: 'main',
  pilot: 'reports',
  audit: 'reports',
  readiness: 'reports',
};

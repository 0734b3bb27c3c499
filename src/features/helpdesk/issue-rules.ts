import type { TapPolicyBounds } from '../../config/runtime-config';
import {
  AUTHENTICATOR_PASSKEY_AAGUIDS,
  type Fido2Policy,
  type TapPolicy,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import type { Memberships, UserDetails } from '../../graph/users';

export interface PolicyView extends TapPolicyBounds {
  /** Where the bounds came from: the tenant policy, or the runtime configuration. */
  source: 'tenant' | 'configuration';
  /** Group ids (or "all_users") the policy includes and excludes, when known. */
  includeTargets: string[] | null;
  excludeTargets: string[];
  enabled: boolean;
}

export function policyView(
  policy: TapPolicy | undefined,
  fallback: TapPolicyBounds,
  configuredTargets: string[],
): PolicyView {
  if (!policy) {
    return {
      ...fallback,
      source: 'configuration',
      includeTargets: configuredTargets.length > 0 ? configuredTargets : null,
      excludeTargets: [],
      enabled: true,
    };
  }
  const targets = (list: { id?: string | null }[] | null | undefined) =>
    (list ?? []).map((target) => target.id ?? '').filter(Boolean);
  const excludes = (policy as { excludeTargets?: { id?: string | null }[] }).excludeTargets;
  return {
    minimumLifetimeInMinutes: policy.minimumLifetimeInMinutes ?? fallback.minimumLifetimeInMinutes,
    maximumLifetimeInMinutes: policy.maximumLifetimeInMinutes ?? fallback.maximumLifetimeInMinutes,
    defaultLifetimeInMinutes: policy.defaultLifetimeInMinutes ?? fallback.defaultLifetimeInMinutes,
    isUsableOnce: policy.isUsableOnce ?? fallback.isUsableOnce,
    source: 'tenant',
    includeTargets: targets(policy.includeTargets),
    excludeTargets: targets(excludes),
    enabled: policy.state !== 'disabled',
  };
}

export interface IssueCheck {
  id:
    | 'self'
    | 'disabled'
    | 'externalGuest'
    | 'guest'
    | 'admin'
    | 'outsidePolicy'
    | 'policyDisabled'
    | 'activeTap'
    | 'recentTap'
    | 'otherAgent'
    | 'passkeyPolicy';
  /** stop: TAP Desk will not issue; confirm: the agent must acknowledge it first. */
  severity: 'stop' | 'confirm';
  title: string;
  detail: string;
}

export const PRIVILEGED_ISSUER_ROLES = [
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', // Privileged Authentication Administrator
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
];

export function isExternalGuest(user: UserDetails): boolean {
  return (
    user.userType === 'Guest' &&
    (Boolean(user.externalUserState) || (user.userPrincipalName ?? '').includes('#EXT#'))
  );
}

export function isActive(tap: TemporaryAccessPass): boolean {
  return tap.isUsable === true || tap.methodUsabilityReason === 'NotYetValid';
}

/**
 * What stops or slows an agent before issuing, mirroring what Graph and Entra will enforce
 * (docs/graph-facts.md §1) so the agent learns it here rather than from a refusal.
 */
export function issueChecks(input: {
  user: UserDetails;
  /** null when the roles and groups could not be read: those checks are then left to Graph. */
  memberships: Memberships | null;
  taps: TemporaryAccessPass[];
  /** When TAP Desk recorded passes for this user (ISO), from the verification list. */
  recordedIssues?: string[];
  /** Other agents' unfinished attempts for this user, newest first. */
  otherAgents?: { name: string; secondsAgo: number }[];
  policy: PolicyView;
  /**
   * The passkey (FIDO2) policy; undefined while loading or when the role cannot read it, and
   * then no check is shown (the handover says the policy is unreadable).
   */
  passkeyPolicy?: Fido2Policy;
  issuer: { oid: string; directoryRoleIds: string[] };
  now: Date;
}): IssueCheck[] {
  const { user, memberships, taps, policy, issuer, now } = input;
  const checks: IssueCheck[] = [];
  const name = user.displayName ?? 'This user';
  if (user.id === issuer.oid) {
    checks.push({
      id: 'self',
      severity: 'stop',
      title: 'You cannot issue a pass to yourself',
      detail: 'Entra refuses self-issued passes. Ask a colleague to issue yours.',
    });
  }
  if (user.accountEnabled === false) {
    checks.push({
      id: 'disabled',
      severity: 'stop',
      title: 'The account is disabled',
      detail: `${name} could not sign in with a pass. A User Administrator must enable the account first.`,
    });
  }
  if (isExternalGuest(user)) {
    checks.push({
      id: 'externalGuest',
      severity: 'stop',
      title: 'External guests cannot get a Temporary Access Pass',
      detail: `${name} is a guest from another organisation; they sign in with their home account. Entra refuses a pass for them.`,
    });
  } else if (user.userType === 'Guest') {
    checks.push({
      id: 'guest',
      severity: 'confirm',
      title: 'This is an internal guest account',
      detail: 'Make sure this person should have a passwordless sign-in in this tenant.',
    });
  }
  if (memberships && memberships.directoryRoles.length > 0) {
    const roles = memberships.directoryRoles.map((role) => role.displayName).join(', ');
    // Entra sends `wids` only when the app registration asks for it (groupMembershipClaims):
    // without it the agent's roles are unknown, which is not the same as having none.
    const knownRoles = issuer.directoryRoleIds.length > 0;
    const mayIssue = issuer.directoryRoleIds.some((id) => PRIVILEGED_ISSUER_ROLES.includes(id));
    checks.push({
      id: 'admin',
      severity: knownRoles && !mayIssue ? 'stop' : 'confirm',
      title: `${name} is an administrator (${roles})`,
      detail: !knownRoles
        ? 'Only a Privileged Authentication Administrator can issue a pass to an admin, and your sign-in did not say which Entra roles you hold, so whether you may is unknown. If you are not one, Entra will refuse; otherwise verify the caller with extra care.'
        : mayIssue
          ? 'A pass for an admin account is sensitive: verify the caller with extra care.'
          : 'Only a Privileged Authentication Administrator can issue a pass to an admin. Hand this call to a senior colleague.',
    });
  }
  if (!policy.enabled) {
    checks.push({
      id: 'policyDisabled',
      severity: 'stop',
      title: 'Temporary Access Pass is turned off in this tenant',
      detail:
        'An Authentication Policy Administrator must enable it in the authentication methods policy.',
    });
  }
  const includes = policy.includeTargets;
  const groupIds = memberships?.groupIds ?? [];
  const inScope =
    memberships === null ||
    includes === null ||
    includes.includes('all_users') ||
    groupIds.some((id) => includes.includes(id)) ||
    (user.id != null && includes.includes(user.id));
  const excluded = groupIds.some((id) => policy.excludeTargets.includes(id));
  if (!inScope || excluded) {
    checks.push({
      id: 'outsidePolicy',
      severity: 'stop',
      title: `${name} is outside the Temporary Access Pass policy`,
      detail:
        'The policy does not target any group this user belongs to, so Entra would refuse the pass. An Authentication Policy Administrator can add them to a targeted group.',
    });
  }
  const active = taps.find(isActive);
  if (active) {
    checks.push({
      id: 'activeTap',
      severity: 'confirm',
      title: 'This user already has an active pass',
      detail: 'Issuing a new pass deletes the current one: it stops working immediately.',
    });
  }
  const dayAgo = now.getTime() - 24 * 60 * 60 * 1000;
  const issuedTimes = [
    ...taps.map((tap) => tap.createdDateTime),
    ...(input.recordedIssues ?? []),
  ].filter((time): time is string => Boolean(time));
  if (issuedTimes.some((time) => Date.parse(time) > dayAgo)) {
    checks.push({
      id: 'recentTap',
      severity: 'confirm',
      title: 'A pass was issued to this user in the last 24 hours',
      detail:
        'Repeated passes are a common social-engineering pattern. Be sure the caller is who they say.',
    });
  }
  const other = input.otherAgents?.[0];
  if (other) {
    checks.push({
      id: 'otherAgent',
      severity: 'confirm',
      title: `${other.name} started issuing a pass for this user ${other.secondsAgo} s ago`,
      detail:
        'A second pass would replace theirs, and the pass they read out would stop working. Talk to them first.',
    });
  }
  const passkey = input.passkeyPolicy && passkeyPolicyCheck(input.passkeyPolicy, user, memberships);
  if (passkey) checks.push(passkey);
  return checks;
}

const PASSKEY_ALTERNATIVE =
  'choose phone sign-in as the goal, or ask an Authentication Policy Administrator to change the passkey policy.';

/**
 * Informational: the passkey (FIDO2) policy leaves this user out, or its key restrictions keep
 * Microsoft Authenticator's AAGUIDs out on iOS, Android or both (either AAGUID of a platform is
 * enough for it). A pass still works; only the passkey goal would fail at registration.
 */
export function passkeyPolicyCheck(
  policy: Fido2Policy,
  user: UserDetails,
  memberships: Memberships | null,
): IssueCheck | null {
  const name = user.displayName ?? 'This user';
  if (policy.state !== 'enabled') {
    return {
      id: 'passkeyPolicy',
      severity: 'confirm',
      title: 'Passkeys (FIDO2) are turned off in this tenant',
      detail: `${name} cannot create a passkey in Microsoft Authenticator: ${PASSKEY_ALTERNATIVE}`,
    };
  }
  const targets = new Set([user.id ?? '', ...(memberships?.groupIds ?? [])].filter(Boolean));
  const covers = (id: string | null | undefined) =>
    id === 'all_users' || (id != null && targets.has(id));
  const included = memberships === null || (policy.includeTargets ?? []).some((t) => covers(t.id));
  const excluded = (policy.excludeTargets ?? []).some((t) => covers(t.id));
  if (!included || excluded) {
    return {
      id: 'passkeyPolicy',
      severity: 'confirm',
      title: `The passkey policy does not include ${name}`,
      detail: `The caller cannot create a passkey in Microsoft Authenticator; Entra would refuse it. A pass still works: ${PASSKEY_ALTERNATIVE}`,
    };
  }
  const restrictions = policy.keyRestrictions;
  if (!restrictions?.isEnforced) return null;
  const listed = (restrictions.aaGuids ?? []).map((g) => g.toLowerCase());
  const allows = (aaGuid: string) =>
    listed.includes(aaGuid) === (restrictions.enforcementType !== 'block');
  const blocked = [
    ...(allows(AUTHENTICATOR_PASSKEY_AAGUIDS.ios) ? [] : ['iOS']),
    ...(allows(AUTHENTICATOR_PASSKEY_AAGUIDS.android) ? [] : ['Android']),
  ];
  if (blocked.length === 0) return null;
  const platforms = blocked.join(' and ');
  return {
    id: 'passkeyPolicy',
    severity: 'confirm',
    title: `The passkey policy's key restrictions block Microsoft Authenticator on ${platforms}`,
    detail: `A caller with ${blocked.length === 2 ? 'any phone' : `an ${platforms} phone`} cannot create a passkey in Microsoft Authenticator. A pass still works: ${PASSKEY_ALTERNATIVE}`,
  };
}

import type { TapPolicyBounds } from '../../config/runtime-config';
import {
  AUTHENTICATOR_PASSKEY_AAGUIDS,
  type Fido2Policy,
  type TapPolicy,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import type { Memberships, UserDetails } from '../../graph/users';
import { messageRef, type MessageRef, type MessageValue } from '../../i18n/catalog';
import { messages } from './checks.messages';

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
  title: MessageRef;
  detail: MessageRef;
}

type Key = keyof typeof messages.messages.en;
const say = (key: Key, values?: Record<string, MessageValue>) => messageRef(messages, key, values);

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
  const name: MessageValue = user.displayName ?? say('thisUser');
  if (user.id === issuer.oid) {
    checks.push({
      id: 'self',
      severity: 'stop',
      title: say('self.title'),
      detail: say('self.detail'),
    });
  }
  if (user.accountEnabled === false) {
    checks.push({
      id: 'disabled',
      severity: 'stop',
      title: say('disabled.title'),
      detail: say('disabled.detail', { name }),
    });
  }
  if (isExternalGuest(user)) {
    checks.push({
      id: 'externalGuest',
      severity: 'stop',
      title: say('externalGuest.title'),
      detail: say('externalGuest.detail', { name }),
    });
  } else if (user.userType === 'Guest') {
    checks.push({
      id: 'guest',
      severity: 'confirm',
      title: say('guest.title'),
      detail: say('guest.detail'),
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
      title: say('admin.title', { name, roles }),
      detail: say(
        !knownRoles ? 'admin.detailUnknown' : mayIssue ? 'admin.detailMay' : 'admin.detailMayNot',
      ),
    });
  }
  if (!policy.enabled) {
    checks.push({
      id: 'policyDisabled',
      severity: 'stop',
      title: say('policyDisabled.title'),
      detail: say('policyDisabled.detail'),
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
      title: say('outsidePolicy.title', { name }),
      detail: say('outsidePolicy.detail'),
    });
  }
  const active = taps.find(isActive);
  if (active) {
    checks.push({
      id: 'activeTap',
      severity: 'confirm',
      title: say('activeTap.title'),
      detail: say('activeTap.detail'),
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
      title: say('recentTap.title'),
      detail: say('recentTap.detail'),
    });
  }
  const other = input.otherAgents?.[0];
  if (other) {
    checks.push({
      id: 'otherAgent',
      severity: 'confirm',
      title: say('otherAgent.title', { name: other.name, seconds: other.secondsAgo }),
      detail: say('otherAgent.detail'),
    });
  }
  const passkey = input.passkeyPolicy && passkeyPolicyCheck(input.passkeyPolicy, user, memberships);
  if (passkey) checks.push(passkey);
  return checks;
}

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
  const name: MessageValue = user.displayName ?? say('thisUser');
  if (policy.state !== 'enabled') {
    return {
      id: 'passkeyPolicy',
      severity: 'confirm',
      title: say('passkeyOff.title'),
      detail: say('passkeyOff.detail', { name }),
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
      title: say('passkeyExcluded.title', { name }),
      detail: say('passkeyExcluded.detail'),
    };
  }
  const restrictions = policy.keyRestrictions;
  if (!restrictions?.isEnforced) return null;
  const listed = (restrictions.aaGuids ?? []).map((g) => g.toLowerCase());
  const allows = (aaGuid: string) =>
    listed.includes(aaGuid) === (restrictions.enforcementType !== 'block');
  const ios = !allows(AUTHENTICATOR_PASSKEY_AAGUIDS.ios);
  const android = !allows(AUTHENTICATOR_PASSKEY_AAGUIDS.android);
  if (!ios && !android) return null;
  const platforms = ios && android ? 'both' : ios ? 'ios' : 'android';
  return {
    id: 'passkeyPolicy',
    severity: 'confirm',
    title: say('passkeyRestricted.title', { platforms }),
    detail: say('passkeyRestricted.detail', { platforms }),
  };
}

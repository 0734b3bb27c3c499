import { AUTHENTICATOR_AAGUIDS } from './constants';
import { findGroup, transitiveUserIds } from './directory';
import type { DirectoryAudit, Tenant } from './model';
import { tapUsability } from './tap';

/*
 * Ground truth for the pilot dashboard: the funnel computed straight from the tenant, with the
 * stage definitions of docs/decisions/0006-pilot-progress-loading.md (the same as
 * src/features/pilot/stages.ts and src/lib/onboarding-stages.ts), for tests to compare the
 * page against: a deliberate copy, so a mistake in the app cannot hide in its own yardstick.
 */

export const PILOT_STAGES = [
  'member',
  'tapIssued',
  'tapUsed',
  'authenticatorRegistered',
  'phoneSignInEnabled',
  'passkeyRegistered',
] as const;
export type PilotStage = (typeof PILOT_STAGES)[number];

/** The funnel's last stage splits (decision 0011): each end state reaches the stages before. */
const END_STAGES: readonly PilotStage[] = ['phoneSignInEnabled', 'passkeyRegistered'];
const AUTHENTICATOR_PASSKEYS: readonly string[] = Object.values(AUTHENTICATOR_AAGUIDS);

export interface PilotTruth {
  groupId: string;
  computedAt: string;
  windowStart: string;
  counts: Record<PilotStage, number>;
  /** Members who reached each stage (or went further). */
  members: Record<PilotStage, { id: string; userPrincipalName: string }[]>;
}

const DAY = 86_400_000;
const TAP_ISSUED_REASON = 'Admin registered temporary access pass method for user';

function targetUser(event: DirectoryAudit): string | undefined {
  return event.targetResources.find((t) => t.type.toLowerCase() === 'user')?.id;
}

function isOneTime(event: DirectoryAudit): boolean {
  return !event.targetResources
    .flatMap((t) => t.modifiedProperties)
    .some((p) => p.displayName === 'AccessPassUsage' && p.newValue === 'Multiple');
}

export function pilotTruth(
  tenant: Tenant,
  groupId: string,
  options: { now: number; auditRetentionDays?: number; maxPassLifetimeMinutes?: number },
): PilotTruth | undefined {
  const group = findGroup(tenant, groupId);
  if (!group) return undefined;
  const { now } = options;
  const maxLifetime = options.maxPassLifetimeMinutes ?? tenant.tapPolicy.maximumLifetimeInMinutes;
  const windowStart = Math.max(
    Date.parse(group.createdDateTime),
    now - (options.auditRetentionDays ?? 30) * DAY,
  );
  const windowIso = new Date(windowStart).toISOString();

  const issued = new Map<string, DirectoryAudit>();
  const registrations = new Map<string, string[]>();
  for (const event of tenant.directoryAudits) {
    if (event.loggedByService !== 'Authentication Methods') continue;
    if (event.result !== 'success' || event.activityDateTime < windowIso) continue;
    const userId = targetUser(event);
    if (!userId) continue;
    if (
      event.activityDisplayName === 'Admin registered security info' &&
      event.resultReason === TAP_ISSUED_REASON
    ) {
      const known = issued.get(userId);
      if (!known || known.activityDateTime < event.activityDateTime) issued.set(userId, event);
    } else if (event.activityDisplayName === 'User registered security info') {
      const times = registrations.get(userId);
      if (times) times.push(event.activityDateTime);
      else registrations.set(userId, [event.activityDateTime]);
    }
  }

  const users = new Map(tenant.users.map((u) => [u.id, u]));
  const members = Object.fromEntries(
    PILOT_STAGES.map((s) => [s, [] as PilotTruth['members'][PilotStage]]),
  ) as PilotTruth['members'];
  for (const id of transitiveUserIds(tenant, group.id)) {
    const user = users.get(id);
    if (!user) continue;
    const methods = tenant.authMethods.get(id);
    const authenticators = methods?.microsoftAuthenticator ?? [];
    const issue = issued.get(id);
    const registeredAfter =
      issue !== undefined &&
      (registrations.get(id) ?? []).some((at) => at >= issue.activityDateTime);
    const passkey = (methods?.fido2 ?? []).some((f) =>
      AUTHENTICATOR_PASSKEYS.includes(f.aaGuid.toLowerCase()),
    );
    // The dashboard reads a pass only while it can tell: one-time, possibly live, unsettled.
    const readable =
      issue !== undefined &&
      isOneTime(issue) &&
      authenticators.length === 0 &&
      !passkey &&
      !registeredAfter &&
      Date.parse(issue.activityDateTime) > now - maxLifetime * 60_000;
    const pass = methods?.temporaryAccessPass;
    const usedOnce =
      readable &&
      pass != null &&
      tapUsability(pass, tenant.tapPolicy, now).methodUsabilityReason === 'OneTimeUsed';
    const stage: PilotStage = passkey
      ? 'passkeyRegistered'
      : authenticators.some((m) => m.device !== null)
        ? 'phoneSignInEnabled'
        : authenticators.length > 0
          ? 'authenticatorRegistered'
          : registeredAfter || usedOnce
            ? 'tapUsed'
            : issue
              ? 'tapIssued'
              : 'member';
    const reachedStages = END_STAGES.includes(stage)
      ? [...PILOT_STAGES.filter((s) => !END_STAGES.includes(s)), stage]
      : PILOT_STAGES.slice(0, PILOT_STAGES.indexOf(stage) + 1);
    for (const reached of reachedStages) {
      members[reached].push({ id, userPrincipalName: user.userPrincipalName });
    }
  }
  return {
    groupId: group.id,
    computedAt: new Date(now).toISOString(),
    windowStart: windowIso,
    counts: Object.fromEntries(
      PILOT_STAGES.map((s) => [s, members[s].length]),
    ) as PilotTruth['counts'],
    members,
  };
}

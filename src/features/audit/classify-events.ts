/**
 * Directory audit events as the audit page reads them: which are about a TAP, Authenticator or a
 * passkey, who acted on whom, and which method ids they name.
 */
import type { DirectoryAudit } from '../../graph/audit-logs';
import { AUDIT_ACTIVITIES } from '../../graph/audit-logs';

export type EventKind =
  'tapCreated' | 'tapDeleted' | 'authenticatorRegistered' | 'passkeyRegistered' | 'passkeyDeleted';

export interface Actor {
  userId?: string;
  userName?: string;
  userUpn?: string;
  appId?: string;
  appName?: string;
}

export interface Target {
  id?: string;
  displayName?: string;
  upn?: string;
}

export interface ClassifiedEvent {
  id: string;
  kind: EventKind;
  at: string;
  time: number;
  succeeded: boolean;
  actor: Actor;
  target: Target;
  /** Graph's own words for what happened (resultReason, else the activity). */
  what: string;
  /** Ids of authentication methods named in the event, to match a record's TapMethodId. */
  methodIds: string[];
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const lower = (value: string | null | undefined) => value?.toLowerCase() ?? undefined;

function kindOf(event: DirectoryAudit): EventKind | null {
  const reason = event.resultReason ?? '';
  const details = [
    reason,
    ...(event.targetResources ?? []).flatMap((target) =>
      (target.modifiedProperties ?? []).map((p) => `${p.displayName} ${p.newValue} ${p.oldValue}`),
    ),
    ...(event.additionalDetails ?? []).map((detail) => `${detail.key} ${detail.value}`),
  ].join(' ');
  const isTap = /temporary\s*access\s*pass/i.test(details);
  // Entra words a passkey as a FIDO2 method ("User registered Fido2 Authentication Method");
  // the wording varies, so any mention of FIDO2 or passkey counts, whatever the case.
  const isPasskey = /fido\s*2|passkey/i.test(details);
  switch (event.activityDisplayName) {
    case AUDIT_ACTIVITIES.adminRegistered:
      return isTap ? 'tapCreated' : null;
    case AUDIT_ACTIVITIES.adminDeleted:
      if (isTap) return 'tapDeleted';
      return isPasskey ? 'passkeyDeleted' : null;
    case AUDIT_ACTIVITIES.userDeleted:
      return isPasskey ? 'passkeyDeleted' : null;
    case AUDIT_ACTIVITIES.userRegistered:
      // A passkey in Authenticator may name Authenticator too: the passkey decides.
      if (isPasskey) return 'passkeyRegistered';
      return /authenticator/i.test(details) ? 'authenticatorRegistered' : null;
    default:
      return null;
  }
}

/** Reads one directory audit event as TAP Desk sees it, or null when it is about something else. */
export function classifyEvent(event: DirectoryAudit): ClassifiedEvent | null {
  const kind = kindOf(event);
  const time = Date.parse(event.activityDateTime ?? '');
  if (!kind || !event.id || Number.isNaN(time)) return null;
  const targets = event.targetResources ?? [];
  const user =
    targets.find((target) => lower(target.type) === 'user') ??
    targets.find((target) => target.userPrincipalName) ??
    targets[0];
  const initiatedUser = event.initiatedBy?.user;
  const initiatedApp = event.initiatedBy?.app;
  const methodIds = new Set<string>();
  const collect = (value: string | null | undefined) => {
    for (const match of value?.match(GUID) ?? []) methodIds.add(match.toLowerCase());
  };
  for (const target of targets) {
    for (const property of target.modifiedProperties ?? []) {
      collect(property.newValue);
      collect(property.oldValue);
    }
  }
  for (const detail of event.additionalDetails ?? []) collect(detail.value);
  if (user?.id) methodIds.delete(user.id.toLowerCase());
  return {
    id: event.id,
    kind,
    at: new Date(time).toISOString(),
    time,
    succeeded: (event.result ?? 'success') === 'success',
    actor: {
      userId: initiatedUser?.id ?? undefined,
      userName: initiatedUser?.displayName ?? undefined,
      userUpn: initiatedUser?.userPrincipalName ?? undefined,
      appId: initiatedApp?.appId ?? undefined,
      appName: initiatedApp?.displayName ?? undefined,
    },
    target: {
      id: user?.id ?? undefined,
      displayName: user?.displayName ?? undefined,
      upn: user?.userPrincipalName ?? undefined,
    },
    what: event.resultReason || event.activityDisplayName || kind,
    methodIds: [...methodIds],
  };
}

/** Reads each event once, keeping those about TAP creation, deletion, Authenticator or passkeys. */
export function classifyAll(raw: readonly DirectoryAudit[]): ClassifiedEvent[] {
  const seen = new Set<string>();
  const events: ClassifiedEvent[] = [];
  for (const item of raw) {
    const event = classifyEvent(item);
    if (!event || seen.has(event.id)) continue;
    seen.add(event.id);
    events.push(event);
  }
  return events;
}

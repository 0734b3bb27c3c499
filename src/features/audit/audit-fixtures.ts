/** Events, records and a reconcile run for the audit tests: Helen and Sam work the helpdesk. */
import type { DirectoryAudit } from '../../graph/audit-logs';
import type { VerificationRecord } from '../../graph/verification-records';
import type { AuditRow, ReconcileInput } from './audit-row';
import { reconcile } from './reconcile';

export const NOW = Date.parse('2026-11-26T12:00:00Z');
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();

export const JO = { id: '11111111-1111-4111-8111-111111111111', upn: 'jo@contoso.com' };
export const KIM = { id: '22222222-2222-4222-8222-222222222222', upn: 'kim@contoso.com' };
export const HELEN = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  upn: 'helen.helpdesk@contoso.com',
};
export const SAM = { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', upn: 'sam.senior@contoso.com' };
export const NAMES: Record<string, string> = {
  [HELEN.id]: 'Helen Helpdesk',
  [SAM.id]: 'Sam Senior Helpdesk',
};

let nextId = 0;
export function event(
  kind: 'created' | 'deleted' | 'authenticator' | 'phone',
  target: { id: string; upn: string },
  when: string,
  extra: Partial<DirectoryAudit> = {},
): DirectoryAudit {
  const activity = {
    created: [
      'Admin registered security info',
      'Admin registered temporary access pass method for user',
    ],
    deleted: ['Admin deleted security info', 'Admin deleted temporary access pass method for user'],
    authenticator: [
      'User registered security info',
      'User registered Authenticator App with Notification and Code',
    ],
    phone: ['Admin registered security info', 'Admin registered phone method for user'],
  }[kind];
  return {
    id: `Directory_${++nextId}`,
    activityDisplayName: activity[0],
    resultReason: activity[1],
    activityDateTime: when,
    result: 'success',
    loggedByService: 'Authentication Methods',
    initiatedBy: {
      user: { id: HELEN.id, displayName: 'Helen Helpdesk', userPrincipalName: HELEN.upn },
      app: null,
    },
    targetResources: [
      { id: target.id, type: 'User', userPrincipalName: target.upn, modifiedProperties: [] },
    ],
    additionalDetails: [],
    ...extra,
  };
}

/** The event's actor, as Entra records them. */
export const actedBy = (person: { id: string; upn: string }): Partial<DirectoryAudit> => ({
  initiatedBy: {
    user: { id: person.id, displayName: NAMES[person.id], userPrincipalName: person.upn },
    app: null,
  },
});

/** SharePoint's facts about an item: who wrote it and when, never edited since. */
export const writtenBy = (
  person: { id: string; upn: string },
  when: string,
): Partial<VerificationRecord> => ({
  createdById: person.id,
  createdByUpn: person.upn,
  createdByName: NAMES[person.id],
  createdDateTime: when,
  lastModifiedDateTime: when,
  version: 1,
});

let nextItem = 0;
/** A fresh SharePoint item id, never one record() has used. */
export const nextItemId = () => String(++nextItem);
/** A record as TAP Desk writes it: Helen wrote it 20 seconds after the Graph call. */
export function record(
  target: { id: string; upn: string },
  issuedAt: string,
  extra: Partial<VerificationRecord> = {},
): VerificationRecord {
  return {
    ...writtenBy(HELEN, new Date(Date.parse(issuedAt) + 20_000).toISOString()),
    itemId: nextItemId(),
    Title: 'INC1',
    TargetUserId: target.id,
    TargetUpn: target.upn,
    IssuedByUpn: HELEN.upn,
    IssuedByName: 'Helen Helpdesk',
    IssuedAt: issuedAt,
    LifetimeMinutes: 60,
    IsUsableOnce: true,
    VerificationMethod: 'In person with photo ID',
    Ticket: 'INC1',
    Reason: 'New phone',
    Outcome: 'issued',
    ...extra,
  };
}

export function run(overrides: Partial<ReconcileInput>) {
  return reconcile({
    events: [],
    records: [],
    roleHolders: new Map(),
    range: { from: at(24 * 7), to: at(0) },
    now: NOW,
    matchWindowMinutes: 10,
    retentionDays: 30,
    fallbackLifetimeMinutes: 480,
    ...overrides,
  });
}

export const rowFor = (rows: AuditRow[], id: string | undefined) =>
  rows.find((row) => row.id === id);

import type { Anomaly, RowKind } from './audit-row';
import type { ActivityFilter } from './filters';

export const ACTIVITY_LABELS: Record<ActivityFilter, string> = {
  all: 'All TAP activity',
  tapCreated: 'TAP created',
  tapDeleted: 'TAP deleted',
  authenticatorRegistered: 'Authenticator registered',
  passkeyRegistered: 'Passkey registered',
  passkeyDeleted: 'Passkey deleted',
};

export const ROW_KIND_LABELS: Record<RowKind, string> = {
  tapCreated: 'TAP created',
  tapDeleted: 'TAP deleted',
  authenticatorRegistered: 'Authenticator registered',
  passkeyRegistered: 'Passkey registered',
  passkeyDeleted: 'Passkey deleted',
  recordOnly: 'Verification record only',
};

export const ANOMALY_LABELS: Record<Anomaly, { label: string; description: string }> = {
  noVerification: {
    label: 'No verification record',
    description:
      'A pass was created with no TAP Desk verification record: issued outside TAP Desk, for example in the Entra admin center.',
  },
  adminTarget: {
    label: 'Admin account',
    description: 'The pass was issued to an account that holds an Entra directory role.',
  },
  repeatWithin24h: {
    label: 'Repeat within 24 h',
    description: 'The same person received more than one pass within 24 hours.',
  },
  noAuthenticator: {
    label: 'No passwordless method registered',
    description:
      'The pass ended (expired, replaced or deleted) with no passwordless method (Authenticator or passkey) registered by the person.',
  },
  recordWithoutEvent: {
    label: 'Not in audit log',
    description:
      'TAP Desk recorded issuing a pass, but the directory audit log has no matching creation.',
  },
  authorNotActor: {
    label: 'Record written by someone else',
    description:
      'SharePoint says the verification record was written by someone other than the person the audit log says acted: a verification recorded for a pass someone else issued.',
  },
  issuerNotAuthor: {
    label: 'Claims another issuer',
    description:
      'The record names an issuer other than the person SharePoint says wrote it. TAP Desk always records the person signed in, so the name was typed by hand or by another tool.',
  },
  writtenLate: {
    label: 'Record written late',
    description:
      'SharePoint stored the record longer after the audit event than the match window allows: it was added afterwards, not as the pass was issued.',
  },
  recordEdited: {
    label: 'Record edited',
    description:
      "An item of the record was changed after it was written (SharePoint's modified date or version says so). TAP Desk never edits items; its version history in SharePoint shows what changed.",
  },
  attemptUnfinished: {
    label: 'Attempt left unfinished',
    description:
      'TAP Desk recorded starting to issue a pass, but no item says how it ended: the tab closed before it could record the outcome, and nobody has opened the person since. Check whether they have a pass.',
  },
  brokenAttempt: {
    label: 'Broken attempt',
    description:
      'The items of one attempt do not fit together as TAP Desk writes them (one pending item, one completion that refers to it and names the same person): one is missing, doubled or points elsewhere.',
  },
};

/** The record grid's own words: column headings, its toolbar and the details dialog. */
export const GRID_LABELS = {
  details: 'Details',
  detailsFor: (what: string, target: string) => `Details: ${what}, ${target}`,
  close: 'Close',
  headers: {
    at: 'When',
    kind: 'Activity',
    actor: 'Acted by',
    actorUpn: 'Acted by UPN',
    app: 'App',
    target: 'Target',
    targetName: 'Target name',
    targetId: 'Target id',
    what: 'What',
    verification: 'Verification',
    ticket: 'Ticket',
    reason: 'Reason',
    items: 'Verification item ids',
    matchedBy: 'Matched by',
    anomalies: 'Anomalies',
    findings: 'Findings',
  },
  failed: 'failed',
  via: (app: string) => `via ${app}`,
} as const;

/** What a row says about itself, in its cells and its details. */
export const ROW_LABELS = {
  none: 'None',
  notRecorded: 'Not recorded',
  unknown: 'Unknown',
  failed: 'Failed',
  notApplicable: 'Not applicable',
  noRecord: 'No record',
  methodNotRecorded: 'Method not recorded',
  ticket: (ticket: string) => `Ticket: ${ticket}`,
  noTicket: 'none',
  reason: (reason: string) => `Reason: ${reason}`,
  writtenBy: (author: string) => `Written by ${author}`,
  unknownAuthor: 'an unknown author',
  withErrorCode: (outcome: string, code: string) => `${outcome} (${code})`,
  items: (ids: string) => `Verification item ids: ${ids}`,
  stillValid: 'Still valid',
  olderThanLog: 'Older than the audit log',
  matchedBy: {
    methodId: 'Matched by method id',
    time: 'Matched by person and time',
    late: 'Matched by person; record written later',
  },
  /** An ending the row's activity does not already say: a pass may exist that nobody recorded. */
  openOutcomes: {
    pending: 'Outcome not recorded',
    unknown: 'Outcome unknown',
    failed: 'Recorded as failed',
  },
} as const;

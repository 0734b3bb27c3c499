import { toCsv } from '../../lib/csv';
import { ANOMALY_LABELS, ROW_KIND_LABELS } from './labels';
import type { AuditRow } from './audit-row';

const HEADER = [
  'When (UTC)',
  'Activity',
  'Result',
  'Acted by',
  'Acted by UPN',
  'App',
  'Target',
  'Target UPN',
  'Target id',
  'What',
  'Verification method',
  'Ticket',
  'Reason',
  'Verification item id',
  'Matched by',
  'Anomalies',
  'Findings',
];

/** The audit record as CSV (src/lib/csv.ts keeps what people typed from running as formulas). */
export function rowsToCsv(rows: readonly AuditRow[]): string {
  return toCsv(
    HEADER,
    rows.map((row) => [
      row.at,
      ROW_KIND_LABELS[row.kind],
      row.succeeded ? 'success' : 'failure',
      row.actor.userName,
      row.actor.userUpn,
      row.actor.appName,
      row.target.displayName,
      row.target.upn,
      row.target.id,
      row.what,
      row.verification?.VerificationMethod,
      row.verification?.Ticket,
      row.verification?.Reason,
      // Every item of the attempt (pending and completion), so each can be opened in SharePoint.
      row.attempt
        ? row.attempt.items.map((item) => item.itemId).join(' ')
        : row.verification?.itemId,
      row.matchedBy,
      [
        ...row.anomalies.map((anomaly) => ANOMALY_LABELS[anomaly].label),
        ...(row.targetRoles ? [`Roles: ${row.targetRoles.join(', ')}`] : []),
      ].join('; '),
      // Who wrote what and when, as the page shows it beside each flag.
      row.anomalies.flatMap((anomaly) => row.findings?.[anomaly] ?? []).join(' '),
    ]),
  );
}

import { ANOMALY_LABELS, ROW_KIND_LABELS } from './labels';
import type { AuditRow } from './reconcile';

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
];

/**
 * One CSV cell. Quotes and line breaks are escaped, and text that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: names and reasons are typed by
 * people and must stay data when an auditor opens the file.
 */
export function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function rowsToCsv(rows: readonly AuditRow[]): string {
  const lines = rows.map((row) =>
    [
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
      row.verification?.itemId,
      row.matchedBy,
      [
        ...row.anomalies.map((anomaly) => ANOMALY_LABELS[anomaly].label),
        ...(row.targetRoles ? [`Roles: ${row.targetRoles.join(', ')}`] : []),
      ].join('; '),
    ]
      .map(csvCell)
      .join(','),
  );
  // A byte-order mark so spreadsheet programs read the names as UTF-8.
  return `\uFEFF${[HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}

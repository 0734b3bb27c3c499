import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import { Chip, Stack } from '@mui/material';
import {
  GridActionsCellItem,
  GridLongTextCellExpandIcon,
  type GridCellParams,
  type GridColDef,
  type GridColumnVisibilityModel,
} from '@mui/x-data-grid';
import type { CsvValue } from '../../lib/csv';
import { ANOMALY_LABELS, GRID_LABELS, ROW_KIND_LABELS, ROW_LABELS } from './labels';
import type { AuditRow } from './audit-row';
import type { MatchedBy } from './pair-attempts';

export const MATCHED_BY: Record<MatchedBy, string> = ROW_LABELS.matchedBy;

/** A registration or a person's own deletion is their own act: no helpdesk verification. */
export function isOwnAct(row: AuditRow): boolean {
  return (
    row.kind === 'authenticatorRegistered' ||
    row.kind === 'passkeyRegistered' ||
    row.kind === 'passkeyDeleted'
  );
}

export function actorText(row: AuditRow): string {
  const { userName, userUpn, appName } = row.actor;
  const who = userName ?? userUpn ?? appName;
  if (!who) return ROW_LABELS.notRecorded;
  return appName && (userName || userUpn) ? `${who} ${GRID_LABELS.via(appName)}` : who;
}

function verificationText(row: AuditRow): string {
  if (isOwnAct(row)) return ROW_LABELS.notApplicable;
  if (!row.verification) return ROW_LABELS.noRecord;
  return row.verification.VerificationMethod || ROW_LABELS.methodNotRecorded;
}

/** Each anomaly's label; the admin flag names the roles, as its chip does. */
export function anomalyText(row: AuditRow, anomaly: AuditRow['anomalies'][number]): string {
  const label = ANOMALY_LABELS[anomaly].label;
  return anomaly === 'adminTarget' && row.targetRoles
    ? `${label}: ${row.targetRoles.join(', ')}`
    : label;
}

const SHORT_WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** Chips on one line: the cell truncates, each chip names its anomaly's meaning on hover. */
function Flags({ row }: { row: AuditRow }) {
  const chips = row.anomalies.map((anomaly) => (
    <Chip
      key={anomaly}
      size="small"
      variant="outlined"
      icon={<WarningAmberRounded />}
      // Dark text on the page background: the filled warning colour fails WCAG AA contrast.
      sx={{
        color: 'text.primary',
        borderColor: 'warning.main',
        '& .MuiChip-icon': { color: 'warning.dark' },
      }}
      label={anomalyText(row, anomaly)}
      title={ANOMALY_LABELS[anomaly].description}
    />
  ));
  if (row.awaitingRegistration) {
    chips.push(
      <Chip key="awaiting" size="small" variant="outlined" label={ROW_LABELS.stillValid} />,
    );
  }
  if (row.beyondRetention) {
    chips.push(
      <Chip key="retention" size="small" variant="outlined" label={ROW_LABELS.olderThanLog} />,
    );
  }
  if (chips.length === 0) return <>{ROW_LABELS.none}</>;
  return (
    <Stack direction="row" spacing={0.5} sx={{ height: '100%', alignItems: 'center' }}>
      {chips}
    </Stack>
  );
}

/** The full text on hover; the details dialog has it for keyboard and touch. */
function truncated(params: { formattedValue?: unknown }) {
  const text = String(params.formattedValue ?? '');
  return <span title={text}>{text}</span>;
}

type Headers = typeof GRID_LABELS.headers;
const text = (
  field: keyof Headers,
  value: (row: AuditRow) => string | undefined,
  size: Partial<GridColDef<AuditRow>> = { flex: 1, minWidth: 120 },
): GridColDef<AuditRow> => ({
  field,
  headerName: GRID_LABELS.headers[field],
  valueGetter: (_value: unknown, row: AuditRow) => value(row) ?? '',
  renderCell: truncated,
  ...size,
});

/**
 * Every fact the record holds, as one column each. The first six fit 1366 pixels beside the
 * filters; the rest start hidden and can be shown (and then exported) from the toolbar.
 */
export function auditColumns(openDetails: (row: AuditRow) => void): GridColDef<AuditRow>[] {
  return [
    {
      field: 'details',
      type: 'actions',
      headerName: GRID_LABELS.details,
      width: 76,
      getActions: (params) => [
        <GridActionsCellItem
          key="details"
          icon={<GridLongTextCellExpandIcon fontSize="small" />}
          label={GRID_LABELS.details}
          onClick={() => openDetails(params.row)}
        />,
      ],
    },
    {
      field: 'at',
      headerName: GRID_LABELS.headers.at,
      type: 'dateTime',
      width: 160,
      valueGetter: (value: string) => new Date(value),
      valueFormatter: (value: Date) => SHORT_WHEN.format(value),
    },
    text('kind', (row) =>
      row.succeeded
        ? ROW_KIND_LABELS[row.kind]
        : `${ROW_KIND_LABELS[row.kind]} (${GRID_LABELS.failed})`,
    ),
    text('actor', actorText, { flex: 1, minWidth: 130 }),
    text(
      'target',
      (row) => row.target.upn ?? row.target.displayName ?? row.target.id ?? ROW_LABELS.unknown,
      {
        flex: 1.2,
        minWidth: 150,
      },
    ),
    text('verification', verificationText),
    {
      field: 'anomalies',
      headerName: GRID_LABELS.headers.anomalies,
      flex: 1.4,
      minWidth: 170,
      valueGetter: (_value: unknown, row: AuditRow) =>
        row.anomalies.map((anomaly) => anomalyText(row, anomaly)).join('; '),
      renderCell: (params) => <Flags row={params.row} />,
    },
    text('actorUpn', (row) => row.actor.userUpn),
    text('app', (row) => row.actor.appName),
    text('targetName', (row) => row.target.displayName),
    text('targetId', (row) => row.target.id),
    text('what', (row) => row.what),
    text('ticket', (row) => row.verification?.Ticket ?? row.verification?.Title),
    text('reason', (row) => row.verification?.Reason),
    // Every item of the attempt (pending and completion), so each can be opened in SharePoint.
    text('items', (row) =>
      row.attempt
        ? row.attempt.items.map((item) => item.itemId).join(' ')
        : row.verification?.itemId,
    ),
    text('matchedBy', (row) => (row.matchedBy ? MATCHED_BY[row.matchedBy] : undefined)),
    text('findings', (row) =>
      row.anomalies.flatMap((anomaly) => row.findings?.[anomaly] ?? []).join(' '),
    ),
  ];
}

/** The columns that start hidden: the ones a spreadsheet wants more than a screen. */
export const HIDDEN_AT_FIRST: GridColumnVisibilityModel = Object.fromEntries(
  (
    [
      'actorUpn',
      'app',
      'targetName',
      'targetId',
      'what',
      'ticket',
      'reason',
      'items',
      'matchedBy',
      'findings',
    ] as const
  ).map((field) => [field, false]),
);

/** A CSV cell: instants as ISO 8601 UTC, which every spreadsheet reads alike; else as shown. */
export function auditCsvCell(params: GridCellParams): CsvValue {
  return params.value instanceof Date
    ? params.value.toISOString()
    : (params.formattedValue as CsvValue);
}

import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import { Chip, Stack } from '@mui/material';
import {
  GridActionsCellItem,
  GridLongTextCellExpandIcon,
  type GridCellParams,
  type GridColDef,
  type GridColumnVisibilityModel,
} from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useMessages, type Messages } from '../../i18n/use-messages';
import type { CsvValue } from '../../lib/csv';
import type { AuditRow, RowKind } from './audit-row';
import { messages as gridMessages } from './grid.messages';
import { messages as auditMessages } from './messages';

/** The grid's words and the audit page's (activities, anomalies), in the reader's language. */
export interface AuditWords {
  grid: Messages<keyof typeof gridMessages.messages.en>;
  audit: Messages<keyof typeof auditMessages.messages.en>;
}

export function useAuditWords(): AuditWords {
  const grid = useMessages(gridMessages);
  const audit = useMessages(auditMessages);
  return useMemo(() => ({ grid, audit }), [grid, audit]);
}

/** A registration or a person's own deletion is their own act: no helpdesk verification. */
export function isOwnAct(row: AuditRow): boolean {
  return (
    row.kind === 'authenticatorRegistered' ||
    row.kind === 'passkeyRegistered' ||
    row.kind === 'passkeyDeleted'
  );
}

export function kindText({ grid, audit }: AuditWords, kind: RowKind): string {
  return kind === 'recordOnly' ? grid.t('kind.recordOnly') : audit.t(`activity.${kind}`);
}

export function actorText({ grid }: AuditWords, row: AuditRow): string {
  const { userName, userUpn, appName } = row.actor;
  const who = userName ?? userUpn ?? appName;
  if (!who) return grid.t('notRecorded');
  return appName && (userName || userUpn) ? grid.t('via', { who, app: appName }) : who;
}

function verificationText({ grid }: AuditWords, row: AuditRow): string {
  if (isOwnAct(row)) return grid.t('notApplicable');
  if (!row.verification) return grid.t('noRecord');
  return row.verification.VerificationMethod || grid.t('methodNotRecorded');
}

/** Each anomaly's label; the admin flag names the roles (as Graph names them), as its chip does. */
export function anomalyText(
  { grid, audit }: AuditWords,
  row: AuditRow,
  anomaly: AuditRow['anomalies'][number],
): string {
  const label = audit.t(`anomaly.${anomaly}`);
  return anomaly === 'adminTarget' && row.targetRoles
    ? grid.t('adminRoles', { label, roles: row.targetRoles.join(', ') })
    : label;
}

/** What happened: Graph's own words for an event, TAP Desk's for a record alone. */
export function whatText({ grid }: AuditWords, row: AuditRow): string {
  return typeof row.what === 'string' ? row.what : grid.say(row.what);
}

/** What exactly was found for `anomalies`, sentence after sentence. */
export function findingsText(
  { grid }: AuditWords,
  row: AuditRow,
  anomalies: readonly AuditRow['anomalies'][number][] = row.anomalies,
): string {
  return anomalies
    .flatMap((anomaly) => row.findings?.[anomaly] ?? [])
    .map((found) => grid.say(found))
    .join(' ');
}

/** Chips on one line: the cell truncates, each chip names its anomaly's meaning on hover. */
function Flags({ row, words }: { row: AuditRow; words: AuditWords }) {
  const { grid, audit } = words;
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
      label={anomalyText(words, row, anomaly)}
      title={audit.t(`anomaly.${anomaly}.about`)}
    />
  ));
  if (row.awaitingRegistration) {
    chips.push(
      <Chip key="awaiting" size="small" variant="outlined" label={grid.t('stillValid')} />,
    );
  }
  if (row.beyondRetention) {
    chips.push(
      <Chip key="retention" size="small" variant="outlined" label={grid.t('olderThanLog')} />,
    );
  }
  if (chips.length === 0) return <>{grid.t('none')}</>;
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

type Field =
  | 'actor'
  | 'actorUpn'
  | 'app'
  | 'target'
  | 'targetName'
  | 'targetId'
  | 'kind'
  | 'what'
  | 'verification'
  | 'ticket'
  | 'reason'
  | 'items'
  | 'matchedBy'
  | 'findings';

/**
 * Every fact the record holds, as one column each, worded in the reader's language (the CSV
 * export reads these headings and cells). The first six fit 1366 pixels beside the filters; the
 * rest start hidden and can be shown (and then exported) from the toolbar.
 */
export function auditColumns(
  openDetails: (row: AuditRow) => void,
  words: AuditWords,
): GridColDef<AuditRow>[] {
  const { grid } = words;
  const text = (
    field: Field,
    value: (row: AuditRow) => string | undefined,
    size: Partial<GridColDef<AuditRow>> = { flex: 1, minWidth: 100 },
  ): GridColDef<AuditRow> => ({
    field,
    headerName: grid.t(`header.${field}`),
    valueGetter: (_value: unknown, row: AuditRow) => value(row) ?? '',
    renderCell: truncated,
    ...size,
  });
  // The minimum widths of the columns shown add up to 836 pixels: in a 1280-pixel window the
  // grid gets about 870 beside the filters, so nothing scrolls sideways on a laptop.
  return [
    {
      field: 'details',
      type: 'actions',
      headerName: grid.t('details'),
      width: 76,
      getActions: (params) => [
        <GridActionsCellItem
          key="details"
          icon={<GridLongTextCellExpandIcon fontSize="small" />}
          label={grid.t('details')}
          onClick={() => openDetails(params.row)}
        />,
      ],
    },
    {
      field: 'at',
      headerName: grid.t('header.at'),
      type: 'dateTime',
      width: 150,
      valueGetter: (value: string) => new Date(value),
      valueFormatter: (value: Date) =>
        grid.intl.formatDate(value, { dateStyle: 'short', timeStyle: 'short' }),
    },
    text('kind', (row) =>
      row.succeeded
        ? kindText(words, row.kind)
        : grid.t('kindFailed', { kind: kindText(words, row.kind) }),
    ),
    text('actor', (row) => actorText(words, row), { flex: 1, minWidth: 120 }),
    text(
      'target',
      (row) => row.target.upn ?? row.target.displayName ?? row.target.id ?? grid.t('unknown'),
      { flex: 1.2, minWidth: 150 },
    ),
    text('verification', (row) => verificationText(words, row)),
    {
      field: 'anomalies',
      headerName: grid.t('header.anomalies'),
      flex: 1.4,
      minWidth: 140,
      valueGetter: (_value: unknown, row: AuditRow) =>
        row.anomalies.map((anomaly) => anomalyText(words, row, anomaly)).join('; '),
      renderCell: (params) => <Flags row={params.row} words={words} />,
    },
    text('actorUpn', (row) => row.actor.userUpn),
    text('app', (row) => row.actor.appName),
    text('targetName', (row) => row.target.displayName),
    text('targetId', (row) => row.target.id),
    text('what', (row) => whatText(words, row)),
    text('ticket', (row) => row.verification?.Ticket ?? row.verification?.Title),
    text('reason', (row) => row.verification?.Reason),
    // Every item of the attempt (pending and completion), so each can be opened in SharePoint.
    text('items', (row) =>
      row.attempt
        ? row.attempt.items.map((item) => item.itemId).join(' ')
        : row.verification?.itemId,
    ),
    text('matchedBy', (row) => (row.matchedBy ? grid.t(`matchedBy.${row.matchedBy}`) : undefined)),
    text('findings', (row) => findingsText(words, row)),
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

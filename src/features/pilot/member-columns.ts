import {
  getGridDateOperators,
  getGridSingleSelectOperators,
  getGridStringOperators,
  type GridColDef,
} from '@mui/x-data-grid';
import { STAGES, STALLED_REASONS, type MemberRow } from './stages';
import type { usePilotMessages } from './use-pilot-messages';

/**
 * One column of the member table. The grid draws a page of rows (member-table.tsx); the rest of
 * what a column means is here, so that the filter, the sort, the quick search and the CSV work
 * over every member and agree with what the grid shows.
 */
export interface MemberColumn {
  def: GridColDef<MemberRow>;
  /** What the column sorts and filters on: a string, a Date, a stage, or null when empty. */
  value(row: MemberRow): string | Date | null;
  /** What a reader sees in the cell, and what the CSV carries. */
  text(row: MemberRow): string;
  /** Ascending order of two values; empty values first, as the grid's own comparators do. */
  compare(a: string | Date | null, b: string | Date | null): number;
  /** Whether the quick search looks in this column (as the grid's, not dates). */
  searched: boolean;
  /** Whether `compare` is a collator's over text, which a cheap first pass can nearly order. */
  sortsAsText: boolean;
}

type Words = ReturnType<typeof usePilotMessages>;

const date = (value: string | undefined) => (value ? new Date(value) : null);

function nullsFirst<T>(compare: (a: T, b: T) => number) {
  return (a: T | null, b: T | null) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
    return compare(a, b);
  };
}

/** The columns in the reader's language; dates and times in their locale. */
export function memberColumns(words: Words): MemberColumn[] {
  const { t, intl, stageLabel, stalledLabel } = words;
  const collator = new Intl.Collator(intl.locale);
  const byText = nullsFirst((a: string | Date, b: string | Date) =>
    collator.compare(String(a), String(b)),
  );
  const byTime = nullsFirst((a: string | Date, b: string | Date) =>
    a instanceof Date && b instanceof Date ? a.getTime() - b.getTime() : 0,
  );
  const at = (value: Date) =>
    intl.formatDate(value, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    });
  // Labels are looked up, not formatted per row: a search or an export reads 100,000 rows.
  const stageNames = new Map(STAGES.map((stage) => [stage, stageLabel(stage)]));
  const stalledNames = new Map(STALLED_REASONS.map((reason) => [reason, stalledLabel(reason)]));
  const authenticatorNames = {
    push: t('authenticator.push'),
    passwordless: t('authenticator.passwordless'),
  };
  const methodNames = { passkey: t('method.passkey'), phoneSignIn: t('method.phoneSignIn') };

  const string = (
    def: GridColDef<MemberRow> & { field: string },
    value: (row: MemberRow) => string,
  ): MemberColumn => ({
    def: { ...def, filterOperators: getGridStringOperators(), valueGetter: (_, row) => value(row) },
    value,
    text: value,
    compare: byText,
    searched: true,
    sortsAsText: true,
  });
  const dateTime = (
    def: GridColDef<MemberRow> & { field: string },
    value: (row: MemberRow) => Date | null,
    text: (value: Date, row: MemberRow) => string = at,
  ): MemberColumn => {
    const shown = (row: MemberRow) => {
      const when = value(row);
      return when ? text(when, row) : '';
    };
    return {
      def: {
        ...def,
        type: 'dateTime',
        filterOperators: getGridDateOperators(true),
        valueGetter: (_, row) => value(row),
        valueFormatter: (_, row) => shown(row),
      },
      value,
      text: shown,
      compare: byTime,
      searched: false,
      sortsAsText: false,
    };
  };

  return [
    string(
      { field: 'displayName', headerName: t('column.name'), flex: 1, minWidth: 160 },
      (row) => row.displayName,
    ),
    string(
      { field: 'userPrincipalName', headerName: t('column.userName'), flex: 1, minWidth: 200 },
      (row) => row.userPrincipalName,
    ),
    string(
      { field: 'department', headerName: t('column.department'), width: 140 },
      (row) => row.department ?? '',
    ),
    {
      def: {
        field: 'stage',
        headerName: t('column.stage'),
        width: 190,
        type: 'singleSelect',
        valueOptions: STAGES.map((stage) => ({ value: stage, label: stageNames.get(stage) })),
        filterOperators: getGridSingleSelectOperators(),
      },
      value: (row) => row.stage,
      text: (row) => stageNames.get(row.stage) ?? row.stage,
      compare: (a, b) =>
        STAGES.indexOf(a as MemberRow['stage']) - STAGES.indexOf(b as MemberRow['stage']),
      searched: true,
      sortsAsText: false,
    },
    string({ field: 'stalled', headerName: t('column.stalled'), width: 200 }, (row) =>
      row.stalled ? (stalledNames.get(row.stalled) ?? row.stalled) : '',
    ),
    dateTime({ field: 'tapIssuedDateTime', headerName: t('column.tapIssued'), width: 180 }, (row) =>
      date(row.tapIssuedDateTime),
    ),
    dateTime(
      { field: 'tapExpiresDateTime', headerName: t('column.tapExpires'), width: 200 },
      (row) => date(row.tapExpiresDateTime),
      // Unread passes show the latest they can expire, from the policy's longest lifetime.
      (value, row) => (row.tapExpiryIsExact ? at(value) : t('expiresBy', { at: at(value) })),
    ),
    string({ field: 'authenticator', headerName: t('column.authenticator'), width: 140 }, (row) =>
      row.authenticator ? authenticatorNames[row.authenticator] : '',
    ),
    // The passwordless end state (decision 0011); the CSV carries it like every column.
    string(
      { field: 'passwordlessMethod', headerName: t('column.passwordless'), width: 190 },
      (row) =>
        row.stage === 'passkeyRegistered'
          ? methodNames.passkey
          : row.stage === 'phoneSignInEnabled'
            ? methodNames.phoneSignIn
            : '',
    ),
    dateTime(
      { field: 'lastUpdateDateTime', headerName: t('column.lastUpdate'), width: 180 },
      (row) => date(row.lastUpdateDateTime),
    ),
  ];
}

import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import {
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import type { VerificationOutcome } from '../../graph/verification-records';
import { ANOMALY_LABELS, ROW_KIND_LABELS } from './labels';
import { ANOMALIES, type AuditRow } from './audit-row';
import type { MatchedBy } from './pair-attempts';

/** Chip labels wrap instead of being cut off: a truncated flag is no flag. */
const WRAPPING_CHIP = {
  height: 'auto',
  py: 0.25,
  '& .MuiChip-label': { whiteSpace: 'normal', overflow: 'visible' },
} as const;

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Secondary(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
      {props.children}
    </Typography>
  );
}

function ActedBy({ row }: { row: AuditRow }) {
  const { userName, userUpn, appName } = row.actor;
  if (!userName && !userUpn && !appName) return <>Not recorded</>;
  return (
    <>
      {userName ?? userUpn ?? appName}
      {userName && userUpn ? <Secondary>{userUpn}</Secondary> : null}
      {appName && (userName || userUpn) ? <Secondary>via {appName}</Secondary> : null}
    </>
  );
}

const MATCHED_BY: Record<MatchedBy, string> = {
  methodId: 'Matched by method id',
  time: 'Matched by person and time',
  late: 'Matched by person; record written later',
};

/** An ending the row's activity does not already say: a pass may exist that nobody recorded. */
const OPEN_OUTCOMES: Partial<Record<VerificationOutcome, string>> = {
  pending: 'Outcome not recorded',
  unknown: 'Outcome unknown',
  failed: 'Recorded as failed',
};

function Verification({ row }: { row: AuditRow }) {
  const record = row.verification;
  // A registration is the person's own act: no helpdesk verification belongs to it.
  if (
    row.kind === 'authenticatorRegistered' ||
    row.kind === 'passkeyRegistered' ||
    row.kind === 'passkeyDeleted'
  ) {
    return <Typography color="text.secondary">Not applicable</Typography>;
  }
  if (!record) return <Typography color="text.secondary">No record</Typography>;
  const outcome = row.attempt ? OPEN_OUTCOMES[row.attempt.outcome] : undefined;
  const errorCode = row.attempt?.completion?.ErrorCode;
  const author = row.attempt?.author;
  return (
    <>
      {record.VerificationMethod || 'Method not recorded'}
      <Secondary>Ticket: {record.Ticket ?? record.Title ?? 'none'}</Secondary>
      {record.Reason ? <Secondary>Reason: {record.Reason}</Secondary> : null}
      {row.kind !== 'recordOnly' && outcome ? (
        <Secondary>{errorCode ? `${outcome} (${errorCode})` : outcome}</Secondary>
      ) : null}
      {row.kind !== 'recordOnly' ? (
        <Secondary>{MATCHED_BY[row.matchedBy ?? 'time']}</Secondary>
      ) : (
        // Who wrote it, as SharePoint says: the name the record claims may differ (and is flagged).
        <Secondary>Written by {author?.name ?? author?.upn ?? 'an unknown author'}</Secondary>
      )}
    </>
  );
}

function Flags({ row }: { row: AuditRow }) {
  const chips = row.anomalies.map((anomaly) => (
    <Chip
      key={anomaly}
      size="small"
      variant="outlined"
      icon={<WarningAmberRounded />}
      // Dark text on the page background: the filled warning colour fails WCAG AA contrast.
      sx={{
        ...WRAPPING_CHIP,
        color: 'text.primary',
        borderColor: 'warning.main',
        '& .MuiChip-icon': { color: 'warning.dark' },
      }}
      label={
        anomaly === 'adminTarget' && row.targetRoles
          ? `${ANOMALY_LABELS[anomaly].label}: ${row.targetRoles.join(', ')}`
          : ANOMALY_LABELS[anomaly].label
      }
      title={ANOMALY_LABELS[anomaly].description}
    />
  ));
  if (row.awaitingRegistration) {
    chips.push(
      <Chip
        key="awaiting"
        size="small"
        variant="outlined"
        label="Still valid"
        sx={WRAPPING_CHIP}
      />,
    );
  }
  if (row.beyondRetention) {
    chips.push(
      <Chip
        key="retention"
        size="small"
        variant="outlined"
        label="Older than the audit log"
        sx={WRAPPING_CHIP}
      />,
    );
  }
  if (chips.length === 0) return <Typography color="text.secondary">None</Typography>;
  // What exactly was found, beside the flags: who wrote what, how late, which item changed.
  const findings = ANOMALIES.flatMap((anomaly) => {
    const finding = row.anomalies.includes(anomaly) ? row.findings?.[anomaly] : undefined;
    return finding ? [<Secondary key={anomaly}>{finding}</Secondary>] : [];
  });
  return (
    <>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {chips}
      </Stack>
      {findings}
    </>
  );
}

/** The record itself: read-only rows, paged in the browser (the rows are already loaded). */
export function AuditTable(props: { rows: readonly AuditRow[]; caption: string }) {
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(50);
  const visible = props.rows.slice(page * rowsPerPage, page * rowsPerPage + rowsPerPage);
  return (
    <Paper variant="outlined">
      {/* Scrolls sideways on narrow screens, so keyboard users must be able to focus it. */}
      <TableContainer role="region" aria-label={props.caption} tabIndex={0}>
        <Table size="small" sx={{ minWidth: 1040, tableLayout: 'fixed' }}>
          <caption style={{ captionSide: 'top' }}>{props.caption}</caption>
          <TableHead>
            <TableRow>
              <TableCell scope="col" sx={{ width: '14%' }}>
                When
              </TableCell>
              <TableCell scope="col" sx={{ width: '17%' }}>
                Acted by
              </TableCell>
              <TableCell scope="col" sx={{ width: '15%' }}>
                Target
              </TableCell>
              <TableCell scope="col" sx={{ width: '18%' }}>
                What
              </TableCell>
              <TableCell scope="col" sx={{ width: '18%' }}>
                Verification
              </TableCell>
              <TableCell scope="col" sx={{ width: '18%' }}>
                Anomalies
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map((row) => (
              <TableRow
                key={row.id}
                data-row-id={row.id}
                sx={{ verticalAlign: 'top', '& td': { overflowWrap: 'anywhere' } }}
              >
                <TableCell>
                  <time dateTime={row.at}>{WHEN.format(new Date(row.at))}</time>
                </TableCell>
                <TableCell>
                  <ActedBy row={row} />
                </TableCell>
                <TableCell>
                  {row.target.displayName ?? row.target.upn ?? row.target.id ?? 'Unknown'}
                  {row.target.displayName && row.target.upn ? (
                    <Secondary>{row.target.upn}</Secondary>
                  ) : null}
                </TableCell>
                <TableCell>
                  {ROW_KIND_LABELS[row.kind]}
                  {row.succeeded ? null : <Secondary>Failed</Secondary>}
                  <Secondary>{row.what}</Secondary>
                </TableCell>
                <TableCell>
                  <Verification row={row} />
                </TableCell>
                <TableCell>
                  <Flags row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={props.rows.length}
        page={page}
        onPageChange={(_, next) => setPage(next)}
        rowsPerPage={rowsPerPage}
        rowsPerPageOptions={[25, 50, 100]}
        onRowsPerPageChange={(event) => {
          setRowsPerPage(Number(event.target.value));
          setPage(0);
        }}
      />
    </Paper>
  );
}

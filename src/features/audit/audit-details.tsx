import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useId, type ReactNode } from 'react';
import type { VerificationOutcome } from '../../graph/verification-records';
import { actorText, anomalyText, isOwnAct, MATCHED_BY } from './audit-columns';
import { ANOMALIES, type AuditRow } from './audit-row';
import { ANOMALY_LABELS, GRID_LABELS, ROW_KIND_LABELS, ROW_LABELS } from './labels';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

const OPEN_OUTCOMES: Partial<Record<VerificationOutcome, string>> = ROW_LABELS.openOutcomes;
const L = ROW_LABELS;

function Line(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" component="span" sx={{ display: 'block' }}>
      {props.children}
    </Typography>
  );
}

function Verification({ row }: { row: AuditRow }) {
  const record = row.verification;
  if (isOwnAct(row)) return <Line>{L.notApplicable}</Line>;
  if (!record) return <Line>{L.noRecord}</Line>;
  const outcome = row.attempt ? OPEN_OUTCOMES[row.attempt.outcome] : undefined;
  const errorCode = row.attempt?.completion?.ErrorCode;
  const author = row.attempt?.author;
  const items = row.attempt ? row.attempt.items.map((item) => item.itemId) : [record.itemId];
  return (
    <>
      <Line>{record.VerificationMethod || L.methodNotRecorded}</Line>
      <Line>{L.ticket(record.Ticket ?? record.Title ?? L.noTicket)}</Line>
      {record.Reason ? <Line>{L.reason(record.Reason)}</Line> : null}
      {row.kind !== 'recordOnly' && outcome ? (
        <Line>{errorCode ? L.withErrorCode(outcome, errorCode) : outcome}</Line>
      ) : null}
      {row.kind !== 'recordOnly' ? (
        <Line>{MATCHED_BY[row.matchedBy ?? 'time']}</Line>
      ) : (
        // Who wrote it, as SharePoint says: the name the record claims may differ (and is flagged).
        <Line>{L.writtenBy(author?.name ?? author?.upn ?? L.unknownAuthor)}</Line>
      )}
      <Line>{L.items(items.join(' '))}</Line>
    </>
  );
}

/** Each flag with what it means and what exactly was found: the text a chip only hints at. */
function Flags({ row }: { row: AuditRow }) {
  const flagged = ANOMALIES.filter((anomaly) => row.anomalies.includes(anomaly));
  if (flagged.length === 0 && !row.awaitingRegistration && !row.beyondRetention) {
    return <Line>{L.none}</Line>;
  }
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {flagged.map((anomaly) => (
        <li key={anomaly}>
          <Line>
            <strong>{anomalyText(row, anomaly)}</strong>
          </Line>
          <Line>{ANOMALY_LABELS[anomaly].description}</Line>
          {row.findings?.[anomaly] ? <Line>{row.findings[anomaly]}</Line> : null}
        </li>
      ))}
      {row.awaitingRegistration ? (
        <li>
          <Line>{L.stillValid}</Line>
        </li>
      ) : null}
      {row.beyondRetention ? (
        <li>
          <Line>{L.olderThanLog}</Line>
        </li>
      ) : null}
    </Box>
  );
}

/** One row in full, as a list of terms: what the grid's one-line cells cut short. */
export function AuditDetails(props: { row: AuditRow | null; onClose: () => void }) {
  const titleId = useId();
  const { row } = props;
  const target = row ? (row.target.upn ?? row.target.displayName ?? row.target.id ?? '') : '';
  const entries: { term: string; value: ReactNode }[] = row
    ? [
        {
          term: GRID_LABELS.headers.at,
          value: <time dateTime={row.at}>{WHEN.format(new Date(row.at))}</time>,
        },
        {
          term: GRID_LABELS.headers.kind,
          value: (
            <>
              <Line>{ROW_KIND_LABELS[row.kind]}</Line>
              {row.succeeded ? null : <Line>{L.failed}</Line>}
              {row.what ? <Line>{row.what}</Line> : null}
            </>
          ),
        },
        {
          term: GRID_LABELS.headers.actor,
          value: (
            <>
              <Line>{actorText(row)}</Line>
              {row.actor.userName && row.actor.userUpn ? <Line>{row.actor.userUpn}</Line> : null}
            </>
          ),
        },
        {
          term: GRID_LABELS.headers.target,
          value: (
            <>
              {row.target.displayName ? <Line>{row.target.displayName}</Line> : null}
              {row.target.upn ? <Line>{row.target.upn}</Line> : null}
              {row.target.id ? <Line>{row.target.id}</Line> : null}
            </>
          ),
        },
        { term: GRID_LABELS.headers.verification, value: <Verification row={row} /> },
        { term: GRID_LABELS.headers.anomalies, value: <Flags row={row} /> },
      ]
    : [];
  return (
    <Dialog open={row !== null} onClose={props.onClose} aria-labelledby={titleId} maxWidth="sm">
      <DialogTitle id={titleId}>
        {row ? GRID_LABELS.detailsFor(ROW_KIND_LABELS[row.kind], target) : ''}
      </DialogTitle>
      <DialogContent>
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1.5, m: 0 }}
        >
          {entries.map(({ term, value }) => (
            <Box key={term} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
                {term}
              </Typography>
              <Box component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                {value}
              </Box>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{GRID_LABELS.close}</Button>
      </DialogActions>
    </Dialog>
  );
}

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
import {
  actorText,
  anomalyText,
  findingsText,
  isOwnAct,
  kindText,
  useAuditWords,
  whatText,
  type AuditWords,
} from './audit-columns';
import { ANOMALIES, type AuditRow } from './audit-row';

/** An ending the row's activity does not already say: a pass may exist that nobody recorded. */
const OPEN_OUTCOMES = ['pending', 'unknown', 'failed'] as const satisfies VerificationOutcome[];
type OpenOutcome = (typeof OPEN_OUTCOMES)[number];
const isOpen = (outcome: VerificationOutcome): outcome is OpenOutcome =>
  (OPEN_OUTCOMES as readonly VerificationOutcome[]).includes(outcome);

function Line(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" component="span" sx={{ display: 'block' }}>
      {props.children}
    </Typography>
  );
}

function Verification({ row, words }: { row: AuditRow; words: AuditWords }) {
  const { t } = words.grid;
  const record = row.verification;
  if (isOwnAct(row)) return <Line>{t('notApplicable')}</Line>;
  if (!record) return <Line>{t('noRecord')}</Line>;
  const outcome =
    row.attempt && isOpen(row.attempt.outcome) ? t(`outcome.${row.attempt.outcome}`) : undefined;
  const errorCode = row.attempt?.completion?.ErrorCode;
  const author = row.attempt?.author;
  const items = row.attempt ? row.attempt.items.map((item) => item.itemId) : [record.itemId];
  return (
    <>
      <Line>{record.VerificationMethod || t('methodNotRecorded')}</Line>
      <Line>{t('ticket', { ticket: record.Ticket ?? record.Title ?? t('noTicket') })}</Line>
      {record.Reason ? <Line>{t('reason', { reason: record.Reason })}</Line> : null}
      {row.kind !== 'recordOnly' && outcome ? (
        <Line>{errorCode ? t('withErrorCode', { outcome, code: errorCode }) : outcome}</Line>
      ) : null}
      {row.kind !== 'recordOnly' ? (
        <Line>{t(`matchedBy.${row.matchedBy ?? 'time'}`)}</Line>
      ) : (
        // Who wrote it, as SharePoint says: the name the record claims may differ (and is flagged).
        <Line>{t('writtenBy', { author: author?.name ?? author?.upn ?? t('unknownAuthor') })}</Line>
      )}
      <Line>{t('items', { ids: items.join(' ') })}</Line>
    </>
  );
}

/** Each flag with what it means and what exactly was found: the text a chip only hints at. */
function Flags({ row, words }: { row: AuditRow; words: AuditWords }) {
  const { t } = words.grid;
  const flagged = ANOMALIES.filter((anomaly) => row.anomalies.includes(anomaly));
  if (flagged.length === 0 && !row.awaitingRegistration && !row.beyondRetention) {
    return <Line>{t('none')}</Line>;
  }
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {flagged.map((anomaly) => (
        <li key={anomaly}>
          <Line>
            <strong>{anomalyText(words, row, anomaly)}</strong>
          </Line>
          <Line>{words.audit.t(`anomaly.${anomaly}.about`)}</Line>
          {row.findings?.[anomaly] ? <Line>{findingsText(words, row, [anomaly])}</Line> : null}
        </li>
      ))}
      {row.awaitingRegistration ? (
        <li>
          <Line>{t('stillValid')}</Line>
        </li>
      ) : null}
      {row.beyondRetention ? (
        <li>
          <Line>{t('olderThanLog')}</Line>
        </li>
      ) : null}
    </Box>
  );
}

/** One row in full, as a list of terms: what the grid's one-line cells cut short. */
export function AuditDetails(props: { row: AuditRow | null; onClose: () => void }) {
  const titleId = useId();
  const words = useAuditWords();
  const { t, intl } = words.grid;
  const { row } = props;
  const target = row ? (row.target.upn ?? row.target.displayName ?? row.target.id ?? '') : '';
  const entries: { term: string; value: ReactNode }[] = row
    ? [
        {
          term: t('header.at'),
          value: (
            <time dateTime={row.at}>
              {intl.formatDate(row.at, { dateStyle: 'full', timeStyle: 'long' })}
            </time>
          ),
        },
        {
          term: t('header.kind'),
          value: (
            <>
              <Line>{kindText(words, row.kind)}</Line>
              {row.succeeded ? null : <Line>{t('failed')}</Line>}
              {row.what ? <Line>{whatText(words, row)}</Line> : null}
            </>
          ),
        },
        {
          term: t('header.actor'),
          value: (
            <>
              <Line>{actorText(words, row)}</Line>
              {row.actor.userName && row.actor.userUpn ? <Line>{row.actor.userUpn}</Line> : null}
            </>
          ),
        },
        {
          term: t('header.target'),
          value: (
            <>
              {row.target.displayName ? <Line>{row.target.displayName}</Line> : null}
              {row.target.upn ? <Line>{row.target.upn}</Line> : null}
              {row.target.id ? <Line>{row.target.id}</Line> : null}
            </>
          ),
        },
        { term: t('header.verification'), value: <Verification row={row} words={words} /> },
        { term: t('header.anomalies'), value: <Flags row={row} words={words} /> },
      ]
    : [];
  return (
    <Dialog open={row !== null} onClose={props.onClose} aria-labelledby={titleId} maxWidth="sm">
      <DialogTitle id={titleId}>
        {row ? t('detailsFor', { what: kindText(words, row.kind), target }) : ''}
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
        <Button onClick={props.onClose}>{t('close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

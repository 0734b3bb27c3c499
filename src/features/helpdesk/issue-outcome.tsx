import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { ErrorState } from '../../components/error-state';
import type { TemporaryAccessPass } from '../../graph/authentication-methods';
import { verificationSiteAccessText } from '../../graph/describe-error';
import type { VerificationRecord } from '../../graph/verification-records';
import { messageRef } from '../../i18n/catalog';
import { useMessages, type Messages } from '../../i18n/use-messages';
import { messages } from './messages';
import type { IssueProgress, IssueResult } from './use-issue-tap';

type Words = Messages<keyof typeof messages.messages.en>;

/** Whole sentences side by side; each is one message, never a fragment of one. */
const sentences = (...texts: string[]) => texts.join(' ');

/** What the form's buttons say while an attempt runs, in the agent's words. */
export function progressText(t: Words['t'], progress: IssueProgress, now: number): string | null {
  switch (progress.step) {
    case 'idle':
      return null;
    case 'checking':
      return t('progress.checking');
    case 'recording':
      return t('progress.recording');
    case 'creating':
      return t('progress.creating');
    case 'waiting':
      return t('progress.waiting', {
        seconds: Math.max(0, Math.ceil((progress.until - now) / 1000)),
      });
    case 'completing':
      return t('progress.completing');
  }
}

/**
 * The true state after an attempt that did not end in a handover. Each case says what exists now
 * and what to do, so an agent never hands over a dead pass or issues a second one by mistake.
 */
export function IssueOutcome(props: {
  result: IssueResult;
  onReplace: () => void;
  onDismiss: () => void;
}) {
  const { t } = useMessages(messages);
  const { result } = props;
  const dismiss = (
    <Button color="inherit" size="small" onClick={props.onDismiss}>
      {t('outcome.dismiss')}
    </Button>
  );
  switch (result.kind) {
    case 'issued':
    case 'changed':
    case 'refused': // shown in the form, where the agent can correct and retry
      return null;
    case 'recordNotSaved':
      return (
        <ErrorState
          error={result.error}
          title={t('outcome.recordNotSaved.title')}
          context={{
            doing: messageRef(messages, 'doing.saveRecord'),
            ...verificationSiteAccessText('add'),
          }}
        >
          {t('outcome.recordNotSaved.body')}
        </ErrorState>
      );
    case 'notIssued':
      return (
        <Alert severity="warning" role="alert" action={dismiss}>
          <AlertTitle>{t('outcome.notIssued.title')}</AlertTitle>
          {result.recorded
            ? t('outcome.notIssued.body')
            : sentences(t('outcome.notIssued.body'), t('outcome.recordLeftPending'))}
        </Alert>
      );
    case 'unknown':
      return (
        <Alert severity="error" role="alert" action={dismiss}>
          <AlertTitle>{t('outcome.unknown.title')}</AlertTitle>
          {sentences(
            t('outcome.unknown.body'),
            t(result.recorded ? 'outcome.unknown.recorded' : 'outcome.recordLeftPending'),
          )}
        </Alert>
      );
    case 'cancelled':
      return (
        <Alert severity="info" role="status" action={dismiss}>
          <AlertTitle>{t('outcome.cancelled.title')}</AlertTitle>
          {t(result.sent ? 'outcome.cancelled.sent' : 'outcome.cancelled.notSent')}
        </Alert>
      );
    case 'valueLost':
      return (
        <ValueLost
          tap={result.tap}
          why={t(result.cancelled ? 'valueLost.whyCancelled' : 'valueLost.whyLost')}
          recorded={result.recorded}
          onReplace={props.onReplace}
        />
      );
  }
}

/** A pass that exists but whose value nobody saw: Graph shows a pass only once. */
export function ValueLost(props: {
  tap: TemporaryAccessPass;
  why: string;
  recorded: boolean;
  record?: VerificationRecord;
  onReplace: () => void;
}) {
  const { t, intl } = useMessages(messages);
  const title = props.tap.createdDateTime
    ? t('valueLost.titleAt', { time: intl.formatTime(props.tap.createdDateTime) })
    : t('valueLost.titleRecently');
  return (
    <Alert
      severity="warning"
      role="alert"
      data-testid="value-lost"
      action={
        <Button color="inherit" size="small" onClick={props.onReplace}>
          {t('valueLost.replace')}
        </Button>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      <Stack spacing={0.5}>
        <Typography variant="body2">{sentences(props.why, t('valueLost.onlyOnce'))}</Typography>
        <Typography variant="body2">
          {props.record
            ? t('valueLost.recordedFor', {
                name: props.record.IssuedByName ?? props.record.IssuedByUpn,
              })
            : t(props.recorded ? 'valueLost.recorded' : 'outcome.recordLeftPending')}
        </Typography>
      </Stack>
    </Alert>
  );
}

import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { ErrorState } from '../../components/error-state';
import type { TemporaryAccessPass } from '../../graph/authentication-methods';
import { verificationSiteAccess, type VerificationRecord } from '../../graph/verification-records';
import type { IssueProgress, IssueResult } from './use-issue-tap';

export const RECORD_LEFT_PENDING =
  'The verification record could not be completed; it stays pending, and TAP Desk completes it from Graph the next time anyone opens this user.';

/** What the form's buttons say while an attempt runs, in the agent's words. */
export function progressText(progress: IssueProgress, now: number): string | null {
  switch (progress.step) {
    case 'idle':
      return null;
    case 'checking':
      return 'Checking that nobody else has issued a pass meanwhile…';
    case 'recording':
      return 'Saving the verification record…';
    case 'creating':
      return 'Asking Microsoft Entra for the pass…';
    case 'waiting':
      return `Microsoft Graph is busy and asked TAP Desk to wait: trying again in ${Math.max(0, Math.ceil((progress.until - now) / 1000))} s. Cancel to stop; nothing has been issued yet.`;
    case 'completing':
      return 'No answer from Graph: reading back whether the pass was created…';
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
  const { result } = props;
  const dismiss = (
    <Button color="inherit" size="small" onClick={props.onDismiss}>
      Dismiss
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
          title="No pass was issued: the verification record could not be saved"
          context={{
            doing: 'save the verification record',
            ...verificationSiteAccess('add'),
          }}
        >
          TAP Desk saves the record before it asks for a pass, so every pass is accounted for. What
          you entered is still in the form; try again.
        </ErrorState>
      );
    case 'notIssued':
      return (
        <Alert severity="warning" role="alert" action={dismiss}>
          <AlertTitle>No pass was issued</AlertTitle>
          Microsoft Graph did not answer, and reading the user&apos;s methods back shows no new
          pass. It is safe to try again. {result.recorded ? '' : RECORD_LEFT_PENDING}
        </Alert>
      );
    case 'unknown':
      return (
        <Alert severity="error" role="alert" action={dismiss}>
          <AlertTitle>TAP Desk cannot tell whether a pass was issued</AlertTitle>
          Microsoft Graph did not answer, and the user&apos;s methods could not be read back. Reload
          the page in a minute and check the Temporary Access Pass panel before issuing again.{' '}
          {result.recorded ? 'The attempt is recorded as unknown.' : RECORD_LEFT_PENDING}
        </Alert>
      );
    case 'cancelled':
      return (
        <Alert severity="info" role="status" action={dismiss}>
          <AlertTitle>Cancelled</AlertTitle>
          {result.sent
            ? 'The request had already reached Microsoft Graph, so a pass may still be created. TAP Desk watches this user and records it; if one appears, you will be told here.'
            : 'Nothing was issued.'}
        </Alert>
      );
    case 'valueLost':
      return (
        <ValueLost
          tap={result.tap}
          why={
            result.cancelled
              ? 'The answer arrived after you cancelled, so TAP Desk did not show it.'
              : 'Microsoft Graph created it, but its answer was lost on the way.'
          }
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
  const created = props.tap.createdDateTime
    ? new Date(props.tap.createdDateTime).toLocaleTimeString()
    : 'recently';
  return (
    <Alert
      severity="warning"
      role="alert"
      data-testid="value-lost"
      action={
        <Button color="inherit" size="small" onClick={props.onReplace}>
          Replace the pass
        </Button>
      }
    >
      <AlertTitle>A pass was created at {created}, but its value was never shown</AlertTitle>
      <Stack spacing={0.5}>
        <Typography variant="body2">
          {props.why} Microsoft Graph shows a pass only once, so this one cannot be handed over.
          Replace it to give the caller a pass you can read out.
        </Typography>
        <Typography variant="body2">
          {props.record
            ? `Recorded for ${props.record.IssuedByName ?? props.record.IssuedByUpn}.`
            : props.recorded
              ? 'It is recorded in the verification list.'
              : RECORD_LEFT_PENDING}
        </Typography>
      </Stack>
    </Alert>
  );
}

import { Alert, AlertTitle, Button } from '@mui/material';
import { describeError } from '../../graph/describe-error';

/** Whether the verification record reached the list; a failure never loses what was typed. */
export function RecordNotice(props: {
  state: 'idle' | 'saving' | 'saved' | 'failed';
  error: unknown;
  onRetry: (() => void) | undefined;
}) {
  if (props.state === 'idle') return null;
  if (props.state === 'saving')
    return <Alert severity="info">Saving the verification record…</Alert>;
  if (props.state === 'saved') {
    return (
      <Alert severity="success" role="status">
        Verification recorded in the TAP Desk list (method, ticket and reason; never the pass).
      </Alert>
    );
  }
  const description = describeError(props.error, {
    doing: 'save the verification record',
    needs: 'contribute access to the TAP Desk verification list (Sites.Selected)',
  });
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        props.onRetry ? (
          <Button color="inherit" onClick={props.onRetry}>
            Save again
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>The pass was issued, but the verification record was not saved</AlertTitle>
      {description.detail} {description.action} What you entered is kept until you close this view.
    </Alert>
  );
}

import { Alert } from '@mui/material';
import { ErrorState } from '../../components/error-state';
import { verificationSiteAccess } from '../../graph/verification-records';

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
  return (
    <ErrorState
      error={props.error}
      context={{
        doing: 'save the verification record',
        ...verificationSiteAccess('add'),
      }}
      title="The pass was issued, but the verification record was not saved"
      retryLabel="Save again"
      onRetry={props.onRetry}
    >
      What you entered is kept until you close this view.
    </ErrorState>
  );
}

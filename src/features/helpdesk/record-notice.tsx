import { Alert } from '@mui/material';
import { ErrorState } from '../../components/error-state';
import { verificationSiteAccessText } from '../../graph/describe-error';
import { messageRef } from '../../i18n/catalog';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';

/** Whether the verification record reached the list; a failure never loses what was typed. */
export function RecordNotice(props: {
  state: 'idle' | 'saving' | 'saved' | 'failed';
  error: unknown;
  onRetry: (() => void) | undefined;
}) {
  const { t } = useMessages(messages);
  if (props.state === 'idle') return null;
  if (props.state === 'saving') return <Alert severity="info">{t('progress.recording')}</Alert>;
  if (props.state === 'saved') {
    return (
      <Alert severity="success" role="status">
        {t('record.saved')}
      </Alert>
    );
  }
  return (
    <ErrorState
      error={props.error}
      context={{
        doing: messageRef(messages, 'doing.saveRecord'),
        ...verificationSiteAccessText('add'),
      }}
      title={t('record.failedTitle')}
      retryLabel={t('record.saveAgain')}
      onRetry={props.onRetry}
    >
      {t('record.kept')}
    </ErrorState>
  );
}

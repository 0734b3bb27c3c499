import { Button, Stack } from '@mui/material';
import { useRouteError } from 'react-router-dom';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';
import { messageRef } from '../../i18n/catalog';
import { useMessages } from '../../i18n/use-messages';
import { messages } from '../messages';

/** Whatever a page throws ends here: words, not a stack trace, and a way back. */
export function RouteErrorRoute() {
  const { t } = useMessages(messages);
  const error = useRouteError();
  return (
    <Stack spacing={2} sx={{ p: 4 }} component="main">
      <PageHeader title={t('routeErrorTitle')} />
      <ErrorState error={error} context={{ doing: messageRef(messages, 'routeErrorDoing') }} />
      <div>
        <Button variant="contained" onClick={() => window.location.reload()}>
          {t('reload')}
        </Button>
      </div>
    </Stack>
  );
}

import { Button, Stack } from '@mui/material';
import { useRouteError } from 'react-router-dom';
import { ErrorState } from '../../components/error-state';
import { PageHeader } from '../../components/page-header';

/** Whatever a page throws ends here: words, not a stack trace, and a way back. */
export function RouteErrorRoute() {
  const error = useRouteError();
  return (
    <Stack spacing={2} sx={{ p: 4 }} component="main">
      <PageHeader title="This page could not be shown" />
      <ErrorState error={error} context={{ doing: 'show this page' }} />
      <div>
        <Button variant="contained" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </Stack>
  );
}

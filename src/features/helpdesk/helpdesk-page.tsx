import { Typography } from '@mui/material';
import { PageHeader } from '../../components/page-header';

export function HelpdeskPage() {
  return (
    <>
      <PageHeader title="Helpdesk" />
      <Typography>Find a user to issue a Temporary Access Pass.</Typography>
    </>
  );
}

import { Typography } from '@mui/material';
import { PageHeader } from '../../components/page-header';

export function PilotPage() {
  return (
    <>
      <PageHeader title="Pilot progress" />
      <Typography>Pilot progress arrives with the pilot dashboard.</Typography>
    </>
  );
}

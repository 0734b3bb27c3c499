import { Typography } from '@mui/material';
import { PageHeader } from '../../components/page-header';

export function AuditPage() {
  return (
    <>
      <PageHeader title="Audit record" />
      <Typography>The issuance record arrives with the audit view.</Typography>
    </>
  );
}

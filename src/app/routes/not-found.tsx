import { Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { homePath } from '../sections';

export function NotFoundRoute() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Typography>
        There is no page at this address.{' '}
        <Link component={RouterLink} to={homePath}>
          Go to the start page
        </Link>
        .
      </Typography>
    </>
  );
}

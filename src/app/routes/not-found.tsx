import { Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n/use-messages';
import { messages } from '../messages';
import { homePath } from '../sections';

export function NotFoundRoute() {
  const { t, rich } = useMessages(messages);
  return (
    <>
      <PageHeader title={t('notFoundTitle')} />
      <Typography>
        {rich('notFoundBody', {
          link: (chunks) => (
            <Link component={RouterLink} to={homePath}>
              {chunks}
            </Link>
          ),
        })}
      </Typography>
    </>
  );
}

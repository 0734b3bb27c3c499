import { Box, Button, Container, Paper, Stack, Typography } from '@mui/material';
import { NonMicrosoftHostsNotice } from '../config/non-microsoft-hosts-notice';
import { LanguageSwitch } from '../i18n/language-switch';
import { useMessages } from '../i18n/use-messages';
import { ConsentRequired } from './consent-required';
import { messages } from './messages';
import { useConsentProblem, useSignIn } from './session';

/** What the session shows when no one is signed in: what TAP Desk is, and the way in. */
export function SignedOutPage(props: { tenantName: string }) {
  const signIn = useSignIn();
  const consent = useConsentProblem('sign-in');
  const { t } = useMessages(messages);
  return (
    <Container component="main" maxWidth="sm" sx={{ py: 10 }}>
      <Paper sx={{ p: 5 }}>
        <Stack spacing={3}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h4" component="h1">
              {t('product')}
            </Typography>
            <LanguageSwitch color="primary" />
          </Stack>
          <Typography>{t('pitch')}</Typography>
          <Typography color="text.secondary">
            {t('tenant', { tenantName: props.tenantName })}
          </Typography>
          <NonMicrosoftHostsNotice />
          {consent.problem ? (
            <ConsentRequired
              problem={consent.problem}
              onTryAgain={consent.retry}
              tryAgainLabel={t('signInAgain')}
            />
          ) : (
            <Box>
              <Button variant="contained" size="large" onClick={() => void signIn()}>
                {t('signIn')}
              </Button>
            </Box>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}

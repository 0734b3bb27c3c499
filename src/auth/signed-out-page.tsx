import { Box, Button, Container, Paper, Stack, Typography } from '@mui/material';
import { NonMicrosoftHostsNotice } from '../config/non-microsoft-hosts-notice';
import { ConsentRequired } from './consent-required';
import { useConsentProblem, useSignIn } from './session';

/** What the session shows when no one is signed in: what TAP Desk is, and the way in. */
export function SignedOutPage(props: { tenantName: string }) {
  const signIn = useSignIn();
  const consent = useConsentProblem('sign-in');
  return (
    <Container component="main" maxWidth="sm" sx={{ py: 10 }}>
      <Paper sx={{ p: 5 }}>
        <Stack spacing={3}>
          <Typography variant="h4" component="h1">
            TAP Desk
          </Typography>
          <Typography>
            Move people to passwordless sign-in with Microsoft Authenticator, without ever handing
            anyone a password. Helpdesk staff issue Temporary Access Passes, managers follow pilot
            progress, auditors read the record.
          </Typography>
          <Typography color="text.secondary">Tenant: {props.tenantName}</Typography>
          <NonMicrosoftHostsNotice />
          {consent.problem ? (
            <ConsentRequired
              problem={consent.problem}
              onTryAgain={consent.retry}
              tryAgainLabel="Sign in again"
            />
          ) : (
            <Box>
              <Button variant="contained" size="large" onClick={() => void signIn()}>
                Sign in
              </Button>
            </Box>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}

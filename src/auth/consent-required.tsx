import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n/use-messages';
import type { ConsentProblem } from './consent';
import { messages } from './messages';

const Code = (chunks: ReactNode[]) => (
  <Box component="code" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
    {chunks}
  </Box>
);

const list = (scopes: readonly string[]) => scopes.join(', ');

/**
 * Entra refused a permission no administrator consented for this person: which one, for which
 * section, and what the administrator must do. Signing in again cannot fix it, so the actions
 * are to try again once consent is granted, or to sign out.
 */
export function ConsentRequired(props: {
  problem: ConsentProblem;
  /** The section Entra refused, by its name; none when the refusal is the sign-in's. */
  section?: string;
  /** Who is signed in, when someone is. */
  username?: string;
  onTryAgain: () => void;
  tryAgainLabel?: string;
  onSignOut?: () => void;
}) {
  const { t, rich } = useMessages(messages);
  const { problem } = props;
  const where = problem.audience === 'sign-in' ? 'signIn' : props.section ? 'named' : 'unnamed';
  const values = {
    where,
    label: props.section ?? '',
    username: props.username ?? 'none',
    aadsts: problem.code === undefined ? 'none' : String(problem.code),
    perPerson: list(problem.perPerson),
    forEveryone: list(problem.forEveryone),
    command: 'npm run register-app -- --url <site> --grant-consent',
  };
  const perPerson = problem.perPerson.length > 0;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{t('consent.title', values)}</AlertTitle>
      <Stack spacing={1.5}>
        <Typography variant="body2">{t('consent.body', values)}</Typography>
        <Typography variant="body2">
          {rich(perPerson ? 'consent.perPerson' : 'consent.forEveryone', { ...values, code: Code })}
        </Typography>
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('consent.adminMust')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {perPerson ? (
              <Typography component="li" variant="body2">
                {rich('consent.grantPerPerson', { ...values, code: Code })}
              </Typography>
            ) : null}
            <Typography component="li" variant="body2">
              {rich('consent.grantAll', { ...values, also: perPerson ? 'yes' : 'no', code: Code })}
            </Typography>
          </Box>
        </Box>
        <Typography variant="body2">{t('consent.then', values)}</Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="contained" color="inherit" onClick={props.onTryAgain}>
            {props.tryAgainLabel ?? t('tryAgain')}
          </Button>
          {props.onSignOut ? (
            <Button variant="outlined" color="inherit" onClick={props.onSignOut}>
              {t('signOut')}
            </Button>
          ) : null}
        </Stack>
      </Stack>
    </Alert>
  );
}

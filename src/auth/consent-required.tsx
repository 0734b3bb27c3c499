import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import type { ConsentProblem } from './consent';

const Code = (props: { children: string }) => (
  <Box component="code" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
    {props.children}
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
  const { problem } = props;
  const label = problem.audience === 'sign-in' ? undefined : (props.section ?? 'This section');
  const section = !label ? 'Signing in' : props.section ? `The ${label} section` : label;
  const who = props.username ? ` for ${props.username}` : '';
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>
        {label
          ? `${label} needs a permission you have not been granted`
          : 'TAP Desk cannot sign you in: a permission has not been granted'}
      </AlertTitle>
      <Stack spacing={1.5}>
        <Typography variant="body2">
          {section} needs Microsoft Graph permissions that no administrator has consented to
          {who}, so Microsoft Entra will not let TAP Desk use them
          {problem.code === undefined ? '' : ` (Entra error AADSTS${problem.code})`}. Signing in
          again will not change that; an Entra administrator has to grant them.
        </Typography>
        {problem.perPerson.length > 0 ? (
          <Typography variant="body2">
            Most likely missing: <Code>{list(problem.perPerson)}</Code>. It lets {label} staff make
            changes, so it is granted to each person who needs it, never to everyone. The section
            also uses <Code>{list(problem.forEveryone)}</Code>, granted to all users.
          </Typography>
        ) : (
          <Typography variant="body2">
            Missing: <Code>{list(problem.forEveryone)}</Code>, read-only permissions granted to all
            users.
          </Typography>
        )}
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            What your Entra administrator must do
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {problem.perPerson.length > 0 ? (
              <Typography component="li" variant="body2">
                Grant <Code>{list(problem.perPerson)}</Code> to you alone: a per-person admin
                consent (an oAuth2PermissionGrant with consentType Principal), as the TAP Desk admin
                guide shows under “Consent for the write permission” (docs/admin-guide.md). Granting
                it for all users works too, but puts it in everyone’s sign-in.
              </Typography>
            ) : null}
            <Typography component="li" variant="body2">
              {problem.perPerson.length > 0 ? 'If the read permissions are missing as well, ' : ''}
              {problem.perPerson.length > 0 ? 'grant' : 'Grant'} admin consent for all users in the
              Entra admin center › Enterprise applications › TAP Desk › Permissions, or run{' '}
              <Code>npm run register-app -- --url &lt;site&gt; --grant-consent</Code>, which
              consents the read-only permissions only.
            </Typography>
          </Box>
        </Box>
        <Typography variant="body2">
          {label
            ? 'Once they have, choose Try again; you stay signed in.'
            : 'Once they have, sign in again.'}
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="contained" color="inherit" onClick={props.onTryAgain}>
            {props.tryAgainLabel ?? 'Try again'}
          </Button>
          {props.onSignOut ? (
            <Button variant="outlined" color="inherit" onClick={props.onSignOut}>
              Sign out
            </Button>
          ) : null}
        </Stack>
      </Stack>
    </Alert>
  );
}

import {
  Box,
  FormControl,
  FormControlLabel,
  FormLabel,
  Link,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import { useId } from 'react';
import type { PasswordlessGoal } from '../../graph/authentication-methods';
import { GOAL_LABELS } from './onboarding-stepper';
import { RegistrationQr } from './registration-qr';

/** Microsoft's short link to get Microsoft Authenticator: the passkey script starts there. */
export const AUTHENTICATOR_DOWNLOAD_URL = 'https://aka.ms/authapp';

/** The goal picker: a passkey in Authenticator, or phone sign-in (decision 0011). */
function GoalPicker(props: {
  goal: PasswordlessGoal;
  reason?: string;
  onChange?: (goal: PasswordlessGoal) => void;
}) {
  const labelId = useId();
  return (
    <FormControl>
      <FormLabel id={labelId}>Goal for this caller</FormLabel>
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={props.goal}
        onChange={(event) => props.onChange?.(event.target.value as PasswordlessGoal)}
      >
        <FormControlLabel
          value="passkey"
          control={<Radio />}
          label={`${GOAL_LABELS.passkey} (phishing-resistant)`}
        />
        <FormControlLabel value="phoneSignIn" control={<Radio />} label={GOAL_LABELS.phoneSignIn} />
      </RadioGroup>
      {props.reason ? (
        <Typography variant="body2" color="text.secondary">
          {props.reason}
        </Typography>
      ) : null}
    </FormControl>
  );
}

function PasskeySteps(props: { userPrincipalName: string }) {
  return (
    <Box component="ol" sx={{ pl: 2.5, '& li': { mb: 1 } }}>
      <li>
        Install <strong>Microsoft Authenticator</strong> from the App Store or Google Play (iOS 17
        or Android 14 and later).
      </li>
      <li>
        In Authenticator, tap <strong>+</strong> › <strong>Work or school account</strong> ›{' '}
        <strong>Sign in</strong>, as {props.userPrincipalName}.
      </li>
      <li>When asked, enter the Temporary Access Pass.</li>
      <li>
        <Box
          component="span"
          sx={{ bgcolor: 'warning.light', color: 'common.black', px: 0.5, fontWeight: 700 }}
        >
          When prompted, create the passkey and save it to Authenticator.
        </Box>{' '}
        The phone asks to turn Authenticator on as a passkey provider first:
        <Box component="ul" sx={{ pl: 2.5, mt: 0.5 }}>
          <li>
            <strong>iPhone:</strong> Settings › Passwords › Password Options: turn on AutoFill
            Passwords and Passkeys, and choose Authenticator.
          </li>
          <li>
            <strong>Android:</strong> Settings › Passwords &amp; accounts › Additional providers:
            turn on Authenticator (the menu names vary by phone maker).
          </li>
        </Box>
      </li>
    </Box>
  );
}

/** What the caller does with the pass, for the chosen goal, with the goal picker above it. */
export function CallerSteps(props: {
  goal: PasswordlessGoal;
  goalReason?: string;
  onGoalChange?: (goal: PasswordlessGoal) => void;
  oneTime: boolean;
  userPrincipalName: string;
  registrationUrl: string;
}) {
  return (
    <>
      {props.onGoalChange ? (
        <Box sx={{ mb: 2 }}>
          <GoalPicker goal={props.goal} reason={props.goalReason} onChange={props.onGoalChange} />
        </Box>
      ) : null}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1 }} data-testid="handover-script" data-goal={props.goal}>
          {props.goal === 'passkey' ? (
            <>
              <PasskeySteps userPrincipalName={props.userPrincipalName} />
              <Typography variant="body2">
                Finish before signing out.{' '}
                {props.oneTime
                  ? 'This pass works once: after signing in there are 10 minutes to create the passkey.'
                  : 'The pass stops working when it expires.'}
              </Typography>
            </>
          ) : (
            <>
              <Typography>
                Go to{' '}
                <Link href={props.registrationUrl} target="_blank" rel="noreferrer">
                  {props.registrationUrl.replace(/^https:\/\//, '')}
                </Link>
              </Typography>
              <Box component="ol" sx={{ pl: 2.5, '& li': { mb: 1 } }}>
                <li>
                  Sign in as {props.userPrincipalName}. When asked, enter the Temporary Access Pass.
                </li>
                <li>
                  Choose <strong>Add sign-in method</strong> › <strong>Authenticator app</strong>,
                  and follow the steps on the phone to finish setup.
                </li>
                <li>
                  <Box
                    component="span"
                    sx={{
                      bgcolor: 'warning.light',
                      color: 'common.black',
                      px: 0.5,
                      fontWeight: 700,
                    }}
                  >
                    Then, in the Authenticator app, open the work account and choose Enable phone
                    sign-in.
                  </Box>{' '}
                  This is the step people miss: without it, they still need a password.
                </li>
                <li>
                  Finish before signing out.{' '}
                  {props.oneTime
                    ? 'This pass works once: after signing in there are 10 minutes to complete setup.'
                    : 'The pass stops working when it expires.'}
                </li>
              </Box>
            </>
          )}
        </Box>
        <RegistrationQr
          url={props.goal === 'passkey' ? AUTHENTICATOR_DOWNLOAD_URL : props.registrationUrl}
        />
      </Stack>
    </>
  );
}

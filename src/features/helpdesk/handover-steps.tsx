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
import { useId, type ReactNode } from 'react';
import type { PasswordlessGoal } from '../../graph/authentication-methods';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './handover.messages';
import { RegistrationQr } from './registration-qr';

/** Microsoft's short link to get Microsoft Authenticator: the passkey script starts there. */
export const AUTHENTICATOR_DOWNLOAD_URL = 'https://aka.ms/authapp';

/** The goal picker: a passkey in Authenticator, or phone sign-in (decision 0011). */
function GoalPicker(props: {
  goal: PasswordlessGoal;
  reason?: string;
  onChange?: (goal: PasswordlessGoal) => void;
}) {
  const { t } = useMessages(messages);
  const labelId = useId();
  return (
    <FormControl>
      <FormLabel id={labelId}>{t('goal.legend')}</FormLabel>
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={props.goal}
        onChange={(event) => props.onChange?.(event.target.value as PasswordlessGoal)}
      >
        <FormControlLabel value="passkey" control={<Radio />} label={t('goal.passkeyResistant')} />
        <FormControlLabel value="phoneSignIn" control={<Radio />} label={t('goal.phoneSignIn')} />
      </RadioGroup>
      {props.reason ? (
        <Typography variant="body2" color="text.secondary">
          {props.reason}
        </Typography>
      ) : null}
    </FormControl>
  );
}

/** The step everyone misses, marked so the agent reads it with weight. */
const mark = (chunks: ReactNode[]) => (
  <Box
    component="span"
    sx={{ bgcolor: 'warning.light', color: 'common.black', px: 0.5, fontWeight: 700 }}
  >
    {chunks}
  </Box>
);
const b = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

function PasskeySteps(props: { userPrincipalName: string }) {
  const { t, rich } = useMessages(messages);
  return (
    <Box component="ol" sx={{ pl: 2.5, '& li': { mb: 1 } }}>
      <li>{rich('steps.passkey.install', { b })}</li>
      <li>{rich('steps.passkey.addAccount', { b, upn: props.userPrincipalName })}</li>
      <li>{t('steps.passkey.enterPass')}</li>
      <li>
        {rich('steps.passkey.create', { mark })}
        <Box component="ul" sx={{ pl: 2.5, mt: 0.5 }}>
          <li>{rich('steps.passkey.iphone', { b })}</li>
          <li>{rich('steps.passkey.android', { b })}</li>
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
  const { t, rich } = useMessages(messages);
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
                {t('steps.finish')} {t(props.oneTime ? 'steps.passkey.once' : 'steps.expires')}
              </Typography>
            </>
          ) : (
            <>
              <Typography>
                {rich('steps.phone.goTo', {
                  address: props.registrationUrl.replace(/^https:\/\//, ''),
                  link: (chunks: ReactNode[]) => (
                    <Link href={props.registrationUrl} target="_blank" rel="noreferrer">
                      {chunks}
                    </Link>
                  ),
                })}
              </Typography>
              <Box component="ol" sx={{ pl: 2.5, '& li': { mb: 1 } }}>
                <li>{t('steps.phone.signIn', { upn: props.userPrincipalName })}</li>
                <li>{rich('steps.phone.addMethod', { b })}</li>
                <li>{rich('steps.phone.enable', { mark })}</li>
                <li>
                  {t('steps.finish')} {t(props.oneTime ? 'steps.phone.once' : 'steps.expires')}
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

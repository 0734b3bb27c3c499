import CloseIcon from '@mui/icons-material/Close';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  Grid,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { SectionPanel } from '../../components/section-panel';
import {
  goalReached,
  type OnboardingStage,
  type PasswordlessGoal,
  type TemporaryAccessPass,
} from '../../graph/authentication-methods';
import { ALPHABETS } from './alphabets';
import { CallerSteps } from './handover-steps';
import { OnboardingStepper } from './onboarding-stepper';
import { ReadAloud } from './read-aloud';
import { PassLegend, SpelledPass } from './spelled-pass';
import { SpellingLanguagePicker } from './spelling-language-picker';
import { spellInGroups } from './spelling';
import { formatDuration, useNow } from './use-now';
import { useSpellingLanguage } from './use-spelling-language';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';

/**
 * The one holder of a pass's value. React may keep old copies of state in alternate fibers for
 * a while; they all point at this holder, so wiping it drops the value everywhere at once.
 */
export interface SecretHolder {
  value: string | null;
}

export function wipe(secret: SecretHolder): void {
  secret.value = null;
}

export interface Handover {
  /** The secret. Never cached, stored or logged; wiped when the view closes (decision 0002). */
  secret: SecretHolder;
  tap: TemporaryAccessPass;
  userName: string;
  userPrincipalName: string;
}

export function tapWindow(tap: TemporaryAccessPass): { start: Date; end: Date } {
  const start = new Date(tap.startDateTime ?? tap.createdDateTime ?? Date.now());
  return { start, end: new Date(start.getTime() + (tap.lifetimeInMinutes ?? 60) * 60_000) };
}

/**
 * The handover: the pass, spelled; copy and read aloud; the registration URL and the script;
 * live progress. The value hides itself after a while and is dropped when the view closes.
 */
export function HandoverView(props: {
  handover: Handover;
  stage: OnboardingStage;
  /** Seconds between live reads while Graph's shared limit holds them back. */
  sharedLimitSeconds?: number | null;
  hideAfterSeconds: number;
  registrationUrl: string;
  recordNotice: ReactNode;
  /** The pass was deleted or replaced elsewhere: it no longer works and is not shown. */
  superseded?: boolean;
  /** After a copy, the clipboard is emptied this long later, or sooner when the pass hides. */
  clipboardClearSeconds?: number;
  /** The end state the agent walks the caller to; phone sign-in when not given. */
  goal?: PasswordlessGoal;
  /** Why the default goal was chosen (the passkey policy), shown under the picker. */
  goalReason?: string;
  onGoalChange?: (goal: PasswordlessGoal) => void;
  /** The configured default for the caller's spelling language (a BCP 47 tag). */
  spellingLanguage?: string;
  onDeleteTap: (() => void) | null;
  onClose: () => void;
}) {
  const { handover } = props;
  const { t, intl } = useMessages(messages);
  const goal = props.goal ?? 'phoneSignIn';
  const reached = goalReached(props.stage);
  const titleId = useId();
  const now = useNow(1000);
  const { start, end } = tapWindow(handover.tap);
  const valid = now < end;
  const [shownAt, setShownAt] = useState<number | null>(() => Date.now());
  const [activeGroup, setActiveGroup] = useState<number | null>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed' | 'cleared'>('idle');
  const [readBack, setReadBack] = useState(false);
  const [spellingLanguage, setSpellingLanguage] = useSpellingLanguage(props.spellingLanguage);
  const alphabet = ALPHABETS[spellingLanguage];
  const value = handover.secret.value ?? '';
  const groups = useMemo(() => spellInGroups(value, alphabet), [value, alphabet]);

  const hideIn = shownAt === null ? 0 : shownAt + props.hideAfterSeconds * 1000 - now.getTime();
  const revealed = shownAt !== null && hideIn > 0 && valid && !props.superseded;

  // The clipboard outlives the page: empty it when the pass hides, when the view closes, and
  // after clipboardClearSeconds. Only if TAP Desk put the pass there (copiedAt is set).
  const copiedAt = useRef<number | null>(null);
  const clearClipboard = () => {
    if (copiedAt.current === null) return;
    copiedAt.current = null;
    setCopied('cleared');
    navigator.clipboard?.writeText('').catch(() => {
      // Not focused, or not allowed: nothing more the page can do.
    });
  };
  const clearAfter = (props.clipboardClearSeconds ?? 30) * 1000;
  const nowMs = now.getTime();
  useEffect(() => {
    const at = copiedAt.current;
    if (at !== null && (!revealed || nowMs - at >= clearAfter)) clearClipboard();
  });
  useEffect(() => () => clearClipboard(), []);

  // A hidden tab (switched away, screen shared elsewhere, laptop closed) hides the pass.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') setShownAt(null);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  async function copy() {
    if (!revealed) return;
    try {
      await navigator.clipboard.writeText(value);
      copiedAt.current = Date.now();
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  }

  const oneTime = handover.tap.isUsableOnce === true;
  const when = (date: Date) => intl.formatDate(date, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <Dialog open fullScreen onClose={props.onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId} sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          {t('handover.title', { name: handover.userName })}
          <Typography variant="body2" color="text.secondary">
            {handover.userPrincipalName}
          </Typography>
        </Box>
        <Button variant="outlined" startIcon={<CloseIcon />} onClick={props.onClose}>
          {t('handover.close')}
        </Button>
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={3} sx={{ maxWidth: 1200, mx: 'auto' }}>
          <Stack
            direction="row"
            spacing={1}
            sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
          >
            <Chip
              color={valid ? 'success' : 'default'}
              label={
                valid
                  ? t('handover.expiresIn', {
                      duration: formatDuration(end.getTime() - now.getTime()),
                    })
                  : t('handover.expired')
              }
            />
            <Typography variant="body2">
              {start > now
                ? t('handover.validFromUntil', { start: when(start), end: when(end) })
                : t('handover.validUntil', { end: when(end) })}
            </Typography>
            <Chip variant="outlined" label={t('handover.use', { oneTime })} />
          </Stack>
          {props.recordNotice}
          {props.superseded ? (
            <Alert severity="error" role="alert" data-testid="pass-superseded">
              <AlertTitle>{t('handover.supersededTitle')}</AlertTitle>
              {t('handover.supersededBody')}
            </Alert>
          ) : null}

          <SectionPanel
            level="h3"
            title={t('handover.thePass')}
            sx={{ '@media print': { display: 'none' } }}
          >
            <Box sx={{ mb: 2 }}>
              <SpellingLanguagePicker value={spellingLanguage} onChange={setSpellingLanguage} />
            </Box>
            {revealed ? (
              <Stack spacing={2}>
                <PassLegend />
                <SpelledPass groups={groups} lang={spellingLanguage} activeGroup={activeGroup} />
                <Typography variant="body2" color="text.secondary" role="timer">
                  {t('handover.hidesIn', { duration: formatDuration(hideIn) })}
                </Typography>
              </Stack>
            ) : (
              <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                <Typography>
                  {props.superseded
                    ? t('handover.goneHidden')
                    : valid
                      ? t('handover.hidden')
                      : t('handover.expiredHidden')}
                </Typography>
                <Button
                  startIcon={<VisibilityIcon />}
                  variant="outlined"
                  disabled={!valid || props.superseded}
                  onClick={() => setShownAt(Date.now())}
                >
                  {t('handover.reveal')}
                </Button>
              </Stack>
            )}
            <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
              <Button
                variant="contained"
                startIcon={<ContentCopyIcon />}
                onClick={() => void copy()}
                disabled={!revealed}
              >
                {t('handover.copy')}
              </Button>
              <Typography role="status" variant="body2">
                {copied === 'done'
                  ? t('handover.copied', { seconds: props.clipboardClearSeconds ?? 30 })
                  : copied === 'failed'
                    ? t('handover.copyFailed')
                    : copied === 'cleared'
                      ? t('handover.cleared')
                      : ''}
              </Typography>
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('handover.clipboardWarning')}
            </Typography>
          </SectionPanel>

          <Grid container spacing={3}>
            <Grid size={{ xs: 12, md: 6 }}>
              <SectionPanel level="h3" title={t('handover.readAloud')}>
                {revealed ? (
                  <ReadAloud groups={groups} alphabet={alphabet} onActiveGroup={setActiveGroup} />
                ) : (
                  <Typography>{t('handover.revealToRead')}</Typography>
                )}
                <Divider sx={{ my: 2 }} />
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={readBack}
                      onChange={(event) => setReadBack(event.target.checked)}
                    />
                  }
                  label={t('handover.readBack')}
                />
              </SectionPanel>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <SectionPanel level="h3" title={t('handover.callerNow')}>
                <CallerSteps
                  goal={goal}
                  goalReason={props.goalReason}
                  onGoalChange={props.onGoalChange}
                  oneTime={oneTime}
                  userPrincipalName={handover.userPrincipalName}
                  registrationUrl={props.registrationUrl}
                />
              </SectionPanel>
            </Grid>
          </Grid>

          <Paper variant="outlined" sx={{ p: 2.5 }}>
            <OnboardingStepper
              stage={props.stage}
              goal={goal}
              sharedLimitSeconds={props.sharedLimitSeconds}
            />
            {reached ? (
              <Alert severity="success" sx={{ mt: 2 }} data-testid="goal-met">
                <AlertTitle>{t('handover.reached', { goal: reached })}</AlertTitle>
                {reached !== goal ? (
                  <Typography variant="body2" sx={{ mb: 1 }}>
                    {t('handover.reachedOther', { goal: reached })}
                  </Typography>
                ) : null}
                {props.onDeleteTap ? (
                  <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                    <span>{t('handover.deleteHint')}</span>
                    <Button variant="contained" color="success" onClick={props.onDeleteTap}>
                      {t('handover.delete')}
                    </Button>
                  </Stack>
                ) : (
                  t('handover.done')
                )}
              </Alert>
            ) : (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('handover.updates', { goal })}
              </Typography>
            )}
          </Paper>
        </Stack>
      </DialogContent>
    </Dialog>
  );
}

import {
  Alert,
  AlertTitle,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  InputLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  Stack,
  Switch,
  TextField,
  Typography,
  FormLabel,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../components/error-state';
import { describeTapError } from './tap-errors';
import { messageRef, type MessageRef } from '../../i18n/catalog';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';
import { SectionPanel } from '../../components/section-panel';
import type { IssueCheck, PolicyView } from './issue-rules';

export interface IssueRequest {
  verificationMethod: string;
  ticket: string;
  reason: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** ISO date-time, or undefined for "usable now". */
  startDateTime: string | undefined;
}

type FormErrors = Partial<
  Record<
    'verificationMethod' | 'ticket' | 'reason' | 'lifetime' | 'start' | 'confirmations',
    MessageRef
  >
>;

const say = (key: keyof typeof messages.messages.en, values?: Record<string, number>) =>
  messageRef(messages, key, values);

export function validateIssueForm(
  values: {
    verificationMethod: string;
    ticket: string;
    reason: string;
    lifetime: string;
    startMode: 'now' | 'later';
    start: string;
  },
  policy: PolicyView,
  now: Date,
): FormErrors {
  const errors: FormErrors = {};
  if (!values.verificationMethod) errors.verificationMethod = say('form.needMethod');
  if (!values.ticket.trim()) errors.ticket = say('form.needTicket');
  else if (values.ticket.trim().length > 64) errors.ticket = say('form.ticketTooLong');
  if (!values.reason.trim()) errors.reason = say('form.needReason');
  else if (values.reason.trim().length > 500) errors.reason = say('form.reasonTooLong');
  const lifetime = Number(values.lifetime);
  const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max } = policy;
  if (!Number.isInteger(lifetime) || lifetime < min || lifetime > max) {
    errors.lifetime = say('form.lifetimeRange', { min, max });
  }
  if (values.startMode === 'later') {
    const start = Date.parse(values.start);
    if (Number.isNaN(start)) errors.start = say('form.needStart');
    else if (start <= now.getTime()) errors.start = say('form.startPast');
  }
  return errors;
}

/** Record how the caller was verified, then issue. Checks that stop the agent disable issuing. */
export function IssueTapForm(props: {
  userName: string;
  policy: PolicyView;
  policyUnreadable: boolean;
  checks: IssueCheck[];
  verificationMethods: string[];
  busy: boolean;
  /** What the running attempt is doing, or null. */
  status?: string | null;
  /** Graph's refusal, with what it means for the record; the form stays open to fix and retry. */
  error: unknown;
  errorNote?: string;
  /** Set when the situation changed between the agent's confirmation and the create call. */
  changed?: MessageRef | null;
  onSubmit: (request: IssueRequest) => void;
  onCancel: () => void;
}) {
  const { policy } = props;
  const { t, say: word } = useMessages(messages);
  const shown = (error: MessageRef | undefined) => (error ? word(error) : undefined);
  const [verificationMethod, setVerificationMethod] = useState('');
  const [ticket, setTicket] = useState('');
  const [reason, setReason] = useState('');
  const [lifetime, setLifetime] = useState(String(policy.defaultLifetimeInMinutes));
  const [oneTime, setOneTime] = useState(policy.isUsableOnce);
  const [startMode, setStartMode] = useState<'now' | 'later'>('now');
  const [start, setStart] = useState('');
  const [acknowledged, setAcknowledged] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<FormErrors>({});

  const stops = props.checks.filter((check) => check.severity === 'stop');
  const confirms = props.checks.filter((check) => check.severity === 'confirm');

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateIssueForm(
      { verificationMethod, ticket, reason, lifetime, startMode, start },
      policy,
      new Date(),
    );
    if (confirms.some((check) => !acknowledged[check.id])) {
      found.confirmations = say('form.confirmEach');
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || stops.length > 0) return;
    props.onSubmit({
      verificationMethod,
      ticket: ticket.trim(),
      reason: reason.trim(),
      lifetimeInMinutes: Number(lifetime),
      isUsableOnce: policy.isUsableOnce || oneTime,
      startDateTime: startMode === 'later' ? new Date(start).toISOString() : undefined,
    });
  }

  return (
    <SectionPanel title={t('form.title', { name: props.userName })} sx={{ p: 3 }}>
      <Stack spacing={2} component="form" noValidate onSubmit={submit}>
        {stops.map((check) => (
          <Alert key={check.id} severity="error" data-check={check.id}>
            <AlertTitle>{word(check.title)}</AlertTitle>
            {word(check.detail)}
          </Alert>
        ))}
        {confirms.map((check) => (
          <Alert key={check.id} severity="warning" data-check={check.id}>
            <AlertTitle>{word(check.title)}</AlertTitle>
            <Typography variant="body2">{word(check.detail)}</Typography>
            <FormControlLabel
              control={
                <Checkbox
                  checked={acknowledged[check.id] ?? false}
                  onChange={(event) =>
                    setAcknowledged((current) => ({ ...current, [check.id]: event.target.checked }))
                  }
                />
              }
              label={
                check.id === 'activeTap' ? t('form.replaceCurrent') : t('form.takenIntoAccount')
              }
            />
          </Alert>
        ))}
        {errors.confirmations ? (
          <Alert severity="error">{shown(errors.confirmations)}</Alert>
        ) : null}

        <Typography variant="subtitle1" component="h3">
          {t('form.howVerified')}
        </Typography>
        <FormControl required error={Boolean(errors.verificationMethod)}>
          <InputLabel id="verification-method-label">{t('form.method')}</InputLabel>
          <Select
            labelId="verification-method-label"
            label={t('form.method')}
            value={verificationMethod}
            onChange={(event) => setVerificationMethod(event.target.value)}
          >
            {props.verificationMethods.map((method) => (
              <MenuItem key={method} value={method}>
                {method}
              </MenuItem>
            ))}
          </Select>
          <FormHelperText>
            {shown(errors.verificationMethod) ?? t('form.methodHelp')}
          </FormHelperText>
        </FormControl>
        <TextField
          label={t('form.ticket')}
          required
          value={ticket}
          onChange={(event) => setTicket(event.target.value)}
          error={Boolean(errors.ticket)}
          helperText={shown(errors.ticket) ?? t('form.ticketHelp')}
        />
        <TextField
          label={t('form.reason')}
          required
          multiline
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={Boolean(errors.reason)}
          helperText={shown(errors.reason) ?? t('form.reasonHelp')}
        />

        <Typography variant="subtitle1" component="h3">
          {t('form.thePass')}
        </Typography>
        {props.policyUnreadable ? (
          <Alert severity="info">{t('form.policyUnreadable')}</Alert>
        ) : null}
        <TextField
          label={t('form.lifetime')}
          type="number"
          required
          value={lifetime}
          onChange={(event) => setLifetime(event.target.value)}
          error={Boolean(errors.lifetime)}
          helperText={
            shown(errors.lifetime) ??
            t('form.lifetimeHelp', {
              min: policy.minimumLifetimeInMinutes,
              max: policy.maximumLifetimeInMinutes,
              default: policy.defaultLifetimeInMinutes,
            })
          }
          slotProps={{
            htmlInput: {
              min: policy.minimumLifetimeInMinutes,
              max: policy.maximumLifetimeInMinutes,
              step: 1,
            },
          }}
        />
        <FormControlLabel
          control={
            <Switch
              checked={policy.isUsableOnce || oneTime}
              disabled={policy.isUsableOnce}
              onChange={(event) => setOneTime(event.target.checked)}
            />
          }
          label={policy.isUsableOnce ? t('form.oneTimeRequired') : t('form.oneTime')}
        />
        <FormControl>
          <FormLabel id="start-mode-label">{t('form.whenUsable')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="start-mode-label"
            value={startMode}
            onChange={(event) => setStartMode(event.target.value === 'later' ? 'later' : 'now')}
          >
            <FormControlLabel value="now" control={<Radio />} label={t('form.now')} />
            <FormControlLabel value="later" control={<Radio />} label={t('form.later')} />
          </RadioGroup>
        </FormControl>
        {startMode === 'later' ? (
          <TextField
            label={t('form.usableFrom')}
            type="datetime-local"
            value={start}
            onChange={(event) => setStart(event.target.value)}
            error={Boolean(errors.start)}
            helperText={shown(errors.start) ?? t('form.localTime')}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        ) : null}

        {props.error ? (
          <ErrorState
            error={props.error}
            describe={describeTapError}
            context={{
              doing: messageRef(messages, 'doing.issue'),
              needs: messageRef(messages, 'needs.issue'),
              lifetimeRange: [policy.minimumLifetimeInMinutes, policy.maximumLifetimeInMinutes],
            }}
          >
            {props.errorNote}
          </ErrorState>
        ) : null}
        {props.changed ? (
          <Alert severity="warning" role="alert">
            <AlertTitle>{t('form.changed')}</AlertTitle>
            {word(props.changed)}
          </Alert>
        ) : null}
        {props.status ? (
          <Alert severity="info" role="status" data-testid="issue-progress">
            {props.status}
          </Alert>
        ) : null}

        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={props.busy || stops.length > 0}>
            {props.busy ? t('form.issuing') : t('form.issue')}
          </Button>
          <Button onClick={props.onCancel}>{t('form.cancel')}</Button>
        </Stack>
      </Stack>
    </SectionPanel>
  );
}

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
import { messageRef } from '../../i18n/catalog';
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

interface FormErrors {
  verificationMethod?: string;
  ticket?: string;
  reason?: string;
  lifetime?: string;
  start?: string;
  confirmations?: string;
}

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
  if (!values.verificationMethod) errors.verificationMethod = 'Choose how you verified the caller.';
  if (!values.ticket.trim()) errors.ticket = 'Enter the ticket reference.';
  else if (values.ticket.trim().length > 64)
    errors.ticket = 'Keep the ticket reference under 64 characters.';
  if (!values.reason.trim()) errors.reason = 'Say why the caller needs a pass.';
  else if (values.reason.trim().length > 500)
    errors.reason = 'Keep the reason under 500 characters.';
  const lifetime = Number(values.lifetime);
  const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max } = policy;
  if (!Number.isInteger(lifetime) || lifetime < min || lifetime > max) {
    errors.lifetime = `Enter whole minutes from ${min} to ${max} (the tenant's policy).`;
  }
  if (values.startMode === 'later') {
    const start = Date.parse(values.start);
    if (Number.isNaN(start)) errors.start = 'Choose when the pass becomes usable.';
    else if (start <= now.getTime()) errors.start = 'Choose a time in the future, or "Usable now".';
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
  changed?: string | null;
  onSubmit: (request: IssueRequest) => void;
  onCancel: () => void;
}) {
  const { policy } = props;
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
      found.confirmations = 'Confirm each warning above before issuing.';
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
    <SectionPanel title={`Issue a Temporary Access Pass to ${props.userName}`} sx={{ p: 3 }}>
      <Stack spacing={2} component="form" noValidate onSubmit={submit}>
        {stops.map((check) => (
          <Alert key={check.id} severity="error" data-check={check.id}>
            <AlertTitle>{check.title}</AlertTitle>
            {check.detail}
          </Alert>
        ))}
        {confirms.map((check) => (
          <Alert key={check.id} severity="warning" data-check={check.id}>
            <AlertTitle>{check.title}</AlertTitle>
            <Typography variant="body2">{check.detail}</Typography>
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
                check.id === 'activeTap'
                  ? 'Replace the current pass'
                  : 'I have taken this into account'
              }
            />
          </Alert>
        ))}
        {errors.confirmations ? <Alert severity="error">{errors.confirmations}</Alert> : null}

        <Typography variant="subtitle1" component="h3">
          How you verified the caller
        </Typography>
        <FormControl required error={Boolean(errors.verificationMethod)}>
          <InputLabel id="verification-method-label">Verification method</InputLabel>
          <Select
            labelId="verification-method-label"
            label="Verification method"
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
            {errors.verificationMethod ??
              'Recorded in the verification log, with the ticket and reason.'}
          </FormHelperText>
        </FormControl>
        <TextField
          label="Ticket reference"
          required
          value={ticket}
          onChange={(event) => setTicket(event.target.value)}
          error={Boolean(errors.ticket)}
          helperText={errors.ticket ?? 'For example INC0012345.'}
        />
        <TextField
          label="Reason"
          required
          multiline
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={Boolean(errors.reason)}
          helperText={errors.reason ?? 'For example: new phone, first sign-in, lost device.'}
        />

        <Typography variant="subtitle1" component="h3">
          The pass
        </Typography>
        {props.policyUnreadable ? (
          <Alert severity="info">
            Your role cannot read the tenant&apos;s TAP policy (that needs Global Reader or
            Authentication Policy Administrator), so these bounds come from TAP Desk&apos;s
            configuration. Graph still enforces the real policy.
          </Alert>
        ) : null}
        <TextField
          label="Lifetime in minutes"
          type="number"
          required
          value={lifetime}
          onChange={(event) => setLifetime(event.target.value)}
          error={Boolean(errors.lifetime)}
          helperText={
            errors.lifetime ??
            `From ${policy.minimumLifetimeInMinutes} to ${policy.maximumLifetimeInMinutes} minutes; the policy's default is ${policy.defaultLifetimeInMinutes}.`
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
          label={
            policy.isUsableOnce
              ? 'One-time use (the tenant policy requires it)'
              : 'One-time use (the user then has 10 minutes after signing in to finish)'
          }
        />
        <FormControl>
          <FormLabel id="start-mode-label">When the pass becomes usable</FormLabel>
          <RadioGroup
            row
            aria-labelledby="start-mode-label"
            value={startMode}
            onChange={(event) => setStartMode(event.target.value === 'later' ? 'later' : 'now')}
          >
            <FormControlLabel value="now" control={<Radio />} label="Usable now" />
            <FormControlLabel value="later" control={<Radio />} label="Later" />
          </RadioGroup>
        </FormControl>
        {startMode === 'later' ? (
          <TextField
            label="Usable from"
            type="datetime-local"
            value={start}
            onChange={(event) => setStart(event.target.value)}
            error={Boolean(errors.start)}
            helperText={errors.start ?? 'Your local time.'}
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
            <AlertTitle>Nothing was issued: something changed</AlertTitle>
            {props.changed}
          </Alert>
        ) : null}
        {props.status ? (
          <Alert severity="info" role="status" data-testid="issue-progress">
            {props.status}
          </Alert>
        ) : null}

        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={props.busy || stops.length > 0}>
            {props.busy ? 'Issuing…' : 'Issue pass'}
          </Button>
          <Button onClick={props.onCancel}>Cancel</Button>
        </Stack>
      </Stack>
    </SectionPanel>
  );
}

import { Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';
import { messageRef } from '../../i18n/catalog';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';

/** Deleting a pass asks why, and that reason goes into the `revoked` record before Graph is asked. */
export function RevokeDialog(props: {
  open: boolean;
  userName: string;
  defaultReason: string;
  busy: boolean;
  error: unknown;
  onConfirm: (input: { reason: string; ticket: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useMessages(messages);
  const [reason, setReason] = useState(props.defaultReason);
  const [ticket, setTicket] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ConfirmDialog
      open={props.open}
      title={t('revoke.title')}
      confirmLabel={t('revoke.confirm')}
      destructive
      busy={props.busy}
      onCancel={props.onCancel}
      onConfirm={() => {
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        props.onConfirm({ reason: reason.trim(), ticket: ticket.trim() });
      }}
    >
      <Stack spacing={2}>
        <span>{t('revoke.body', { name: props.userName })}</span>
        <TextField
          label={t('revoke.reason')}
          required
          multiline
          minRows={2}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          error={missing}
          helperText={t(missing ? 'revoke.reasonMissing' : 'revoke.reasonExample')}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <TextField
          label={t('revoke.ticket')}
          value={ticket}
          onChange={(event) => setTicket(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 64 } }}
        />
        {props.error ? (
          <ErrorState
            error={props.error}
            context={{
              doing: messageRef(messages, 'doing.revoke'),
              needs: messageRef(messages, 'needs.revoke'),
            }}
          />
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}

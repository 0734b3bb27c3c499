import { Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorState } from '../../components/error-state';

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
  const [reason, setReason] = useState(props.defaultReason);
  const [ticket, setTicket] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ConfirmDialog
      open={props.open}
      title="Delete this Temporary Access Pass?"
      confirmLabel="Delete pass"
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
        <span>
          {props.userName} will no longer be able to sign in with it. This cannot be undone; you can
          issue a new pass afterwards. The deletion is recorded with your reason.
        </span>
        <TextField
          label="Reason"
          required
          multiline
          minRows={2}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          error={missing}
          helperText={
            missing ? 'Say why the pass is deleted.' : 'For example: caller finished setup.'
          }
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <TextField
          label="Ticket reference (optional)"
          value={ticket}
          onChange={(event) => setTicket(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 64 } }}
        />
        {props.error ? (
          <ErrorState
            error={props.error}
            context={{
              doing: 'delete the pass',
              needs:
                'the Authentication Administrator role and the UserAuthMethod-TAP.ReadWrite.All permission',
            }}
          />
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}

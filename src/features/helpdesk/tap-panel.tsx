import {
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import type { TemporaryAccessPass } from '../../graph/authentication-methods';
import { Loading } from '../../components/loading';
import { SectionPanel } from '../../components/section-panel';
import { isActive } from './issue-rules';
import { tapWindow } from './handover-view';

const USABILITY: Record<string, string> = {
  EnabledByPolicy: 'Usable',
  DisabledByPolicy: 'Blocked: the TAP policy no longer allows it',
  Expired: 'Expired',
  NotYetValid: 'Not valid yet',
  OneTimeUsed: 'Used (one-time pass)',
};

export function usabilityText(tap: TemporaryAccessPass): string {
  return USABILITY[tap.methodUsabilityReason ?? ''] ?? (tap.isUsable ? 'Usable' : 'Not usable');
}

export function TapPanel(props: {
  taps: TemporaryAccessPass[] | undefined;
  loading: boolean;
  onRevoke: (tap: TemporaryAccessPass) => void;
}) {
  const tap = props.taps?.[0];
  return (
    <SectionPanel title="Temporary Access Pass" sx={{ height: '100%' }}>
      {props.loading ? (
        <Loading />
      ) : !tap ? (
        <Typography color="text.secondary">
          No pass has been issued, or the last one was deleted.
        </Typography>
      ) : (
        <Stack spacing={2}>
          <Stack direction="row" spacing={1}>
            <Chip
              color={tap.isUsable ? 'success' : 'default'}
              label={usabilityText(tap)}
              data-testid="tap-usability"
            />
            <Chip variant="outlined" label={tap.isUsableOnce ? 'One-time' : 'Multi-use'} />
          </Stack>
          <Table size="small" aria-label="Pass details">
            <TableBody>
              <TableRow>
                <TableCell component="th" scope="row">
                  Created
                </TableCell>
                <TableCell>
                  {tap.createdDateTime ? new Date(tap.createdDateTime).toLocaleString() : '—'}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">
                  Usable from
                </TableCell>
                <TableCell>{tapWindow(tap).start.toLocaleString()}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">
                  Expires
                </TableCell>
                <TableCell>
                  {tapWindow(tap).end.toLocaleString()} ({tap.lifetimeInMinutes} minutes)
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="body2" color="text.secondary">
            Graph never shows a pass again after it is issued.
          </Typography>
          <div>
            <Button color="error" variant="outlined" onClick={() => props.onRevoke(tap)}>
              {isActive(tap) ? 'Revoke pass' : 'Delete pass'}
            </Button>
          </div>
        </Stack>
      )}
    </SectionPanel>
  );
}

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
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';

/** Graph's documented reasons; any other (a new one) falls back to isUsable. */
const REASONS = ['EnabledByPolicy', 'DisabledByPolicy', 'Expired', 'NotYetValid', 'OneTimeUsed'];

function usability(tap: TemporaryAccessPass): string {
  const reason = tap.methodUsabilityReason ?? '';
  return REASONS.includes(reason) ? reason : tap.isUsable ? 'usable' : 'unusable';
}

export function TapPanel(props: {
  taps: TemporaryAccessPass[] | undefined;
  loading: boolean;
  onRevoke: (tap: TemporaryAccessPass) => void;
}) {
  const { t, intl } = useMessages(messages);
  const tap = props.taps?.[0];
  const when = (date: Date | string) =>
    intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <SectionPanel title={t('tap.title')} sx={{ height: '100%' }}>
      {props.loading ? (
        <Loading />
      ) : !tap ? (
        <Typography color="text.secondary">{t('tap.none')}</Typography>
      ) : (
        <Stack spacing={2}>
          <Stack direction="row" spacing={1}>
            <Chip
              color={tap.isUsable ? 'success' : 'default'}
              label={t('tap.usability', {
                reason: usability(tap),
              })}
              data-testid="tap-usability"
            />
            <Chip
              variant="outlined"
              label={t('tap.kind', { oneTime: tap.isUsableOnce === true })}
            />
          </Stack>
          <Table size="small" aria-label={t('tap.details')}>
            <TableBody>
              <TableRow>
                <TableCell component="th" scope="row">
                  {t('tap.created')}
                </TableCell>
                <TableCell>
                  {tap.createdDateTime ? when(tap.createdDateTime) : t('tap.noDate')}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">
                  {t('tap.usableFrom')}
                </TableCell>
                <TableCell>{when(tapWindow(tap).start)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">
                  {t('tap.expires')}
                </TableCell>
                <TableCell>
                  {t('tap.expiresAt', {
                    end: when(tapWindow(tap).end),
                    minutes: tap.lifetimeInMinutes ?? 0,
                  })}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="body2" color="text.secondary">
            {t('tap.neverAgain')}
          </Typography>
          <div>
            <Button color="error" variant="outlined" onClick={() => props.onRevoke(tap)}>
              {t('tap.remove', { active: isActive(tap) })}
            </Button>
          </div>
        </Stack>
      )}
    </SectionPanel>
  );
}

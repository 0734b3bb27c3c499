import { Alert, AlertTitle, Button } from '@mui/material';
import { secondsAtLimit, type RequestBudget } from '../../graph/request-budget';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './unchecked-passes.messages';
import { usePilotMessages } from './use-pilot-messages';

/**
 * Says how many one-time passes the load left unread (loader.ts PASS_READS_UNASKED) and what
 * reading them would cost, and reads them when the manager asks.
 */
export function UncheckedPasses(props: {
  count: number;
  maxPassLifetimeMinutes: number;
  budget: Pick<RequestBudget, 'requests' | 'windowSeconds'>;
  checking: boolean;
  onCheck: () => void;
}) {
  const { t } = useMessages(messages);
  const { stageLabel } = usePilotMessages();
  const { count, budget } = props;
  const minutes = Math.max(1, Math.round(secondsAtLimit(count, budget) / 60));
  return (
    <Alert
      severity="info"
      action={
        <Button color="inherit" size="small" disabled={props.checking} onClick={props.onCheck}>
          {props.checking ? t('checking') : t('check')}
        </Button>
      }
    >
      <AlertTitle>{t('title', { count })}</AlertTitle>
      {t('body', {
        hours: Math.round(props.maxPassLifetimeMinutes / 60),
        minutes,
        issued: stageLabel('tapIssued'),
        used: stageLabel('tapUsed'),
      })}
    </Alert>
  );
}

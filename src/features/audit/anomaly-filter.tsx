import {
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useId } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { ANOMALIES, type Anomaly } from './audit-row';
import { messages } from './messages';

/** One choice per anomaly, each with its count, so the auditor sees at once what needs a look. */
export function AnomalyFilter(props: {
  value: Anomaly | undefined;
  counts: Record<Anomaly, number>;
  total: number;
  /** Anomalies that could not be checked, with the reason shown beside them. */
  unavailable?: Partial<Record<Anomaly, string>>;
  onChange: (anomaly: Anomaly | undefined) => void;
}) {
  const labelId = useId();
  const { t } = useMessages(messages);
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend" id={labelId}>
        {t('anomalies.show')}
      </FormLabel>
      <RadioGroup
        aria-labelledby={labelId}
        value={props.value ?? 'all'}
        onChange={(event) =>
          props.onChange(event.target.value === 'all' ? undefined : (event.target.value as Anomaly))
        }
      >
        <FormControlLabel
          value="all"
          control={<Radio />}
          label={t('anomalies.every', { total: props.total })}
        />
        {ANOMALIES.map((anomaly) => {
          const reason = props.unavailable?.[anomaly];
          return (
            <FormControlLabel
              key={anomaly}
              value={anomaly}
              control={<Radio />}
              disabled={Boolean(reason)}
              label={
                <span>
                  {reason
                    ? t('anomalies.notChecked', { label: t(`anomaly.${anomaly}`) })
                    : t('anomalies.choice', {
                        label: t(`anomaly.${anomaly}`),
                        count: props.counts[anomaly],
                      })}
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    component="span"
                    sx={{ display: 'block' }}
                  >
                    {reason ?? t(`anomaly.${anomaly}.about`)}
                  </Typography>
                </span>
              }
            />
          );
        })}
      </RadioGroup>
    </FormControl>
  );
}

import {
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useId } from 'react';
import { ANOMALY_LABELS } from './labels';
import { ANOMALIES, type Anomaly } from './audit-row';

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
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend" id={labelId}>
        Show
      </FormLabel>
      <RadioGroup
        aria-labelledby={labelId}
        value={props.value ?? 'all'}
        onChange={(event) =>
          props.onChange(event.target.value === 'all' ? undefined : (event.target.value as Anomaly))
        }
      >
        <FormControlLabel value="all" control={<Radio />} label={`Every row (${props.total})`} />
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
                  {ANOMALY_LABELS[anomaly].label} ({reason ? 'not checked' : props.counts[anomaly]})
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    component="span"
                    sx={{ display: 'block' }}
                  >
                    {reason ?? ANOMALY_LABELS[anomaly].description}
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

import { Button, Stack, TextField, Typography } from '@mui/material';
import { STALLED_REASONS, type StallRules, type StalledReason } from './stages';
import { usePilotMessages } from './use-pilot-messages';

/** Who to chase: each reason filters the member table, which exports to CSV. */
export function StalledSummary(props: {
  counts: Record<StalledReason, number>;
  rules: StallRules;
  selected: StalledReason | null;
  onSelect: (reason: StalledReason | null) => void;
  onRulesChange: (rules: Partial<StallRules>) => void;
}) {
  const { t, intl, stalledLabel } = usePilotMessages();
  const explain = (reason: StalledReason) =>
    t(`explain.${reason}`, {
      hours: props.rules.stalledAfterHours,
      days: props.rules.noTapAfterDays,
    });
  const number = (value: string) => {
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
  };
  return (
    <Stack spacing={2}>
      <Stack component="ul" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {STALLED_REASONS.map((reason) => (
          <li key={reason}>
            <Button
              fullWidth
              variant={props.selected === reason ? 'contained' : 'outlined'}
              // Red, not orange: MUI's warning orange is below 4.5:1 on white.
              color="error"
              aria-pressed={props.selected === reason}
              onClick={() => props.onSelect(props.selected === reason ? null : reason)}
              sx={{ justifyContent: 'space-between', textTransform: 'none', textAlign: 'left' }}
            >
              <span>
                <strong>{stalledLabel(reason)}</strong>
                <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                  {explain(reason)}
                </Typography>
              </span>
              <Typography
                component="span"
                sx={{ fontWeight: 700, ml: 2 }}
                data-testid={`stalled-count-${reason}`}
              >
                {intl.formatNumber(props.counts[reason])}
              </Typography>
            </Button>
          </li>
        ))}
      </Stack>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField
          label={t('stalledAfter')}
          type="number"
          size="small"
          sx={{ width: 180 }}
          defaultValue={props.rules.stalledAfterHours}
          slotProps={{ htmlInput: { min: 1, max: 2160 } }}
          onChange={(event) => {
            const hours = number(event.target.value);
            if (hours) props.onRulesChange({ stalledAfterHours: hours });
          }}
        />
        <TextField
          label={t('noPassAfter')}
          type="number"
          size="small"
          sx={{ width: 180 }}
          defaultValue={props.rules.noTapAfterDays}
          slotProps={{ htmlInput: { min: 1, max: 365 } }}
          onChange={(event) => {
            const days = number(event.target.value);
            if (days) props.onRulesChange({ noTapAfterDays: days });
          }}
        />
      </Stack>
    </Stack>
  );
}

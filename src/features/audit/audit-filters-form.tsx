import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { ACTIVITIES, parseDay, type ActivityFilter, type AuditFilters } from './filters';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';

/** An empty helper line, so the form does not jump when an error appears. */
const KEEP_LINE = ' ';

/**
 * Range and activity go to Graph, so they apply on "Show" rather than on every keystroke: the
 * audit log allows five requests per ten seconds.
 */
export function AuditFiltersForm(props: {
  filters: AuditFilters;
  onApply: (filters: Pick<AuditFilters, 'from' | 'to' | 'activity'>) => void;
}) {
  const [from, setFrom] = useState(props.filters.from);
  const [to, setTo] = useState(props.filters.to);
  const [activity, setActivity] = useState<ActivityFilter>(props.filters.activity);
  const { t } = useMessages(messages);
  const [error, setError] = useState<'filters.bothDates' | 'filters.order' | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!parseDay(from) || !parseDay(to)) return setError('filters.bothDates');
    if (from > to) return setError('filters.order');
    setError(null);
    props.onApply({ from, to, activity });
  }

  return (
    <Stack
      component="form"
      aria-label={t('filters.label')}
      // A row above the record on narrower screens, a column in the sidebar beside it from lg up.
      direction={{ xs: 'column', md: 'row', lg: 'column' }}
      spacing={2}
      onSubmit={submit}
      noValidate
      sx={{ alignItems: { md: 'flex-start', lg: 'stretch' } }}
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label={t('filters.from')}
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          error={Boolean(error)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={t('filters.to')}
          type="date"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          error={Boolean(error)}
          helperText={error ? t(error) : KEEP_LINE}
          slotProps={{
            inputLabel: { shrink: true },
            formHelperText: { role: error ? 'alert' : undefined },
          }}
        />
      </Stack>
      <TextField
        select
        label={t('filters.activity')}
        value={activity}
        onChange={(event) => setActivity(event.target.value as ActivityFilter)}
        sx={{ minWidth: 240 }}
      >
        {ACTIVITIES.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`activity.${value}`)}
          </MenuItem>
        ))}
      </TextField>
      <Button type="submit" variant="contained" sx={{ mt: { md: 1 } }}>
        {t('filters.show')}
      </Button>
    </Stack>
  );
}

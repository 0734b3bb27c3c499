import { useState } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { TrendDay } from './stages';
import { usePilotMessages } from './use-pilot-messages';

const SERIES = ['registrations', 'completions', 'passkeys'] as const;

/**
 * Authenticator registrations, phone sign-in completions and passkeys per day, from the audit
 * log. Daily counts are bars on an axis from zero: a curve through them would show values
 * between days that never happened. The same figures are one click away as a table.
 */
export function TrendChart(props: { days: TrendDay[] }) {
  const [asTable, setAsTable] = useState(false);
  const { t, intl } = usePilotMessages();
  const total = (key: (typeof SERIES)[number]) =>
    props.days.reduce((sum, day) => sum + day[key], 0);
  const first = props.days[0]?.day;
  const last = props.days.at(-1)?.day;
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {first && last
          ? t('trend.summary', {
              first,
              last,
              registrations: total('registrations'),
              completions: total('completions'),
              passkeys: total('passkeys'),
            })
          : t('trend.none')}
      </Typography>
      {props.days.length ? (
        <Button size="small" onClick={() => setAsTable(!asTable)} aria-expanded={asTable}>
          {asTable ? t('trend.asChart') : t('trend.asTable')}
        </Button>
      ) : null}
      {asTable ? (
        <TableContainer>
          <Table size="small" stickyHeader aria-label={t('trend.table')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('trend.day')}</TableCell>
                {SERIES.map((series) => (
                  <TableCell key={series} align="right">
                    {t(`series.${series}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {props.days.map((day) => (
                <TableRow key={day.day}>
                  <TableCell>{day.day}</TableCell>
                  {SERIES.map((series) => (
                    <TableCell key={series} align="right">
                      {intl.formatNumber(day[series])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : (
        // The sentence above and the table say what the chart shows.
        <div aria-hidden data-testid="trend-chart">
          <BarChart
            disableKeyboardNavigation
            skipAnimation
            height={260}
            xAxis={[{ scaleType: 'band', data: props.days.map((day) => day.day.slice(5)) }]}
            yAxis={[{ min: 0, tickMinStep: 1 }]}
            series={SERIES.map((series) => ({
              label: t(`series.${series}`),
              data: props.days.map((day) => day[series]),
            }))}
          />
        </div>
      )}
    </>
  );
}

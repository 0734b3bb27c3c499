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

const SERIES = [
  { key: 'registrations', label: 'Authenticator registered' },
  { key: 'completions', label: 'Phone sign-in enabled' },
  { key: 'passkeys', label: 'Passkey registered' },
] as const;

/**
 * Authenticator registrations, phone sign-in completions and passkeys per day, from the audit
 * log. Daily counts are bars on an axis from zero: a curve through them would show values
 * between days that never happened. The same figures are one click away as a table.
 */
export function TrendChart(props: { days: TrendDay[] }) {
  const [asTable, setAsTable] = useState(false);
  const total = (key: (typeof SERIES)[number]['key']) =>
    props.days.reduce((sum, day) => sum + day[key], 0);
  const first = props.days[0]?.day;
  const last = props.days.at(-1)?.day;
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {first && last
          ? `From ${first} to ${last}: ${total('registrations').toLocaleString()} Authenticator registrations and ${total('completions').toLocaleString()} phone sign-in completions and ${total('passkeys').toLocaleString()} passkey registrations among current members. Earlier days are past the audit log's retention.`
          : 'No registrations in the audit window yet.'}
      </Typography>
      {props.days.length ? (
        <Button size="small" onClick={() => setAsTable(!asTable)} aria-expanded={asTable}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      ) : null}
      {asTable ? (
        <TableContainer>
          <Table size="small" stickyHeader aria-label="Registrations per day">
            <TableHead>
              <TableRow>
                <TableCell>Day</TableCell>
                {SERIES.map((series) => (
                  <TableCell key={series.key} align="right">
                    {series.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {props.days.map((day) => (
                <TableRow key={day.day}>
                  <TableCell>{day.day}</TableCell>
                  {SERIES.map((series) => (
                    <TableCell key={series.key} align="right">
                      {day[series.key].toLocaleString()}
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
              label: series.label,
              data: props.days.map((day) => day[series.key]),
            }))}
          />
        </div>
      )}
    </>
  );
}

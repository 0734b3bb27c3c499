import { Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import type { TrendDay } from './stages';

/** Authenticator registrations, phone sign-in completions and passkeys per day, from the audit log. */
export function TrendChart(props: { days: TrendDay[] }) {
  const registrations = props.days.reduce((sum, day) => sum + day.registrations, 0);
  const completions = props.days.reduce((sum, day) => sum + day.completions, 0);
  const passkeys = props.days.reduce((sum, day) => sum + day.passkeys, 0);
  const first = props.days[0]?.day;
  const last = props.days.at(-1)?.day;
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {first && last
          ? `From ${first} to ${last}: ${registrations.toLocaleString()} Authenticator registrations and ${completions.toLocaleString()} phone sign-in completions and ${passkeys.toLocaleString()} passkey registrations among current members. Earlier days are past the audit log's retention.`
          : 'No registrations in the audit window yet.'}
      </Typography>
      {/* The sentence above says what the chart shows. */}
      <div aria-hidden>
        <LineChart
          disableKeyboardNavigation
          height={260}
          xAxis={[{ scaleType: 'point', data: props.days.map((day) => day.day.slice(5)) }]}
          series={[
            {
              label: 'Authenticator registered',
              data: props.days.map((day) => day.registrations),
              showMark: false,
            },
            {
              label: 'Phone sign-in enabled',
              data: props.days.map((day) => day.completions),
              showMark: false,
            },
            {
              label: 'Passkey registered',
              data: props.days.map((day) => day.passkeys),
              showMark: false,
            },
          ]}
        />
      </div>
    </>
  );
}

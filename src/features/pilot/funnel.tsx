import { Box, Button, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { FunnelStep, Stage } from './stages';
import { usePilotMessages } from './use-pilot-messages';

/**
 * The funnel twice over: a chart for the eye, and a list of buttons that keyboard and screen
 * reader users can operate. Both select a stage, which filters the member table.
 */
export function Funnel(props: {
  steps: FunnelStep[];
  selected: Stage | null;
  onSelect: (stage: Stage | null) => void;
}) {
  const { t, stageLabel } = usePilotMessages();
  const countText = (step: FunnelStep) =>
    t('funnelCount', { count: step.count, percent: step.percent });
  const toggle = (stage: Stage) => props.onSelect(props.selected === stage ? null : stage);
  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
      {/* The buttons carry the same figures for keyboard and screen reader users. */}
      <Box sx={{ flex: 1, minWidth: 0 }} aria-hidden>
        <BarChart
          disableKeyboardNavigation
          height={260}
          layout="horizontal"
          margin={{ right: 24 }}
          yAxis={[
            {
              scaleType: 'band',
              data: props.steps.map((step) => stageLabel(step.stage)),
              width: 170,
            },
          ]}
          xAxis={[{ min: 0, max: Math.max(1, props.steps[0]?.count ?? 1) }]}
          series={[
            {
              data: props.steps.map((step) => step.count),
              valueFormatter: (_, { dataIndex }) => {
                const step = props.steps[dataIndex];
                return step ? countText(step) : null;
              },
            },
          ]}
          hideLegend
          onItemClick={(_, item) => {
            const step = props.steps[item.dataIndex];
            if (step) toggle(step.stage);
          }}
        />
      </Box>
      <Stack component="ol" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none', minWidth: 300 }}>
        {props.steps.map((step) => (
          <li key={step.stage}>
            <Button
              fullWidth
              variant={props.selected === step.stage ? 'contained' : 'outlined'}
              aria-pressed={props.selected === step.stage}
              onClick={() => toggle(step.stage)}
              sx={{
                justifyContent: 'space-between',
                gap: 2,
                textTransform: 'none',
                textAlign: 'left',
              }}
              data-stage={step.stage}
            >
              <span>{stageLabel(step.stage)}</span>
              <Typography
                component="span"
                variant="body2"
                sx={{ fontWeight: 600 }}
                data-testid={`funnel-count-${step.stage}`}
              >
                {countText(step)}
              </Typography>
            </Button>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

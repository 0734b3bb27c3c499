import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      sx={{ mb: 3, justifyContent: 'space-between', alignItems: { sm: 'flex-end' } }}
    >
      <div>
        <Typography variant="h4" component="h1">
          {props.title}
        </Typography>
        {props.subtitle ? (
          <Typography variant="body1" color="text.secondary">
            {props.subtitle}
          </Typography>
        ) : null}
      </div>
      {props.actions}
    </Stack>
  );
}

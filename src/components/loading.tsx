import { Box, CircularProgress, Typography } from '@mui/material';

export function Loading(props: { label?: string }) {
  const label = props.label ?? 'Loading…';
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 4 }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{label}</Typography>
    </Box>
  );
}

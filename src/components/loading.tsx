import { Box, CircularProgress, Typography } from '@mui/material';
import { useMessages } from '../i18n/use-messages';
import { messages } from './messages';

export function Loading(props: { label?: string }) {
  const { t } = useMessages(messages);
  const label = props.label ?? t('loading');
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 4 }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{label}</Typography>
    </Box>
  );
}

import { Paper, Typography, type SxProps, type Theme } from '@mui/material';
import { useId, type ReactNode } from 'react';

/** An outlined section with its own heading, which names the section for screen readers. */
export function SectionPanel(props: {
  title: ReactNode;
  /** The heading's level in the page's outline. */
  level?: 'h2' | 'h3';
  sx?: SxProps<Theme>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={id}
      sx={[{ p: 2.5 }, ...(Array.isArray(props.sx) ? props.sx : [props.sx])]}
    >
      <Typography id={id} variant="h6" component={props.level ?? 'h2'} gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

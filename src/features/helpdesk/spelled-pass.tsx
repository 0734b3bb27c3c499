import { Box, Stack, Typography } from '@mui/material';
import { KIND_LABELS, type CharKind, type SpelledChar } from './spelling';

/** Colour is a second cue only: every character also carries a kind marker and its spoken form. */
const KIND_STYLE: Record<CharKind, { color: string; marker: string }> = {
  upper: { color: '#0b4f9c', marker: 'A' },
  lower: { color: '#1b6b2f', marker: 'a' },
  digit: { color: '#8a3b00', marker: '1' },
  symbol: { color: '#7a1f7a', marker: '#' },
};

export function PassLegend() {
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} aria-label="Legend">
      {(Object.keys(KIND_STYLE) as CharKind[]).map((kind) => (
        <Typography key={kind} variant="body2" sx={{ color: KIND_STYLE[kind].color }}>
          <Box
            component="span"
            sx={{ fontFamily: 'monospace', fontWeight: 700, border: 1, px: 0.5, mr: 0.5 }}
          >
            {KIND_STYLE[kind].marker}
          </Box>
          {KIND_LABELS[kind]}
        </Typography>
      ))}
    </Stack>
  );
}

export function SpelledPass(props: { groups: SpelledChar[][]; activeGroup: number | null }) {
  return (
    <Stack
      direction="row"
      sx={{ flexWrap: 'wrap', gap: 2 }}
      component="ol"
      aria-label="The pass, in groups of four"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {props.groups.map((group, groupIndex) => (
        <Box
          component="li"
          key={groupIndex}
          aria-label={`Group ${groupIndex + 1} of ${props.groups.length}`}
          sx={{
            border: 2,
            borderColor: props.activeGroup === groupIndex ? 'primary.main' : 'divider',
            borderRadius: 2,
            p: 1.5,
            bgcolor: 'background.paper',
          }}
        >
          <Typography variant="caption" component="p" sx={{ mb: 1 }} aria-hidden>
            Group {groupIndex + 1}
          </Typography>
          <Stack
            direction="row"
            spacing={1.5}
            component="ol"
            sx={{ listStyle: 'none', m: 0, p: 0 }}
          >
            {group.map((spelled, charIndex) => (
              <Box
                component="li"
                key={charIndex}
                sx={{ textAlign: 'center', minWidth: 72 }}
                data-testid="pass-char"
              >
                <Typography
                  component="span"
                  sx={{
                    display: 'block',
                    fontFamily: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace',
                    fontSize: '2.75rem',
                    lineHeight: 1.1,
                    fontWeight: 700,
                    color: KIND_STYLE[spelled.kind].color,
                  }}
                  data-testid="pass-char-value"
                >
                  {spelled.char}
                </Typography>
                <Typography
                  component="span"
                  variant="caption"
                  sx={{ display: 'block', color: KIND_STYLE[spelled.kind].color }}
                >
                  <Box
                    component="span"
                    aria-hidden
                    sx={{ fontFamily: 'monospace', border: 1, px: 0.5, mr: 0.5 }}
                  >
                    {KIND_STYLE[spelled.kind].marker}
                  </Box>
                  <span data-testid="pass-char-spoken">{spelled.spoken}</span>
                </Typography>
              </Box>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

import { Box, Stack, Typography } from '@mui/material';
import type { Theme } from '@mui/material/styles';
import type { SpellingLanguage } from './alphabets';
import type { CharKind, SpelledChar } from './spelling';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';

/**
 * Colour is a second cue only: every character also carries a kind marker and its spoken form.
 * Each colour keeps at least 7:1 against the paper of its scheme (src/app/theme.test.ts).
 */
export const KIND_STYLE: Record<CharKind, { light: string; dark: string; marker: string }> = {
  upper: { light: '#0b4f9c', dark: '#8ab4f8', marker: 'A' },
  lower: { light: '#175c28', dark: '#81c995', marker: 'a' },
  digit: { light: '#8a3b00', dark: '#f6ad6b', marker: '1' },
  symbol: { light: '#7a1f7a', dark: '#e59de5', marker: '#' },
};

function kindColor(kind: CharKind) {
  return (theme: Theme) => ({
    color: KIND_STYLE[kind].light,
    ...theme.applyStyles('dark', { color: KIND_STYLE[kind].dark }),
  });
}

export function PassLegend() {
  const { t } = useMessages(messages);
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} aria-label={t('pass.legend')}>
      {(Object.keys(KIND_STYLE) as CharKind[]).map((kind) => (
        <Typography key={kind} variant="body2" sx={kindColor(kind)}>
          <Box
            component="span"
            sx={{ fontFamily: 'monospace', fontWeight: 700, border: 1, px: 0.5, mr: 0.5 }}
          >
            {KIND_STYLE[kind].marker}
          </Box>
          {t('pass.kind', { kind })}
        </Typography>
      ))}
    </Stack>
  );
}

export function SpelledPass(props: {
  groups: SpelledChar[][];
  /** The language of the spoken forms, so a screen reader says them in that language. */
  lang: SpellingLanguage;
  activeGroup: number | null;
}) {
  const { t } = useMessages(messages);
  return (
    <Stack
      direction="row"
      sx={{ flexWrap: 'wrap', gap: 2 }}
      component="ol"
      aria-label={t('pass.groups')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {props.groups.map((group, groupIndex) => (
        <Box
          component="li"
          key={groupIndex}
          aria-label={t('pass.groupOf', { n: groupIndex + 1, total: props.groups.length })}
          sx={{
            border: 2,
            borderColor: props.activeGroup === groupIndex ? 'primary.main' : 'divider',
            borderRadius: 2,
            p: 1.5,
            bgcolor: 'background.paper',
          }}
        >
          <Typography variant="caption" component="p" sx={{ mb: 1 }} aria-hidden>
            {t('pass.group', { n: groupIndex + 1 })}
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
                  sx={[
                    {
                      display: 'block',
                      fontFamily: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace',
                      fontSize: '2.75rem',
                      lineHeight: 1.1,
                      fontWeight: 700,
                    },
                    kindColor(spelled.kind),
                  ]}
                  data-testid="pass-char-value"
                >
                  {spelled.char}
                </Typography>
                <Typography
                  component="span"
                  variant="caption"
                  sx={[{ display: 'block' }, kindColor(spelled.kind)]}
                >
                  <Box
                    component="span"
                    aria-hidden
                    sx={{ fontFamily: 'monospace', border: 1, px: 0.5, mr: 0.5 }}
                  >
                    {KIND_STYLE[spelled.kind].marker}
                  </Box>
                  <span data-testid="pass-char-spoken" lang={props.lang}>
                    {spelled.spoken}
                  </span>
                </Typography>
              </Box>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

import { deDE as materialGerman } from '@mui/material/locale';
import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';
import { deDE as gridGerman } from '@mui/x-data-grid/locales';
import type { Locale } from '../i18n/locales';

/** Where the colour scheme is kept, read before the app loads by public/color-scheme.js. */
export const COLOR_SCHEME_STORAGE = { mode: 'tapdesk-color-mode', scheme: 'tapdesk-color-scheme' };

/** The backgrounds text sits on in each scheme (the pass's colour coding is checked against paper). */
export const BACKGROUNDS = {
  light: { default: '#f6f7f9', paper: '#ffffff' },
  dark: { default: '#121212', paper: '#1b1c1e' },
} as const;

/**
 * Light and dark schemes as CSS variables, switched by a class on <html>: the class is set before
 * the first paint (public/color-scheme.js), so a dark system never flashes a light page.
 */
const options: ThemeOptions = {
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#0f5499' },
        secondary: { main: '#6b3fa0' },
        background: BACKGROUNDS.light,
      },
    },
    dark: {
      palette: {
        primary: { main: '#8ab4f8' },
        secondary: { main: '#c9a7f0' },
        background: BACKGROUNDS.dark,
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiLink: { defaultProps: { underline: 'always' } },
  },
};

export const theme = createTheme(options);

/** The theme per interface language: MUI's and the Data Grid's own texts (pagination, menus) follow it. */
export const THEMES: Record<Locale, Theme> = {
  en: theme,
  de: createTheme(options, materialGerman, gridGerman),
};

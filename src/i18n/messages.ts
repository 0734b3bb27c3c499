import { defineCatalog } from './catalog';

export const messages = defineCatalog(
  'i18n',
  {
    switchLabel: 'Language: {language}',
  },
  {
    switchLabel: 'Sprache: {language}',
  },
);

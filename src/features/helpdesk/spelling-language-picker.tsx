import { FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { useId } from 'react';
import { ALPHABETS, SPELLING_LANGUAGES, type SpellingLanguage } from './alphabets';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';

/** The caller's language: which spelling alphabet, case and symbol names, and which voice. */
export function SpellingLanguagePicker(props: {
  value: SpellingLanguage;
  onChange: (lang: SpellingLanguage) => void;
}) {
  const { t, rich } = useMessages(messages);
  const labelId = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 280, alignSelf: 'flex-start' }}>
      <InputLabel id={labelId}>{t('picker.label')}</InputLabel>
      <Select
        labelId={labelId}
        label={t('picker.label')}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as SpellingLanguage)}
      >
        {SPELLING_LANGUAGES.map((lang) => (
          <MenuItem key={lang} value={lang}>
            {rich('picker.option', {
              name: <span lang={lang}>{ALPHABETS[lang].name}</span>,
              source: ALPHABETS[lang].source,
            })}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

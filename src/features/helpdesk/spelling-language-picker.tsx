import { FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { useId } from 'react';
import { ALPHABETS, SPELLING_LANGUAGES, type SpellingLanguage } from './alphabets';

/** The caller's language: which spelling alphabet, case and symbol names, and which voice. */
export function SpellingLanguagePicker(props: {
  value: SpellingLanguage;
  onChange: (lang: SpellingLanguage) => void;
}) {
  const labelId = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 280, alignSelf: 'flex-start' }}>
      <InputLabel id={labelId}>Caller&apos;s language</InputLabel>
      <Select
        labelId={labelId}
        label="Caller's language"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as SpellingLanguage)}
      >
        {SPELLING_LANGUAGES.map((lang) => (
          <MenuItem key={lang} value={lang}>
            <span lang={lang}>{ALPHABETS[lang].name}</span> ({ALPHABETS[lang].source})
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

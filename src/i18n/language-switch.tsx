import CheckIcon from '@mui/icons-material/Check';
import TranslateIcon from '@mui/icons-material/Translate';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useId, useState } from 'react';
import { LOCALES, LOCALE_NAMES } from './locales';
import { messages } from './messages';
import { useLocale } from './provider';
import { useMessages } from './use-messages';

/** The interface language: the browser's by default, the person's choice once made. */
export function LanguageSwitch(props: { color?: 'inherit' | 'primary' }) {
  const { locale, setLocale } = useLocale();
  const { t } = useMessages(messages);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  return (
    <>
      <Button
        color={props.color ?? 'inherit'}
        startIcon={<TranslateIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? true : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('switchLabel', { language: LOCALE_NAMES[locale] })}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LOCALES.map((option) => (
          <MenuItem
            key={option}
            role="menuitemradio"
            aria-checked={option === locale}
            selected={option === locale}
            // Each name is in its own language; say so, so a screen reader pronounces it right.
            lang={option}
            onClick={() => {
              setLocale(option);
              setAnchor(null);
            }}
          >
            <ListItemIcon>{option === locale ? <CheckIcon /> : null}</ListItemIcon>
            <ListItemText>{LOCALE_NAMES[option]}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

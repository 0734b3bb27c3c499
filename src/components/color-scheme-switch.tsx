import CheckIcon from '@mui/icons-material/Check';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import SettingsBrightnessIcon from '@mui/icons-material/SettingsBrightness';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
import { useId, useState, type ReactNode } from 'react';
import { useMessages } from '../i18n/use-messages';
import { messages } from './messages';

type Mode = 'system' | 'light' | 'dark';

const MODES: { mode: Mode; label: keyof typeof messages.messages.en; icon: ReactNode }[] = [
  {
    mode: 'system',
    label: 'colorSchemeSystem',
    icon: <SettingsBrightnessIcon fontSize="small" />,
  },
  { mode: 'light', label: 'colorSchemeLight', icon: <LightModeIcon fontSize="small" /> },
  { mode: 'dark', label: 'colorSchemeDark', icon: <DarkModeIcon fontSize="small" /> },
];

/** Light, dark, or as the operating system says (the default); remembered on this device. */
export function ColorSchemeSwitch() {
  const { mode, setMode } = useColorScheme();
  const { t } = useMessages(messages);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const current = MODES.find((entry) => entry.mode === mode) ?? MODES[0]!;
  return (
    <>
      <Button
        color="inherit"
        startIcon={current.icon}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? true : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t('colorSchemeLabel', { mode: current.mode })}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {MODES.map((entry) => (
          <MenuItem
            key={entry.mode}
            role="menuitemradio"
            aria-checked={entry.mode === current.mode}
            selected={entry.mode === current.mode}
            onClick={() => {
              setMode(entry.mode);
              setAnchor(null);
            }}
          >
            <ListItemIcon>{entry.mode === current.mode ? <CheckIcon /> : entry.icon}</ListItemIcon>
            <ListItemText>{t(entry.label)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

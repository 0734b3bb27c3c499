import { AppBar, Box, Button, Container, Link, Stack, Toolbar, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { LanguageSwitch } from '../i18n/language-switch';
import { useMessages } from '../i18n/use-messages';
import { ColorSchemeSwitch } from './color-scheme-switch';
import { messages } from './messages';

export interface NavItem {
  label: string;
  to: string;
}

/** The frame around every signed-in page: skip link, product name, sections, person, sign out. */
export function AppShell(props: {
  productName: string;
  tenantName: string;
  nav: NavItem[];
  personName?: string;
  onSignOut?: () => void;
  children: ReactNode;
}) {
  const { t } = useMessages(messages);
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: -9999,
          '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 },
        }}
      >
        {t('skipToMain')}
      </Link>
      <AppBar position="static" component="header">
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 700 }}>
            {props.productName}
          </Typography>
          <Typography variant="body2" component="p" sx={{ opacity: 0.85 }}>
            {props.tenantName}
          </Typography>
          {props.nav.length > 0 ? (
            <Box component="nav" aria-label={t('sections')} sx={{ flexGrow: 1 }}>
              <Stack
                direction="row"
                spacing={1}
                component="ul"
                sx={{ listStyle: 'none', m: 0, p: 0 }}
              >
                {props.nav.map((item) => (
                  <li key={item.to}>
                    <Button
                      component={NavLink}
                      to={item.to}
                      color="inherit"
                      sx={{ '&.active': { textDecoration: 'underline', textUnderlineOffset: 6 } }}
                    >
                      {item.label}
                    </Button>
                  </li>
                ))}
              </Stack>
            </Box>
          ) : (
            <Box sx={{ flexGrow: 1 }} />
          )}
          <LanguageSwitch />
          <ColorSchemeSwitch />
          {props.personName ? (
            <Typography variant="body2" component="p" data-testid="signed-in-as">
              {props.personName}
            </Typography>
          ) : null}
          {props.onSignOut ? (
            <Button color="inherit" variant="outlined" onClick={props.onSignOut}>
              {t('signOut')}
            </Button>
          ) : null}
        </Toolbar>
      </AppBar>
      <Container component="main" id="main" tabIndex={-1} maxWidth="xl" sx={{ py: 4, flexGrow: 1 }}>
        {props.children}
      </Container>
    </Box>
  );
}

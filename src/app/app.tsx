import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router-dom';
import type { AuthClients } from '../auth/msal';
import { SessionProvider } from '../auth/session';
import { Loading } from '../components/loading';
import { ConfigProvider } from '../config/config-context';
import type { RuntimeConfig } from '../config/runtime-config';
import { GraphError } from '../graph/errors';
import { createAppRouter } from './router';
import { SignedOutPage } from '../auth/signed-out-page';
import { I18nProvider, useLocale } from '../i18n/provider';
import type { Locale } from '../i18n/locales';
import type { IntlConfig } from 'react-intl';
import { useMessages } from '../i18n/use-messages';
import { CATALOGS } from './catalogs';
import { messages } from './messages';
import { COLOR_SCHEME_STORAGE, THEMES } from './theme';

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The Graph client already retries throttling; a 4xx will not get better by asking again.
        retry: (count, error) =>
          count < 2 && !(error instanceof GraphError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

/**
 * Everything the pages stand on: theme, configuration, the signed-in session and the query
 * cache. The app puts its router inside; component tests (src/testing) put a page there.
 */
export function AppProviders(props: {
  config: RuntimeConfig;
  msal: AuthClients;
  /** Component tests fix the language, and make a missing message fail. */
  locale?: Locale;
  onIntlError?: IntlConfig['onError'];
  children: ReactNode;
}) {
  return (
    <I18nProvider catalogs={CATALOGS} locale={props.locale} onError={props.onIntlError}>
      <LocalizedProviders config={props.config} msal={props.msal}>
        {props.children}
      </LocalizedProviders>
    </I18nProvider>
  );
}

function LocalizedProviders(props: {
  config: RuntimeConfig;
  msal: AuthClients;
  children: ReactNode;
}) {
  const [queryClient] = useState(createQueryClient);
  const { locale } = useLocale();
  const { t } = useMessages(messages);
  return (
    <ThemeProvider
      theme={THEMES[locale]}
      modeStorageKey={COLOR_SCHEME_STORAGE.mode}
      colorSchemeStorageKey={COLOR_SCHEME_STORAGE.scheme}
      disableTransitionOnChange
    >
      <CssBaseline />
      <ConfigProvider config={props.config}>
        <SessionProvider
          clients={props.msal}
          graphBaseUrl={props.config.graph.baseUrl}
          signedOut={<SignedOutPage tenantName={props.config.tenantName} />}
          pending={
            <main>
              <Loading label={t('signingIn')} />
            </main>
          }
        >
          <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
        </SessionProvider>
      </ConfigProvider>
    </ThemeProvider>
  );
}

export function App(props: { config: RuntimeConfig; msal: AuthClients }) {
  const [router] = useState(createAppRouter);
  return (
    <AppProviders config={props.config} msal={props.msal}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}

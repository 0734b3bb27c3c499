import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { RouterProvider } from 'react-router-dom';
import type { AuthClient } from '../auth/msal';
import { SessionProvider } from '../auth/session';
import { Loading } from '../components/loading';
import { ConfigProvider } from '../config/config-context';
import type { RuntimeConfig } from '../config/runtime-config';
import { GraphError } from '../graph/errors';
import { createAppRouter } from './router';
import { SignedOutPage } from '../auth/signed-out-page';
import { COLOR_SCHEME_STORAGE, theme } from './theme';

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
  msal: ComponentProps<typeof SessionProvider>['instance'];
  children: ReactNode;
}) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ThemeProvider
      theme={theme}
      modeStorageKey={COLOR_SCHEME_STORAGE.mode}
      colorSchemeStorageKey={COLOR_SCHEME_STORAGE.scheme}
      disableTransitionOnChange
    >
      <CssBaseline />
      <ConfigProvider config={props.config}>
        <SessionProvider
          instance={props.msal}
          graphBaseUrl={props.config.graph.baseUrl}
          signedOut={<SignedOutPage tenantName={props.config.tenantName} />}
          pending={
            <main>
              <Loading label="Signing in…" />
            </main>
          }
        >
          <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>
        </SessionProvider>
      </ConfigProvider>
    </ThemeProvider>
  );
}

export function App(props: { config: RuntimeConfig; msal: AuthClient }) {
  const [router] = useState(createAppRouter);
  return (
    <AppProviders config={props.config} msal={props.msal}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}

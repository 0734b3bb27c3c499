/**
 * The bare stack TAP Desk is built on, as one page and nothing else: React, MSAL with
 * msal-react, an MUI theme and a few components, the router and a query client. `npm run bench`
 * builds it beside the app so the app's first screen has a floor to be measured against.
 */
import { PublicClientApplication } from '@azure/msal-browser';
import { MsalProvider, useIsAuthenticated, useMsal } from '@azure/msal-react';
import {
  AppBar,
  Button,
  Container,
  CssBaseline,
  TextField,
  ThemeProvider,
  Toolbar,
  Typography,
  createTheme,
} from '@mui/material';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';

const msal = new PublicClientApplication({
  auth: {
    clientId: '00000000-0000-0000-0000-000000000000',
    authority: 'https://login.microsoftonline.com/common',
    redirectUri: '/',
  },
});

const theme = createTheme({ palette: { primary: { main: '#0f5499' } } });
const queryClient = new QueryClient();

function Page() {
  const { instance, accounts } = useMsal();
  const signedIn = useIsAuthenticated();
  const [text, setText] = useState('');
  const me = useQuery({
    queryKey: ['me', text],
    enabled: signedIn,
    queryFn: async () => {
      const account = accounts[0];
      if (!account) return null;
      const token = await instance.acquireTokenSilent({ scopes: ['User.Read'], account });
      const response = await fetch('https://graph.microsoft.com/v1.0/me', {
        headers: { Authorization: `Bearer ${token.accessToken}` },
      });
      return (await response.json()) as { displayName?: string };
    },
  });
  return (
    <>
      <AppBar position="static">
        <Toolbar>
          <Typography variant="h6" component="p" sx={{ flexGrow: 1 }}>
            Bare stack
          </Typography>
          <Button color="inherit" onClick={() => void instance.loginRedirect()}>
            Sign in
          </Button>
        </Toolbar>
      </AppBar>
      <Container component="main" sx={{ py: 4 }}>
        <Typography variant="h4" component="h1">
          {me.data?.displayName ?? 'Hello'}
        </Typography>
        <TextField label="Search" value={text} onChange={(event) => setText(event.target.value)} />
      </Container>
    </>
  );
}

const router = createBrowserRouter([{ path: '/', element: <Page /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MsalProvider instance={msal}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ThemeProvider>
    </MsalProvider>
  </StrictMode>,
);

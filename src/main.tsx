import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createMsalInstance } from './auth/msal';
import { ConfigError, loadRuntimeConfig } from './config/runtime-config';

const root = createRoot(document.getElementById('root')!);

function renderBootFailure(error: unknown) {
  const detail =
    error instanceof ConfigError
      ? `The runtime configuration is not valid: ${error.message}.`
      : 'TAP Desk could not start.';
  root.render(
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', maxWidth: '40rem' }}>
      <h1>TAP Desk could not start</h1>
      <p role="alert">{detail}</p>
      <p>
        Ask whoever deployed TAP Desk to check <code>config.json</code>, then reload this page.
      </p>
    </main>,
  );
}

try {
  const config = await loadRuntimeConfig();
  const msal = createMsalInstance(config);
  root.render(
    <StrictMode>
      <App config={config} msal={msal} />
    </StrictMode>,
  );
} catch (error) {
  renderBootFailure(error);
}

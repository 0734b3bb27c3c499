import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { CATALOGS } from './app/catalogs';
import { createMsalInstances } from './auth/msal';
import { BootFailure } from './config/boot-failure';
import { inEnglish } from './config/config-problems';
import {
  appBaseUrl,
  configFileUrl,
  loadRuntimeConfig,
  type ConfigProblem,
} from './config/runtime-config';
import { I18nProvider } from './i18n/provider';

const root = createRoot(document.getElementById('root')!);
const baseUrl = appBaseUrl();

/** Fields config.json has but TAP Desk ignores: the app starts, the console says so. */
function reportIgnoredFields(warnings: ConfigProblem[]) {
  for (const warning of warnings) {
    // The browser console is where whoever deploys TAP Desk looks when a setting seems ignored.
    // eslint-disable-next-line no-console
    console.warn(`config.json: ${warning.field} ${inEnglish(warning.problem)}.`);
  }
}

try {
  const config = await loadRuntimeConfig(baseUrl, reportIgnoredFields);
  const msal = createMsalInstances(config);
  root.render(
    <StrictMode>
      <App config={config} msal={msal} />
    </StrictMode>,
  );
} catch (error) {
  // Outside App and its providers: only the language, so the page still renders if styling fails.
  root.render(
    <I18nProvider catalogs={CATALOGS}>
      <BootFailure error={error} configUrl={configFileUrl(baseUrl)} />
    </I18nProvider>,
  );
}

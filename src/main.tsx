import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createMsalInstances } from './auth/msal';
import { BootFailurePage } from './config/boot-failure';
import { inEnglish } from './config/config-problems';
import {
  appBaseUrl,
  configFileUrl,
  loadRuntimeConfig,
  type ConfigProblem,
} from './config/runtime-config';

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
  root.render(<BootFailurePage error={error} configUrl={configFileUrl(baseUrl)} />);
}

import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';
import { E2E_WORKERS, workerBaseUrl } from './tests/support/e2e-ports';

export default defineConfig({
  testDir: './tests/e2e',
  // Tests in a file run in order; files are shared out among the workers.
  fullyParallel: false,
  workers: E2E_WORKERS,
  // One retry in CI only, so a timing flake on a loaded machine cannot block a landing; the line
  // reporter names every test that needed it ("flaky"), and each is a bug to fix, not to keep.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: workerBaseUrl(0),
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  // One demo server (app + emulator) per worker, so each worker's tenant is its own.
  webServer: Array.from({ length: E2E_WORKERS }, (_, index) => {
    const url = workerBaseUrl(index);
    const port = new URL(url).port;
    return {
      command: `npx vite --configLoader runner --mode demo --port ${port} --strictPort`,
      url: `${url}/config.json`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { PORT: port, TAPDESK_NO_WATCH: '1' },
    };
  }),
});

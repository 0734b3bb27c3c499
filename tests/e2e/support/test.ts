import { test as base } from '@playwright/test';
import { workerBaseUrl } from '../../support/e2e-ports';

export { expect, request } from '@playwright/test';
export type {
  APIRequestContext,
  APIResponse,
  BrowserContext,
  Locator,
  Page,
  Request,
} from '@playwright/test';

/**
 * Playwright's `test`, with each worker pointed at its own demo server and emulator (see
 * playwright.config.ts): tests that reset the tenant or inject faults never meet another
 * worker's tests.
 */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this
  baseURL: async ({}, use, testInfo) => {
    await use(workerBaseUrl(testInfo.parallelIndex));
  },
});

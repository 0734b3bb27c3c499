import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const ACCOUNTS = {
  helpdesk: { upn: 'helen.helpdesk@contoso.com', name: 'Helen Helpdesk' },
  seniorHelpdesk: { upn: 'sam.senior@contoso.com', name: 'Sam Senior Helpdesk' },
  helpdeskAdministrator: {
    upn: 'hugo.helpdeskadmin@contoso.com',
    name: 'Hugo Helpdesk Administrator',
  },
  manager: { upn: 'max.manager@contoso.com', name: 'Max Manager' },
  auditor: { upn: 'audrey.auditor@contoso.com', name: 'Audrey Auditor' },
  noRole: { upn: 'nadia.norole@contoso.com', name: 'Nadia No Role' },
} as const;

export type DemoAccount = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** Puts the shared emulator back to its seeded state, with optional settings. */
export async function resetEmulator(request: APIRequestContext, settings?: object) {
  const response = await request.post('/emulator/reset', { data: settings ?? {} });
  expect(response.ok()).toBe(true);
}

/**
 * Signs in through the real MSAL redirect: the app's Sign in button, the emulator's sign-in page,
 * and back. Starts at `path` so the person lands where they began.
 */
export async function signIn(page: Page, account: DemoAccount, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login\/.*\/authorize/);
  await page.getByRole('button', { name: new RegExp(account.name) }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(account.name);
}

import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, resetEmulator, signIn } from './support/demo';

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('the helpdesk account signs in through MSAL and sees only the Helpdesk section', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.helpdesk);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections.getByRole('link')).toHaveText(['Helpdesk']);
  await expect(page).toHaveURL(/\/helpdesk$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Helpdesk' })).toBeVisible();
  // MSAL keeps its cache in sessionStorage, as configured, not localStorage.
  const stores = await page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
  expect(stores.local.filter((key) => key.startsWith('msal'))).toEqual([]);
  expect(stores.session.some((key) => key.includes('idtoken'))).toBe(true);
});

test('the manager sees only Pilot, and cannot open Helpdesk', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText([
    'Pilot',
  ]);
  await page.goto('/helpdesk');
  await expect(page.getByRole('alert')).toContainText(
    'Helpdesk needs the TapDesk.Helpdesk app role',
  );
});

test('the auditor sees only Audit', async ({ page }) => {
  await signIn(page, ACCOUNTS.auditor);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText([
    'Audit',
  ]);
  await expect(page).toHaveURL(/\/audit/);
});

test('a person without an app role is told which role to ask for', async ({ page }) => {
  await signIn(page, ACCOUNTS.noRole);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.getByText('You do not have a TAP Desk role yet')).toBeVisible();
  await expect(page.getByText('TapDesk.Helpdesk')).toBeVisible();
  await expectAccessible(page);
});

test('signing out ends the session and returns to the sign-in page', async ({ page }) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const msalKeys = await page.evaluate(() =>
    Object.keys(sessionStorage).filter((key) => key.includes('idtoken')),
  );
  expect(msalKeys).toEqual([]);
});

test('an expired access token is renewed silently and the page keeps working', async ({
  page,
  request,
}) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await page.getByLabel('Find a user').fill('sofia');
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
  await request.post('/emulator/tokens/expire');
  await request.delete('/emulator/requests');
  await page.getByLabel('Find a user').fill('jos');
  await expect(
    page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'José Núñez' }),
  ).toBeVisible();
  const log = (await (await request.get('/emulator/requests')).json()) as {
    value: { path: string; status: number }[];
  };
  const searches = log.value.filter((entry) => entry.path.startsWith('/graph/v1.0/users?'));
  // The expired token was refused once, a renewed one succeeded.
  expect(searches.map((entry) => entry.status)).toEqual([401, 200]);
});

test('a sign-in that cannot be renewed sends the person to sign in again and back to the same page', async ({
  page,
  request,
}) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await page.goto('/helpdesk?q=sofia');
  await expect(page.getByTestId('signed-in-as')).toHaveText(ACCOUNTS.helpdesk.name);
  await request.post('/emulator/tokens/expire');
  await request.post('/emulator/sessions/revoke');
  // Whatever asks Graph next (a background refresh may beat this navigation) finds the sign-in
  // gone and starts an interactive sign-in that remembers this page.
  await page.goto('/helpdesk?q=jose');
  await page.waitForURL(/\/login\/.*\/authorize/);
  await page.getByRole('button', { name: new RegExp(ACCOUNTS.helpdesk.name) }).click();
  await expect(page).toHaveURL(/\/helpdesk\?q=jose/);
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
});

test('the signed-out page and the emulator sign-in page have no accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login\/.*\/authorize/);
  await expectAccessible(page);
});

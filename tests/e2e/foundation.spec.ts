import { expect, test, type APIRequestContext } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, openUser, resetEmulator, signIn, signOut } from './support/demo';

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

test('the manager sees only Pilot and Readiness, and cannot open Helpdesk', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText([
    'Pilot',
    'Readiness',
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

test('Back to search on a user page leads to the search', async ({ page }) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await openUser(page, { name: 'José Núñez', search: 'jose' });
  await page.getByRole('link', { name: 'Back to search' }).click();
  await expect(page).toHaveURL(/\/helpdesk$/);
  await expect(page.getByLabel('Find a user')).toBeVisible();
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
  await signOut(page);
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
  // The log is cleared first: a read the page makes by itself may meet the expired token
  // before the search does, and its refusal belongs to this test too.
  await request.delete('/emulator/requests');
  await request.post('/emulator/tokens/expire');
  await page.getByLabel('Find a user').fill('jos');
  await expect(
    page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'José Núñez' }),
  ).toBeVisible();
  const log = (await (await request.get('/emulator/requests')).json()) as {
    value: { path: string; status: number }[];
  };
  const graph = log.value.filter((entry) => entry.path.startsWith('/graph/'));
  const searches = graph.filter((entry) => entry.path.startsWith('/graph/v1.0/users?'));
  // Graph refused the expired token (the search's, or a read that went out before it), and
  // the search was answered with a renewed one.
  expect(graph.map((entry) => entry.status)).toContain(401);
  expect(searches.at(-1)?.status).toBe(200);
});

test('a sign-in that cannot be renewed sends the person to sign in again and back to the same page', async ({
  page,
  request,
}) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await openUser(page, { name: 'José Núñez', search: 'jose' });
  const userPage = page.url();
  await request.post('/emulator/tokens/expire');
  await request.post('/emulator/sessions/revoke');
  // Whatever asks Graph next (a background refresh may beat this navigation) finds the sign-in
  // gone and starts an interactive sign-in that remembers this page.
  await page.goto(userPage);
  await page.waitForURL(/\/login\/.*\/authorize/);
  await page.getByRole('button', { name: new RegExp(ACCOUNTS.helpdesk.name) }).click();
  await expect(page).toHaveURL(userPage);
  await expect(page.getByRole('heading', { level: 1, name: 'José Núñez' })).toBeVisible();
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

test.describe('consent Entra has not granted', () => {
  const WRITE = 'UserAuthMethod-TAP.ReadWrite.All';
  interface Grant {
    id: string;
    consentType: string;
    principalUserPrincipalName: string | null;
  }
  const grants = async (request: APIRequestContext) =>
    ((await (await request.get('/emulator/consent-grants')).json()) as { value: Grant[] }).value;

  test('a helpdesk person without the write permission is told what is missing, and can try again once granted', async ({
    page,
    request,
  }) => {
    const helens = (await grants(request)).find(
      (g) => g.principalUserPrincipalName === ACCOUNTS.helpdesk.upn,
    );
    expect((await request.delete(`/emulator/consent-grants/${helens?.id ?? ''}`)).ok()).toBe(true);
    await signIn(page, ACCOUNTS.helpdesk);
    await page.getByLabel('Find a user').fill('sofia');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Helpdesk needs a permission you have not been granted');
    await expect(alert).toContainText(`Most likely missing: ${WRITE}`);
    await expect(alert).toContainText('AADSTS65001');
    await expect(alert).toContainText('Enterprise applications › TAP Desk › Permissions');
    await expect(alert.getByRole('button', { name: 'Sign out' })).toBeVisible();
    // The section says so instead of sending her to a sign-in that could not help.
    await expect(page).toHaveURL(/\/helpdesk/);
    await expectAccessible(page);

    const granted = await request.post('/emulator/consent-grants', {
      data: { consentType: 'Principal', principalId: ACCOUNTS.helpdesk.upn, scope: WRITE },
    });
    expect(granted.ok()).toBe(true);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByLabel('Find a user').fill('sofia');
    await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
  });

  test('a sign-in Entra stops at "Need admin approval" comes back to the sign-in page\'s explanation', async ({
    page,
    request,
  }) => {
    const everyone = (await grants(request)).find((g) => g.consentType === 'AllPrincipals');
    await request.delete(`/emulator/consent-grants/${everyone?.id ?? ''}`);
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/login\/.*\/authorize/);
    await page.getByRole('button', { name: new RegExp(ACCOUNTS.auditor.name) }).click();
    await expect(page.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
    await expectAccessible(page);
    await page
      .getByRole('link', { name: 'Return to the application without granting consent' })
      .click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'TAP Desk cannot sign you in: a permission has not been granted',
    );
    await expect(alert).toContainText('AADSTS65004');
    await expect(alert).toContainText('Missing: openid, profile, offline_access, User.Read');
    await expectAccessible(page);

    await resetEmulator(request);
    await alert.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL(/\/login\/.*\/authorize/);
    await page.getByRole('button', { name: new RegExp(ACCOUNTS.auditor.name) }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText(ACCOUNTS.auditor.name);
  });
});

import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, resetEmulator, signIn } from './support/demo';

const CHECKS = [
  'Temporary Access Pass policy',
  'Microsoft Authenticator policy',
  'Passkey (FIDO2) policy',
  'Verification list reachable',
  'Verification list writable by the helpdesk',
  'Registration report licensed (Entra ID P1 or P2)',
  'Audit retention matches the licence',
];

const check = (page: Page, title: string) => page.getByRole('region', { name: title });
const statusOf = (page: Page, title: string) => check(page, title).getByTestId('check-status');

async function openReadiness(page: Page) {
  await signIn(page, ACCOUNTS.manager);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Readiness' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tenant readiness' })).toBeVisible();
  await expect(page.getByText(/^7 checks:/)).toBeVisible();
}

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('a pilot manager with Global Reader sees every check of the demo tenant, axe clean', async ({
  page,
}) => {
  await openReadiness(page);
  for (const title of CHECKS) await expect(check(page, title)).toBeVisible();
  for (const title of CHECKS) await expect(statusOf(page, title), title).toHaveText('Pass');
  // The page never writes: the records the helpdesk wrote through TAP Desk are the proof.
  await expect(check(page, 'Verification list writable by the helpdesk')).toContainText(
    /The helpdesk added \d+ verification records? through TAP Desk/,
  );
  await expectAccessible(page);
});

test('a TAP policy turned away from the pilot group fails, with the fix and where to make it', async ({
  page,
  request,
}) => {
  await openReadiness(page);
  await expect(statusOf(page, 'Temporary Access Pass policy')).toHaveText('Pass');
  const retarget = await request.patch('/emulator/policies/temporary-access-pass', {
    data: { includeTargets: [{ targetType: 'group', id: '8d3fab54-6c7e-4a9d-b1cf-4e5a6c7d8f93' }] },
  });
  expect(retarget.ok()).toBe(true);
  await page.getByRole('button', { name: 'Check again' }).click();
  const tap = check(page, 'Temporary Access Pass policy');
  await expect(tap.getByTestId('check-status')).toHaveText('Fail');
  await expect(tap).toContainText('does not include “Passwordless Pilot”');
  await expect(tap).toContainText(
    'To fix: An Authentication Policy Administrator opens Temporary Access Pass',
  );
  await expect(
    tap.getByRole('link', { name: /Entra admin center › Authentication methods › Policies/ }),
  ).toHaveAttribute('href', /^https:\/\/entra\.microsoft\.com\//);
  await expect(statusOf(page, 'Microsoft Authenticator policy')).toHaveText('Pass');
  await expectAccessible(page);
});

test('without the site grant, the list check fails and says who grants it', async ({
  page,
  request,
}) => {
  const grant = await request.patch('/emulator/settings', {
    data: { verificationSiteGrant: 'none' },
  });
  expect(grant.ok()).toBe(true);
  await openReadiness(page);
  const list = check(page, 'Verification list reachable');
  await expect(list.getByTestId('check-status')).toHaveText('Fail');
  await expect(list).toContainText('A SharePoint Administrator grants TAP Desk write on the site');
});

test('a helpdesk agent without Global Reader is told who may open it', async ({ page }) => {
  await signIn(page, ACCOUNTS.helpdesk, '/readiness');
  await expect(page.getByRole('alert')).toContainText(
    'Readiness is for pilot managers and helpdesk leads',
  );
  await expect(page.getByRole('alert')).toContainText('Global Reader');
  await expect(page.getByRole('region', { name: 'Temporary Access Pass policy' })).toHaveCount(0);
});

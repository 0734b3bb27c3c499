/**
 * The pages and dialogs the feature specs do not already check with axe: the issue form and its
 * stop-and-confirm step, the revoke confirmation, a section the role does not open, and a page
 * that does not exist.
 */
import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, fillVerification, openUser, resetEmulator, signIn } from './support/demo';

const JOSE = { name: 'José Núñez', search: 'jose' };

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('the issue form, its confirmation step and the revoke dialog have no violations', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await openUser(page, JOSE);
  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await expect(page.getByLabel('Ticket reference')).toBeVisible();
  await expectAccessible(page);

  // José holds an active pass: the form stops and asks for explicit confirmation.
  await fillVerification(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  await expect(page.getByRole('checkbox', { name: 'Replace the current pass' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Revoke pass' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Delete this Temporary Access Pass?' }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('a section the role does not open, and a page that does not exist, have no violations', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.manager);
  await page.goto('/helpdesk');
  await expect(page.getByRole('alert')).toContainText('TapDesk.Helpdesk');
  await expectAccessible(page);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

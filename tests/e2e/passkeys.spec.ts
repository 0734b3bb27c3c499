import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, fillVerification, openUser, resetEmulator, signIn } from './support/demo';

// A seeded pilot member with nothing yet (emulator/seed/people.ts DEMO_FIXTURES.pilotNothingYet);
// the pilot groups are in the emulator's passkey (FIDO2) policy.
const SIOBHAN = { name: "Siobhán O'Brien", upn: 'siobhan.obrien@contoso.com', search: 'siobh' };

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('the helpdesk walks a caller to a passkey in Authenticator and offers to delete the multi-use pass', async ({
  page,
  request,
}) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await openUser(page, SIOBHAN);
  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await fillVerification(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();

  const handover = page.getByRole('dialog', { name: /Temporary Access Pass for Siobhán/ });
  await expect(handover).toBeVisible();
  await expect(handover.getByText('Multi-use')).toBeVisible();
  const tap = (await page.getByTestId('pass-char-value').allTextContents()).join('');
  expect(tap.length).toBeGreaterThanOrEqual(8);

  // Helen cannot read the passkey policy, so the passkey is suggested, and picked explicitly.
  const passkey = handover.getByRole('radio', { name: /Passkey in Authenticator/ });
  await expect(passkey).toBeChecked();
  await expect(handover.getByText(/cannot read the passkey policy/)).toBeVisible();
  await passkey.check();
  const script = handover.getByTestId('handover-script');
  await expect(script).toHaveAttribute('data-goal', 'passkey');
  await expect(script).toContainText('Install Microsoft Authenticator');
  await expect(script).toContainText('create the passkey');
  await expect(script).toContainText('Android:');
  await expect(
    handover.getByRole('img', { name: 'QR code for https://aka.ms/authapp' }),
  ).toBeVisible();
  await expect(handover.getByText('Verification recorded')).toBeVisible();
  await expectAccessible(page);

  // The caller, on their phone: sign in to Authenticator with the pass and create the passkey.
  const phone = (body: object) =>
    request.post(`/emulator/users/${SIOBHAN.upn}/phone`, { data: body });
  expect((await phone({ action: 'redeem-tap', tap })).ok()).toBe(true);
  expect((await phone({ action: 'register-authenticator' })).ok()).toBe(true);
  await expect(handover.getByTestId('onboarding-stage')).toHaveText(/Authenticator registered/);
  expect((await phone({ action: 'register-passkey', platform: 'android' })).ok()).toBe(true);

  // Without a reload, the page sees the passkey.
  await expect(handover.getByTestId('onboarding-stage')).toHaveText(
    /Passkey in Authenticator registered/,
  );
  await expect(handover.getByTestId('goal-met')).toContainText(
    'A passkey in Authenticator is registered',
  );
  await expect(handover.getByTestId('goal-met')).not.toContainText('instead');
  await expect(handover.getByRole('button', { name: 'Delete the pass' })).toBeVisible();
  await expectAccessible(page);

  await handover.getByRole('button', { name: 'Delete the pass' }).click();
  await expect(page.getByRole('dialog', { name: /Delete|Revoke/ }).last()).toBeVisible();
});

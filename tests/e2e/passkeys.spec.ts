import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, fillVerification, openUser, resetEmulator, signIn } from './support/demo';
import { PILOT_GROUP_ID } from './support/pilot';

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

const JOSE_UPN = 'jose.nunez@contoso.com';

test("the pilot funnel's last stage splits into phone sign-in and passkey, as the emulator counts it, and the CSV carries the method", async ({
  page,
  request,
}) => {
  // José, a pilot member with a valid pass, signs in to Authenticator with it and creates a passkey.
  const phone = (body: object) => request.post(`/emulator/users/${JOSE_UPN}/phone`, { data: body });
  // The seeded pass's value is never served; give José a fresh one through the admin center.
  const created = await request.post(`/emulator/users/${JOSE_UPN}/tap`, {
    data: { action: 'create', by: 'sam.senior@contoso.com' },
  });
  expect(created.ok()).toBe(true);
  const { temporaryAccessPass } = (await created.json()) as {
    temporaryAccessPass: { temporaryAccessPass: string };
  };
  const tap = temporaryAccessPass.temporaryAccessPass;
  expect((await phone({ action: 'redeem-tap', tap })).ok()).toBe(true);
  expect((await phone({ action: 'register-passkey' })).ok()).toBe(true);

  const truth = (await (await request.get(`/emulator/pilot/${PILOT_GROUP_ID}/truth`)).json()) as {
    counts: Record<string, number>;
  };
  // The seed has pilot members who finished with a passkey; José is one more.
  const passkeys = truth.counts.passkeyRegistered ?? 0;
  expect(passkeys).toBeGreaterThan(1);

  await signIn(page, ACCOUNTS.manager, '/pilot');
  await expect(page.getByText(/^Loaded [\d,]+ members as of/)).toBeVisible({ timeout: 60_000 });
  for (const [stage, count] of Object.entries(truth.counts)) {
    const text = await page.getByTestId(`funnel-count-${stage}`).innerText();
    expect(Number(text.split(' ')[0]?.replace(/,/g, '')), stage).toBe(count);
  }
  await expect(
    page.getByRole('button', { name: /^Passkey in Authenticator registered/ }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /^Passkey in Authenticator registered/ }).click();
  await expect(page).toHaveURL(/stage=passkeyRegistered/);
  await expect(
    page.getByText(`Reached: Passkey in Authenticator registered (${passkeys})`),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download as CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const [header = '', ...rows] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(header).toContain('"Passwordless method"');
  expect(rows).toHaveLength(passkeys);
  expect(rows.find((row) => row.includes(JOSE_UPN))).toContain('"Passkey in Authenticator"');
  expect(rows.every((row) => row.includes('"Passkey in Authenticator"'))).toBe(true);
});

test("a person deleting their own passkey is in the audit record, under its own filter and as the person's act", async ({
  page,
  request,
}) => {
  const phone = (body: object) => request.post(`/emulator/users/${JOSE_UPN}/phone`, { data: body });
  const created = await request.post(`/emulator/users/${JOSE_UPN}/tap`, {
    data: { action: 'create', by: 'sam.senior@contoso.com' },
  });
  const { temporaryAccessPass } = (await created.json()) as {
    temporaryAccessPass: { temporaryAccessPass: string };
  };
  expect(
    (await phone({ action: 'redeem-tap', tap: temporaryAccessPass.temporaryAccessPass })).ok(),
  ).toBe(true);
  expect((await phone({ action: 'register-passkey' })).ok()).toBe(true);
  expect((await phone({ action: 'delete-passkey' })).ok()).toBe(true);

  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  await signIn(page, ACCOUNTS.auditor, `/audit?from=${today}&to=${today}&activity=passkeyDeleted`);
  const grid = page.getByRole('grid', { name: /Issuance record/ });
  await expect(grid).toBeVisible();
  // Today's passkey deletions only: few enough that the grid draws every row.
  const deleted = grid.getByRole('row').filter({ hasText: JOSE_UPN });
  await expect(deleted).toHaveCount(1);
  await expect(deleted).toContainText('Passkey deleted');
  // The person acted on their own account: no admin, no pass.
  await expect(deleted).not.toContainText('Sam Senior Helpdesk');
  await expect(page.getByRole('combobox', { name: 'Activity' })).toContainText('Passkey deleted');
  await expectAccessible(page);
});

import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, resetEmulator, signIn } from './support/demo';
import { funnelCount, STAGES, truth, type Truth } from './support/pilot';

// The registration report lags by hours in Entra (docs/graph-facts.md §4); the emulator's report
// shows everyone as of its last refresh, here the seed's moment, for four hours.
// A seeded pilot member with nothing yet (emulator/seed/people.ts DEMO_FIXTURES.pilotNothingYet).
const SIOBHAN_UPN = 'siobhan.obrien@contoso.com';

async function expectFunnel(page: Page, expected: Truth) {
  for (const stage of STAGES)
    expect(await funnelCount(page, stage), stage).toBe(expected.counts[stage]);
}

test.beforeEach(async ({ request }) => {
  await resetEmulator(request, { reportLagMinutes: 240 });
});

test('with the report four hours behind, a member who registers now still moves to the right stage on refresh, and the page says how fresh each source is', async ({
  page,
  request,
}) => {
  // Two pilot loads and a sign-in, on shared CI machines.
  test.setTimeout(3 * 60_000);
  await signIn(page, ACCOUNTS.manager, '/pilot');
  const loaded = page.getByText(/^Loaded [\d,]+ members as of/);
  await expect(loaded).toBeVisible({ timeout: 60_000 });
  const before = await truth(request);
  await expectFunnel(page, before);
  const freshness = page.getByTestId('pilot-freshness');
  await expect(freshness).toHaveText(/^Registration report as of .+; audit log to .+\.$/);
  expect(before.members.member.map((m) => m.userPrincipalName)).toContain(SIOBHAN_UPN);
  expect(before.members.tapIssued.map((m) => m.userPrincipalName)).not.toContain(SIOBHAN_UPN);

  // Siobhán gets a pass, signs in to Authenticator with it and turns on phone sign-in.
  const created = await request.post(`/emulator/users/${SIOBHAN_UPN}/tap`, {
    data: { action: 'create', by: 'sam.senior@contoso.com' },
  });
  expect(created.ok()).toBe(true);
  const { temporaryAccessPass } = (await created.json()) as {
    temporaryAccessPass: { temporaryAccessPass: string };
  };
  const phone = (body: object) =>
    request.post(`/emulator/users/${SIOBHAN_UPN}/phone`, { data: body });
  const tap = temporaryAccessPass.temporaryAccessPass;
  expect((await phone({ action: 'redeem-tap', tap })).ok()).toBe(true);
  expect((await phone({ action: 'register-authenticator' })).ok()).toBe(true);
  expect((await phone({ action: 'enable-phone-sign-in' })).ok()).toBe(true);

  const after = await truth(request);
  expect(after.members.phoneSignInEnabled.map((m) => m.userPrincipalName)).toContain(SIOBHAN_UPN);
  expect(after.counts.phoneSignInEnabled).toBe(before.counts.phoneSignInEnabled + 1);

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled({ timeout: 60_000 });
  await expect(loaded).toBeVisible();
  await expectFunnel(page, after);
  // The report still shows her as of its refresh: the audit log and a read of her methods told.
  await expect(freshness).toContainText(
    '1 member registered since the report’s refresh; the audit log and a read of their methods cover them.',
  );
  await expectAccessible(page);

  await page.getByRole('button', { name: /^Phone sign-in/ }).click();
  await expect(page).toHaveURL(/stage=phoneSignInEnabled/);
  await expect(
    page.getByText(`Reached: Phone sign-in enabled (${after.counts.phoneSignInEnabled})`),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download as CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const rows = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  expect(rows).toHaveLength(after.counts.phoneSignInEnabled);
  expect(rows.some((row) => row.includes(`"${SIOBHAN_UPN}"`))).toBe(true);
});

import { expect, test } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, fillVerification, openUser, resetEmulator, signIn } from './support/demo';

// A seeded person (emulator/seed/people.ts DEMO_FIXTURES) with nothing registered yet.
const SIOBHAN = { name: "Siobhán O'Brien", upn: 'siobhan.obrien@contoso.com', search: 'siobh' };

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
  const grown = await request.patch('/emulator/settings', { data: { pilotSize: 10_000 } });
  expect(grown.ok()).toBe(true);
});

test.afterEach(async ({ request }) => {
  await resetEmulator(request);
});

test('a live view sees the caller’s phone action while a 10,000-member pilot loads in another tab', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  // Both tabs are the same app registration, so they spend from the same Graph limits. The
  // manager signs in in a context of their own: no demo account holds both roles.
  test.setTimeout(480_000);
  await signIn(page, ACCOUNTS.helpdesk);
  await openUser(page, SIOBHAN);

  const managerContext = await browser.newContext({ baseURL, ignoreHTTPSErrors: true });
  const pilot = await managerContext.newPage();
  await signIn(pilot, ACCOUNTS.manager, '/pilot');
  // A fresh dev server compiles the pilot's chunk on first use: slow on a loaded machine.
  await expect(pilot.getByRole('heading', { level: 1, name: 'Pilot progress' })).toBeVisible({
    timeout: 90_000,
  });

  // While the pilot loads, the agent issues a pass and watches.
  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await fillVerification(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  const handover = page.getByRole('dialog', { name: /Temporary Access Pass for Siobhán/ });
  await expect(handover).toBeVisible();
  await expect(handover.getByTestId('pass-char-value').first()).toBeVisible();
  const tap = (await handover.getByTestId('pass-char-value').allTextContents()).join('');

  for (const body of [{ action: 'redeem-tap', tap }, { action: 'register-authenticator' }]) {
    const done = await request.post(`/emulator/users/${SIOBHAN.upn}/phone`, { data: body });
    expect(done.ok(), await done.text()).toBe(true);
  }
  // However long the shared limit holds the view back, it gets there without an error.
  await expect(handover.getByTestId('onboarding-stage')).toHaveText(/Authenticator registered/, {
    timeout: 240_000,
  });
  await expect(page.getByText(/could not read the user’s sign-in methods/)).toHaveCount(0);
  await expectAccessible(page);

  // The pilot may still be loading (its reads wait for the same limit); it shows no error.
  await expect(pilot.getByRole('alert')).toHaveCount(0);
  await expectAccessible(pilot);
  await managerContext.close();
});

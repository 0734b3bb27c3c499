/**
 * The handover spells the pass in the caller's language: the browser's (de-DE here) when nothing
 * is configured or remembered, with DIN 5009 words and German case names.
 */
import { expect, test, type Page } from './support/test';
import {
  ACCOUNTS,
  fillVerification,
  KNOWN_PASS as PASS,
  KNOWN_PASS_IN_DIN_5009,
  openUser,
  resetEmulator,
  serveKnownPass,
  signIn,
} from './support/demo';

const SIOBHAN = { name: "Siobhán O'Brien", search: 'siobh' };

/** Issues a pass whose value the page gets as KNOWN_PASS. */
async function issueKnownPass(page: Page) {
  await serveKnownPass(page);
  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await fillVerification(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  await expect(page.getByRole('dialog', { name: /Temporary Access Pass for/ })).toBeVisible();
}

test.use({ locale: 'de-DE' });

test.beforeEach(async ({ page, request }) => {
  await resetEmulator(request);
  // The interface in English, chosen on this device: the caller's language still follows the
  // browser (german.spec.ts walks the German interface).
  await page.addInitScript(() => localStorage.setItem('tapdesk-language', 'en'));
});

test('with a German browser, the pass is spelled with DIN 5009 words and German case names', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.helpdesk);
  await openUser(page, SIOBHAN);
  await issueKnownPass(page);

  await expect(page.getByRole('combobox', { name: "Caller's language" })).toHaveText(
    /Deutsch \(DIN 5009:2022\)/,
  );
  await expect(page.getByTestId('pass-char-value')).toHaveText([...PASS]);
  await expect(page.getByTestId('pass-char-spoken')).toHaveText(KNOWN_PASS_IN_DIN_5009);
  await expect(page.getByTestId('pass-char-spoken').first()).toHaveAttribute('lang', 'de');

  // The agent picks another language for this caller: the words follow, and the pick is kept.
  await page.getByRole('combobox', { name: "Caller's language" }).click();
  await page.getByRole('option', { name: /English/ }).click();
  await expect(page.getByTestId('pass-char-spoken').first()).toHaveText('capital Alfa');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain('"tapdesk.spellingLanguage":"en"');
  expect(stored).not.toContain(PASS);
});

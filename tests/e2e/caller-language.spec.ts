/**
 * The handover spells the pass in the caller's language: the browser's (de-DE here) when nothing
 * is configured or remembered, with DIN 5009 words and German case names.
 */
import { expect, test, type Page } from './support/test';
import { ACCOUNTS, fillVerification, openUser, resetEmulator, signIn } from './support/demo';

const SIOBHAN = { name: "Siobhán O'Brien", search: 'siobh' };
/** Holds A, b and 7, as the acceptance test asks, plus a symbol Entra passes hold. */
const PASS = 'Ab7+kZ9!';

/**
 * Graph answers the issuing POST with a random pass; this one is swapped for PASS on the way to
 * the page, so the spelling can be checked word by word. Everything else is Graph's answer.
 */
async function issueKnownPass(page: Page) {
  await page.route(/\/temporaryAccessPassMethods$/, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...body, temporaryAccessPass: PASS } });
  });
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
  await expect(page.getByTestId('pass-char-spoken')).toHaveText([
    'groß Aachen',
    'klein berlin',
    'Ziffer sieben',
    'Plus',
    'klein köln',
    'groß Zwickau',
    'Ziffer neun',
    'Ausrufezeichen',
  ]);
  await expect(page.getByTestId('pass-char-spoken').first()).toHaveAttribute('lang', 'de');

  // The agent picks another language for this caller: the words follow, and the pick is kept.
  await page.getByRole('combobox', { name: "Caller's language" }).click();
  await page.getByRole('option', { name: /English/ }).click();
  await expect(page.getByTestId('pass-char-spoken').first()).toHaveText('capital Alfa');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain('"tapdesk.spellingLanguage":"en"');
  expect(stored).not.toContain(PASS);
});

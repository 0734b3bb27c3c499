/**
 * Both colour schemes on every page: the shell and each section render in the scheme the system
 * asks for, axe finds no violations in either, and the switch in the shell overrides the system
 * before the first paint of the next load.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, fillVerification, openUser, resetEmulator, signIn } from './support/demo';

const SIOBHAN = { name: "Siobhán O'Brien", search: 'siobh' };
type Scheme = 'light' | 'dark';

/**
 * WCAG relative luminance of what is behind an element's text: its own background colour, or
 * the first ancestor's that is not transparent.
 */
async function backgroundLuminance(locator: Locator): Promise<number> {
  return locator.evaluate((start) => {
    let element: Element | null = start;
    let rgba: number[] = [];
    while (element) {
      rgba = (getComputedStyle(element).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      if (rgba.length === 3 || (rgba[3] ?? 0) > 0) break;
      element = element.parentElement;
    }
    const [r, g, b] = rgba.slice(0, 3).map((value) => {
      const channel = value / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 1) + 0.7152 * (g ?? 1) + 0.0722 * (b ?? 1);
  });
}

/**
 * The page is in the scheme: the class on <html>, the page behind the text, and each surface
 * (the header, sections, dialogs) dark in the dark scheme; in the light one, the header stays
 * the brand blue and the others are light.
 */
async function expectScheme(page: Page, scheme: Scheme, surfaces: Locator[] = []) {
  await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`));
  const header = page.locator('header');
  const all = [page.locator('body'), ...surfaces];
  if (scheme === 'dark' && (await header.count()) > 0) all.push(header);
  for (const surface of all) {
    const luminance = await backgroundLuminance(surface);
    if (scheme === 'dark') expect(luminance).toBeLessThan(0.05);
    else expect(luminance).toBeGreaterThan(0.8);
  }
}

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`with the system in ${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test('the signed-out page, the helpdesk, a user and the handover', async ({ page }) => {
      test.slow(); // axe five times, on a machine others share
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expectScheme(page, scheme);
      await expectAccessible(page);

      await signIn(page, ACCOUNTS.helpdesk);
      // axe checks what is there: wait for each page itself, not just the shell around it.
      await expect(page.getByRole('heading', { level: 1, name: 'Helpdesk' })).toBeVisible();
      await expectScheme(page, scheme);
      await expectAccessible(page);

      await openUser(page, SIOBHAN);
      await expect(page.getByRole('heading', { level: 1, name: SIOBHAN.name })).toBeVisible();
      await expectScheme(page, scheme, await page.locator('main section').all());
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
      await fillVerification(page);
      await page.getByRole('button', { name: 'Issue pass' }).click();
      const handover = page.getByRole('dialog', { name: /Temporary Access Pass for/ });
      await expect(handover.getByTestId('pass-char-value').first()).toBeVisible();
      await expectScheme(page, scheme, await handover.locator('section').all());
      await expectAccessible(page);
    });

    test('the pilot and a page that does not exist', async ({ page }) => {
      test.slow(); // a whole pilot loaded
      await signIn(page, ACCOUNTS.manager, '/pilot');
      await expect(page.getByRole('heading', { level: 1, name: 'Pilot progress' })).toBeVisible();
      await expect(page.getByText(/^Loaded [\d,]+ members as of/)).toBeVisible({ timeout: 60_000 });
      await expectScheme(page, scheme);
      await expectAccessible(page);

      await page.goto('/no-such-page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
    });

    test('the audit record', async ({ page }) => {
      test.slow();
      await signIn(page, ACCOUNTS.auditor, '/audit');
      await expect(page.getByRole('heading', { level: 1, name: 'Audit record' })).toBeVisible();
      await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toBeVisible();
      await expectScheme(page, scheme);
      await expectAccessible(page);
    });
  });
}

test.describe('the switch in the shell', () => {
  test.use({ colorScheme: 'dark' });

  test('overrides the system, and the next load starts in the chosen scheme before the app renders', async ({
    page,
  }) => {
    await signIn(page, ACCOUNTS.helpdesk);
    await expectScheme(page, 'dark');
    await page.getByRole('button', { name: /^Colours: as the system/ }).click();
    await page.getByRole('menuitemradio', { name: 'Light' }).click();
    await expectScheme(page, 'light');
    await expect(page.getByRole('button', { name: /^Colours: light/ })).toBeVisible();

    // Hold config.json: the app cannot render, so what shows is index.html and its script alone.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/config\.json$/, async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#root')).toBeEmpty();
    await expectScheme(page, 'light');
    release();
    await expect(page.getByTestId('signed-in-as')).toHaveText(ACCOUNTS.helpdesk.name);
    await expectScheme(page, 'light');
  });

  test('a dark system gets a dark page before the app renders', async ({ page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/config\.json$/, async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#root')).toBeEmpty();
    await expectScheme(page, 'dark');
    release();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});

/**
 * The production build, served under a path prefix behind the shipped security headers, with the
 * emulator on another origin as the authority and Graph. Every section is used, including the
 * silent-renewal frame and a sign-in that has to start again, and the browser must report no
 * Content-Security-Policy or Trusted Types violation anywhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  expect,
  request,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from './support/test';
import { startProductionSite, type ProductionSite } from '../support/production-site';
import { ACCOUNTS, fillVerification, openUser, type DemoAccount } from './support/demo';

const BASE_PATH = '/it/tapdesk/';
const SIOBHAN = { name: "Siobhán O'Brien", search: 'siobh' };

let site: ProductionSite;
let outDir: string;
let http: APIRequestContext;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tapdesk-production-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--configLoader', 'runner', '--outDir', outDir, '--logLevel', 'error'],
    { env: { ...process.env, BASE_PATH }, stdio: 'inherit' },
  );
  site = await startProductionSite({ distDir: outDir, basePath: BASE_PATH });
  http = await request.newContext({ ignoreHTTPSErrors: true });
});

test.afterAll(async () => {
  await http.dispose();
  await site.close();
  rmSync(outDir, { recursive: true, force: true });
});

interface Seen {
  violations: string[];
  errors: string[];
}

/** Collects violations as each document (and frame) sees them, across navigations. */
async function watch(context: BrowserContext, page: Page): Promise<Seen> {
  const seen: Seen = { violations: [], errors: [] };
  await context.exposeBinding('__tapdeskCspViolation', (_source, text: string) => {
    seen.violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __tapdeskCspViolation(text: string): void })
        .__tapdeskCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI} on ${event.documentURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

async function signIn(page: Page, account: DemoAccount, path = '') {
  await page.goto(`${site.url}${path}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login\/.*\/authorize/);
  await page.getByRole('button', { name: new RegExp(account.name) }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(account.name);
  expect(new URL(page.url()).pathname.startsWith(BASE_PATH)).toBe(true);
}

async function control(path: string) {
  expect((await http.post(`${site.emulatorOrigin}/emulator/${path}`)).ok()).toBe(true);
}

test('every section works behind the production CSP under a path prefix, with no violation', async ({
  browser,
}) => {
  // Helpdesk: search, the user page, a pass handed over, renewal, a forced sign-in, sign-out.
  const helpdesk = await browser.newContext({ ignoreHTTPSErrors: true });
  await helpdesk.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await helpdesk.newPage();
  const helpdeskSeen = await watch(helpdesk, page);
  await signIn(page, ACCOUNTS.helpdesk, 'helpdesk');
  await openUser(page, SIOBHAN);
  expect(new URL(page.url()).pathname).toMatch(/^\/it\/tapdesk\/helpdesk\/users\//);

  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await fillVerification(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  const handover = page.getByRole('dialog', { name: /Temporary Access Pass for Siobhán/ });
  await expect(handover.getByRole('img', { name: /QR code for/ })).toBeVisible();
  await handover.getByRole('button', { name: 'Copy' }).click();
  await expect(handover.getByText(/^Copied\. TAP Desk empties the clipboard/)).toBeVisible();
  await expect(handover.getByText('Verification recorded')).toBeVisible();
  await handover.getByRole('button', { name: 'Close handover' }).first().click();
  await expect(handover).toBeHidden();

  // A deep link reloads through the host's fallback and lands on the same page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SIOBHAN.name })).toBeVisible();

  // An expired access token is renewed without the person noticing.
  const siobhanPage = page.url();
  await control('tokens/expire');
  await page.goto(`${site.url}helpdesk`);
  await page.getByLabel('Find a user').fill('jose');
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();

  // A dead sign-in: the silent attempt (hidden frame to the authority and back to redirect.html)
  // fails, and the person signs in again and returns to the same page.
  await control('tokens/expire');
  await control('sessions/revoke');
  await page.goto(siobhanPage);
  await page.waitForURL(/\/login\/.*\/authorize/);
  await page.getByRole('button', { name: new RegExp(ACCOUNTS.helpdesk.name) }).click();
  await expect(page).toHaveURL(siobhanPage);
  await expect(page.getByRole('heading', { level: 1, name: SIOBHAN.name })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await helpdesk.close();

  // Pilot: funnel, charts and grid, and a CSV export.
  const pilot = await browser.newContext({ ignoreHTTPSErrors: true });
  const pilotPage = await pilot.newPage();
  const pilotSeen = await watch(pilot, pilotPage);
  await signIn(pilotPage, ACCOUNTS.manager, 'pilot');
  await expect(pilotPage.getByText(/^Loaded [\d,]+ members as of/)).toBeVisible({
    timeout: 60_000,
  });
  await pilotPage.getByRole('button', { name: 'Export' }).click();
  const download = pilotPage.waitForEvent('download');
  await pilotPage.getByRole('menuitem', { name: 'Download as CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await pilot.close();

  // Audit: the joined record.
  const audit = await browser.newContext({ ignoreHTTPSErrors: true });
  const auditPage = await audit.newPage();
  const auditSeen = await watch(audit, auditPage);
  await signIn(auditPage, ACCOUNTS.auditor, 'audit');
  await expect(auditPage.getByRole('heading', { level: 1, name: 'Audit record' })).toBeVisible();
  await expect(auditPage.getByRole('grid').first()).toBeVisible();
  await expect(auditPage.getByText('TAP created').first()).toBeVisible();
  // A page that does not exist, and a section this role does not open.
  await auditPage.goto(`${site.url}no-such-page`);
  await expect(auditPage.getByRole('heading', { level: 1 })).toBeVisible();
  await auditPage.goto(`${site.url}pilot`);
  await expect(auditPage.getByRole('alert')).toContainText('TapDesk.PilotManager');
  await audit.close();

  // Someone without any TAP Desk role.
  const none = await browser.newContext({ ignoreHTTPSErrors: true });
  const nonePage = await none.newPage();
  const noneSeen = await watch(none, nonePage);
  await signIn(nonePage, ACCOUNTS.noRole);
  await expect(nonePage.getByRole('heading', { level: 1 })).toBeVisible();
  await none.close();

  for (const seen of [helpdeskSeen, pilotSeen, auditSeen, noneSeen]) {
    expect(seen.violations).toEqual([]);
    expect(
      seen.errors.filter((text) => /Content Security Policy|Trusted Type/i.test(text)),
    ).toEqual([]);
  }
  // What the browser reported to the server, from every document and frame.
  expect(site.violations()).toEqual([]);
});

test('the shipped headers are on every response, and only redirect.html may be framed', async () => {
  const get = (path: string) => http.get(`${site.url}${path}`, { maxRedirects: 0 });
  for (const path of ['', 'helpdesk/users/abc', 'config.json']) {
    const response = await get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cache-control']).toBe('no-cache');
  }
  const redirect = await get('redirect.html');
  expect(redirect.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  // A missing chunk is a 404, never index.html served as JavaScript.
  expect((await get('assets/missing.js')).status()).toBe(404);
});

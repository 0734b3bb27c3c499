/**
 * Decision 0020: the pilot page calls Graph as TAP Desk Reports, with a token that holds no write
 * scope, while the helpdesk calls it as TAP Desk. Read from the bearer tokens the browser sends.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Request } from './support/test';
import { ACCOUNTS, resetEmulator, signIn } from './support/demo';

const demo = JSON.parse(
  readFileSync(new URL('../../demo/config.json', import.meta.url), 'utf8'),
) as { auth: { clientId: string; reportsClientId: string } };

interface Claims {
  appid?: string;
  scp?: string;
}

/** The claims of the bearer token of each Graph request the page sends from now on. */
function graphTokens(page: Page): Claims[] {
  const seen: Claims[] = [];
  page.on('request', (request: Request) => {
    if (!new URL(request.url()).pathname.startsWith('/graph/')) return;
    const bearer = /^Bearer (.+)$/.exec(request.headers().authorization ?? '')?.[1];
    const payload = bearer?.split('.')[1];
    if (payload) seen.push(JSON.parse(Buffer.from(payload, 'base64url').toString()) as Claims);
  });
  return seen;
}

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('the pilot page reads Graph as TAP Desk Reports, and no token of it can write', async ({
  page,
}) => {
  const tokens = graphTokens(page);
  await signIn(page, ACCOUNTS.manager, '/pilot');
  await expect(page.getByText(/^Loaded [\d,]+ members as of/)).toBeVisible({ timeout: 60_000 });
  expect(tokens.length).toBeGreaterThan(0);
  for (const claims of tokens) {
    expect(claims.appid).toBe(demo.auth.reportsClientId);
    expect(claims.scp ?? '').not.toMatch(/ReadWrite/);
  }
});

test('the helpdesk reads and writes Graph as TAP Desk', async ({ page }) => {
  const tokens = graphTokens(page);
  await signIn(page, ACCOUNTS.helpdesk);
  await page.getByLabel('Find a user').fill('jose');
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
  expect(tokens.length).toBeGreaterThan(0);
  for (const claims of tokens) expect(claims.appid).toBe(demo.auth.clientId);
  expect(tokens[0]?.scp).toContain('UserAuthMethod-TAP.ReadWrite.All');
});

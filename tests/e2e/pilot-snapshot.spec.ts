import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, resetEmulator, signIn, signOut } from './support/demo';
import { funnelCount, PILOT_GROUP_ID, STAGES, truth } from './support/pilot';

/** Holds every matching request until the returned function is called. */
async function hold(page: Page, pattern: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(pattern, async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue().catch(() => undefined);
  });
  return { held, release };
}

/** Keys of the records the app keeps per account (src/lib/account-store.ts). */
function storedKeys(page: Page) {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('tapdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('account-data')) return resolve([]);
          const keys = db.transaction('account-data').objectStore('account-data').getAllKeys();
          keys.onsuccess = () => resolve(keys.result);
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('a reopened pilot paints the last snapshot before Graph answers, and signing out removes it', async ({
  page,
  request,
}) => {
  // Two pilot loads and a sign-in, on shared CI machines.
  test.setTimeout(3 * 60_000);
  const expected = await truth(request);

  // While the audit log is held, the first figures are on screen and marked partial.
  const audit = await hold(page, '**/graph/v1.0/auditLogs/**');
  await signIn(page, ACCOUNTS.manager, `/pilot?group=${PILOT_GROUP_ID}`);
  const partial = page.getByText(/^Partial: /).first();
  await expect(partial).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('funnel-count-member')).toBeVisible();
  await expectAccessible(page);
  audit.release();
  await expect(page.getByText(/^Loaded [\d,]+ members as of/)).toBeVisible({ timeout: 90_000 });
  await expect(partial).toBeHidden();
  for (const stage of STAGES)
    expect(await funnelCount(page, stage), stage).toBe(expected.counts[stage]);
  // Saving happens just after the last snapshot: wait until it is there.
  await expect.poll(() => storedKeys(page)).toHaveLength(1);

  // Leave the page for another, then reopen the pilot (a new document) with Graph on hold.
  await page.goto('/');
  await expect(page.getByTestId('signed-in-as')).toHaveText(ACCOUNTS.manager.name);
  const graph = await hold(page, '**/graph/v1.0/**');
  await page.goto(`/pilot?group=${PILOT_GROUP_ID}`);
  await expect(page.getByText(/^Showing the figures as of .+, refreshing…$/)).toBeVisible();
  for (const stage of STAGES)
    expect(await funnelCount(page, stage), stage).toBe(expected.counts[stage]);
  expect(graph.held.length).toBeGreaterThan(0);
  await expectAccessible(page);

  graph.release();
  await expect(page.getByText(/^Loaded [\d,]+ members as of/)).toBeVisible({ timeout: 90_000 });
  for (const stage of STAGES)
    expect(await funnelCount(page, stage), stage).toBe(expected.counts[stage]);

  await signOut(page);
  expect(await storedKeys(page)).toEqual([]);
});

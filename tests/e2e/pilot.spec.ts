import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { readFile } from 'node:fs/promises';
import { ACCOUNTS, resetEmulator, signIn } from './support/demo';
import { funnelCount, PILOT_GROUP_ID, STAGES, truth } from './support/pilot';

async function openDashboard(page: Page) {
  await signIn(page, ACCOUNTS.manager, '/pilot');
  await expect(page.getByRole('heading', { level: 1, name: 'Pilot progress' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`group=${PILOT_GROUP_ID}`));
}

async function waitUntilLoaded(page: Page, timeout = 60_000) {
  await expect(page.getByText(/^Loaded [\d,]+ members as of/)).toBeVisible({ timeout });
}

/** The CSV the grid exports, as UPNs (the second column). */
async function exportedUpns(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download as CSV' }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  // Every cell is quoted (src/lib/csv.ts); names may hold commas and doubled quotes.
  const cells = (line: string) =>
    (line.match(/"(?:[^"]|"")*"/g) ?? []).map((cell) => cell.slice(1, -1).replace(/""/g, '"'));
  const [header = '', ...rows] = lines;
  expect(cells(header).slice(0, 2)).toEqual(['Name', 'User name']);
  return rows.map((row) => cells(row)[1] ?? '');
}

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('the manager sees the demo pilot funnel exactly as the emulator counts it, and exports a stage', async ({
  page,
  request,
}) => {
  await openDashboard(page);
  await waitUntilLoaded(page);
  const expected = await truth(request);
  for (const stage of STAGES) {
    expect(await funnelCount(page, stage), stage).toBe(expected.counts[stage]);
  }
  // The headline counts both end states, which exclude each other.
  const passwordless = expected.counts.phoneSignInEnabled + expected.counts.passkeyRegistered;
  await expect(page.getByTestId('pilot-headline')).toContainText(
    `passwordless (${passwordless} of ${expected.counts.member})`,
  );
  // The daily chart's figures are there as a table too.
  await page.getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByRole('table', { name: 'Registrations per day' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Show as chart' }).click();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /^TAP used/ }).click();
  await expect(page).toHaveURL(/stage=tapUsed/);
  const count = expected.counts.tapUsed;
  await expect(page.getByRole('button', { name: /^TAP used/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText(`Reached: TAP used (${count})`)).toBeVisible();
  // The grid announces its row count: exactly the stage's members, plus the header row.
  await expect(page.getByRole('grid', { name: 'Pilot members' })).toHaveAttribute(
    'aria-rowcount',
    String(count + 1),
  );
  const upns = await exportedUpns(page);
  expect(upns.sort()).toEqual(expected.members.tapUsed.map((m) => m.userPrincipalName).sort());

  // A shared link opens the same view.
  await page.reload();
  await waitUntilLoaded(page);
  await expect(page.getByText(`Reached: TAP used (${count})`)).toBeVisible();
});

test('a 10,000-member pilot with 10% of requests throttled completes with correct counts and no per-member requests', async ({
  page,
  request,
}) => {
  test.setTimeout(6 * 60_000);
  await resetEmulator(request, { pilotSize: 10_000, throttleRate: 0.1 });
  await openDashboard(page);
  await waitUntilLoaded(page, 5 * 60_000);
  const expected = await truth(request);
  for (const stage of STAGES) {
    expect(await funnelCount(page, stage), stage).toBe(expected.counts[stage]);
  }
  expect(expected.counts.member).toBeGreaterThanOrEqual(10_000);

  const log = (await (await request.get('/emulator/requests')).json()) as {
    value: { method: string; path: string; status: number; batch?: boolean }[];
  };
  const graph = log.value.filter((entry) => entry.path.includes('/graph/'));
  const topLevel = graph.filter((entry) => !entry.batch);
  // Nothing addressed to one user went out on its own: per-member reads travel in $batch.
  expect(topLevel.filter((entry) => /\/users\/[^/?]+\/authentication/.test(entry.path))).toEqual(
    [],
  );
  expect(topLevel.some((entry) => entry.status === 429)).toBe(true);
  expect(topLevel.length).toBeLessThan(150);
});

for (const account of [ACCOUNTS.helpdesk, ACCOUNTS.auditor]) {
  test(`${account.name} cannot open the dashboard and is told which role it needs`, async ({
    page,
  }) => {
    await signIn(page, account, '/pilot');
    await expect(page.getByRole('alert')).toContainText(
      'Pilot needs the TapDesk.PilotManager app role',
    );
    await expect(page.getByRole('heading', { name: 'Pilot progress' })).toHaveCount(0);
  });
}

import {
  expect,
  test,
  type APIResponse,
  type Locator,
  type Page,
  type Request,
} from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, resetEmulator, signIn, signOut } from './support/demo';

// Seeded people behind each anomaly (emulator/seed/people.ts DEMO_FIXTURES).
const PORTAL_TAP = 'hana.suzuki@contoso.com'; // a TAP from the Entra admin center, no record
const ADMIN_WITH_TAP = 'kenji.tanaka@contoso.com'; // User Administrator given a TAP by Sam
const TWO_TAPS = 'liam.murphy@contoso.com'; // two TAPs within 24 hours
const RECORD_ONLY = 'omar.khan@contoso.com'; // a TAP Desk record with no audit event

const ANOMALIES = {
  noVerification: { label: 'No verification record', example: PORTAL_TAP },
  adminTarget: { label: 'Admin account', example: ADMIN_WITH_TAP },
  repeatWithin24h: { label: 'Repeat within 24 h', example: TWO_TAPS },
  noAuthenticator: { label: 'No passwordless method registered', example: TWO_TAPS },
  recordWithoutEvent: { label: 'Not in audit log', example: RECORD_ONLY },
} as const;

const day = (daysAgo: number) => {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
/** The seed's history spans three weeks; this range holds all of it. */
const RECORD_PATH = `/audit?from=${day(25)}&to=${day(0)}&activity=all`;

const grid = (page: Page) => page.getByRole('grid', { name: /Issuance record/ });
/** The data rows the grid has drawn: it virtualises, so rows scrolled far away are not there. */
const rows = (page: Page) =>
  grid(page)
    .getByRole('row')
    .filter({ hasNot: page.getByRole('columnheader') });
/** How many rows the grid holds, drawn or not, as it tells assistive technology. */
async function rowCount(page: Page): Promise<number> {
  return Number(await grid(page).getAttribute('aria-rowcount')) - 1;
}

/**
 * The first row of the page holding every text, scrolling the grid down to it as a keyboard user
 * would (the grid draws only the rows near the ones on screen).
 */
async function findRow(page: Page, ...texts: string[]) {
  const row = texts.reduce((found, text) => found.filter({ hasText: text }), rows(page)).first();
  if (await row.isVisible()) return row;
  // The When cell: the first holds the Details button, which a click would press.
  await rows(page).first().getByRole('gridcell').nth(1).click();
  for (let step = 0; step < 40 && !(await row.isVisible()); step++) {
    await page.keyboard.press('PageDown');
  }
  await expect(row).toBeVisible();
  return row;
}

/** A row's details dialog, opened from its Details button. */
async function openDetails(page: Page, row: Locator) {
  await row.getByRole('button', { name: 'Details' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Every bearer token the page sends to Graph, and every Graph request it makes. */
function watchGraph(page: Page) {
  const tokens = new Set<string>();
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/graph/')) return;
    requests.push(request);
    const auth = request.headers().authorization;
    if (auth?.startsWith('Bearer ')) tokens.add(auth.slice('Bearer '.length));
  });
  return { tokens, requests };
}

/** Graph's reports limit covers method writes too: wait as Graph asks, like any client must. */
async function honouringRetryAfter(send: () => Promise<APIResponse>): Promise<APIResponse> {
  for (let attempt = 0; ; attempt++) {
    const response = await send();
    if (response.status() !== 429 || attempt >= 5) return response;
    const seconds = Number(response.headers()['retry-after'] ?? '1');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

async function openRecord(page: Page) {
  await signIn(page, ACCOUNTS.auditor, RECORD_PATH);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit record' })).toBeVisible();
  await expect(grid(page)).toBeVisible();
}

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('the record joins each TAP with the caller verification behind it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openRecord(page);
  // At 1280 pixels the columns shown fit beside the filters: nothing scrolls sideways.
  await expect(rows(page).first()).toBeVisible();
  const fit = await grid(page).evaluate((element) => ({
    columns: Array.from(element.querySelectorAll('[role="columnheader"]')).reduce(
      (sum, header) => sum + header.getBoundingClientRect().width,
      0,
    ),
    grid: element.clientWidth,
  }));
  expect(fit.columns).toBeLessThanOrEqual(fit.grid);
  // A pass Sam issued through TAP Desk: who, on whom, and the verification record. The seed holds
  // more rows than a page, so each example is looked for among the rows flagged as it is.
  await page.getByRole('radio', { name: /^Admin account/ }).click();
  const kenji = await findRow(page, ADMIN_WITH_TAP, 'TAP created');
  await expect(kenji).toContainText('Sam Senior Helpdesk');
  const details = await openDetails(page, kenji);
  await expect(details).toContainText(/Ticket: INC\d{6}/);
  await expect(details).toContainText('Matched by person and time');
  await expectAccessible(page);
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toBeHidden();
  // The admin-center pass: the Global Administrator acted, and there is no record.
  await page.getByRole('radio', { name: /^No verification record/ }).click();
  const hana = await findRow(page, PORTAL_TAP, 'TAP created');
  await expect(hana).toContainText('Olga Ivanova');
  await expect(hana).toContainText('No record');
  // Authenticator registrations are part of the record too.
  await page.getByRole('radio', { name: /^Every row/ }).click();
  await findRow(page, 'Authenticator registered');
  await expectAccessible(page);
});

for (const [anomaly, { label, example }] of Object.entries(ANOMALIES)) {
  test(`the "${label}" filter shows only rows flagged so, with its count`, async ({ page }) => {
    await openRecord(page);
    const choice = page.getByRole('radio', { name: new RegExp(`^${label} \\(\\d+\\)`) });
    const text = await choice.locator('xpath=ancestor::label[1]').innerText();
    const count = Number(/\((\d+)\)/.exec(text)?.[1]);
    expect(count).toBeGreaterThan(0);
    // The radio follows the URL, so it shows checked once the view has changed.
    await choice.click();
    await expect(choice).toBeChecked();
    await expect(page).toHaveURL(new RegExp(`anomaly=${anomaly}`));
    const counted = new RegExp(`^${count} rows? ·`);
    await expect(page.getByRole('status').filter({ hasText: counted })).toBeVisible();
    const flagged = rows(page);
    await expect(flagged.first()).toBeVisible();
    await expect.poll(() => rowCount(page)).toBe(count);
    const shown = await flagged.count();
    for (let i = 0; i < shown; i++) await expect(flagged.nth(i)).toContainText(label);
    await findRow(page, example);
    // The URL holds the view: reloading shows the same rows.
    await page.reload();
    await expect(page.getByRole('radio', { name: new RegExp(`^${label}`) })).toBeChecked();
  });
}

test('each activity is filtered on the server, and the activity filter narrows the rows', async ({
  page,
}) => {
  const graph = watchGraph(page);
  await openRecord(page);
  const filters = graph.requests
    .filter((request) => request.url().includes('/auditLogs/directoryAudits'))
    .map((request) => new URL(request.url()).searchParams.get('$filter') ?? '');
  for (const activity of [
    'Admin registered security info',
    'Admin deleted security info',
    'User registered security info',
    // A person deleting their own passkey.
    'User deleted security info',
  ]) {
    const sent = filters.filter((filter) =>
      filter.includes(`activityDisplayName eq '${activity}'`),
    );
    expect(sent.length, activity).toBeGreaterThan(0);
    expect(sent.every((filter) => filter.includes('activityDateTime ge '))).toBe(true);
  }

  await page.getByRole('combobox', { name: 'Activity' }).click();
  await page.getByRole('option', { name: 'TAP created' }).click();
  await page.getByRole('button', { name: 'Show record' }).click();
  await expect(page).toHaveURL(/activity=tapCreated/);
  await expect(grid(page)).toHaveAccessibleName(/TAP created from/);
  const shown = rows(page);
  const count = await shown.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await expect(shown.nth(i)).toContainText(/TAP created|Verification record only/);
  }
});

test('a range past 30 days says the audit log no longer has it', async ({ page }) => {
  await signIn(page, ACCOUNTS.auditor, `/audit?from=${day(60)}&to=${day(0)}`);
  await expect(page.getByText('The audit log keeps 30 days')).toBeVisible();
});

test('read-only: read scopes only, only reads sent, no control that changes anything', async ({
  page,
}) => {
  const graph = watchGraph(page);
  await openRecord(page);

  expect(graph.tokens.size).toBeGreaterThan(0);
  for (const token of graph.tokens) {
    const scopes = String(decodeJwt(token).scp ?? '')
      .split(' ')
      .filter(Boolean);
    expect(scopes.length).toBeGreaterThan(0);
    expect(
      scopes.filter((scope) => /ReadWrite/i.test(scope)),
      `scp: ${scopes.join(' ')}`,
    ).toEqual([]);
  }

  for (const request of graph.requests) {
    if (request.method() === 'GET' || request.method() === 'OPTIONS') continue;
    expect(new URL(request.url()).pathname).toMatch(/\/\$batch$/);
    const items = (request.postDataJSON() as { requests: { method: string }[] }).requests;
    expect(items.every((item) => item.method === 'GET')).toBe(true);
  }

  const buttons = await page.getByRole('main').getByRole('button').allInnerTexts();
  for (const name of buttons) {
    expect(name).not.toMatch(/delete|revoke|issue|create|edit|save|remove|reset|approve/i);
  }
});

test('the emulator refuses the auditor’s own token on the write endpoints', async ({
  page,
  request,
}) => {
  const graph = watchGraph(page);
  await openRecord(page);
  const token = [...graph.tokens][0]!;
  const config = (await (await request.get('/config.json')).json()) as {
    verification: { siteId: string; listId: string };
  };
  const items = `/graph/v1.0/sites/${encodeURIComponent(config.verification.siteId)}/lists/${config.verification.listId}/items`;
  const answer = await request.post(items, {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      fields: {
        Title: 'INC-AUDIT',
        TargetUserId: '00000000-0000-0000-0000-000000000000',
        TargetUpn: 'x@contoso.com',
        IssuedByUpn: ACCOUNTS.auditor.upn,
        IssuedAt: new Date().toISOString(),
        VerificationMethod: 'In person with photo ID',
        Outcome: 'issued',
      },
    },
  });
  expect(answer.status()).toBe(403);
  const create = await request.post(
    `/graph/v1.0/users/${encodeURIComponent(TWO_TAPS)}/authentication/temporaryAccessPassMethods`,
    { headers: { Authorization: `Bearer ${token}` }, data: { lifetimeInMinutes: 60 } },
  );
  expect(create.status()).toBe(403);
});

test('a pass issued through TAP Desk shows joined with its record; one without a record is flagged', async ({
  page,
  request,
}) => {
  // Helen's helpdesk token, captured from her own session, stands in for the helpdesk screens.
  const graph = watchGraph(page);
  await signIn(page, ACCOUNTS.helpdesk, '/helpdesk');
  await page.getByLabel('Find a user').fill('emma');
  await expect.poll(() => graph.tokens.size).toBeGreaterThan(0);
  const helen = { Authorization: `Bearer ${[...graph.tokens][0]}` };
  const fixtures = (await (await request.get('/emulator/fixtures')).json()) as Record<
    string,
    { id: string; userPrincipalName: string; displayName: string }
  >;
  const config = (await (await request.get('/config.json')).json()) as {
    verification: { siteId: string; listId: string };
  };
  const emma = fixtures.nonPilotUser!;
  const siobhan = fixtures.pilotNothingYet!;
  const issue = (userId: string) =>
    honouringRetryAfter(() =>
      request.post(`/graph/v1.0/users/${userId}/authentication/temporaryAccessPassMethods`, {
        headers: helen,
        data: { lifetimeInMinutes: 60, isUsableOnce: true },
      }),
    );
  const created = await issue(emma.id);
  expect(created.status()).toBe(201);
  const tap = (await created.json()) as { id: string };
  const recorded = await request.post(
    `/graph/v1.0/sites/${encodeURIComponent(config.verification.siteId)}/lists/${config.verification.listId}/items`,
    {
      headers: helen,
      data: {
        fields: {
          Title: 'INC0424242',
          TargetUserId: emma.id,
          TargetUpn: emma.userPrincipalName,
          TargetDisplayName: emma.displayName,
          IssuedByUpn: ACCOUNTS.helpdesk.upn,
          IssuedByName: ACCOUNTS.helpdesk.name,
          IssuedAt: new Date().toISOString(),
          LifetimeMinutes: 60,
          IsUsableOnce: true,
          VerificationMethod: 'Manager confirmed by Teams video call',
          Ticket: 'INC0424242',
          Reason: 'Lost phone, new device',
          TapMethodId: tap.id,
          Outcome: 'issued',
        },
      },
    },
  );
  expect(recorded.status()).toBe(201);
  expect((await issue(siobhan.id)).status()).toBe(201); // and no record for this one

  await signOut(page);
  await signIn(page, ACCOUNTS.auditor, `/audit?from=${day(0)}&to=${day(0)}&activity=tapCreated`);
  const emmaRow = rows(page).filter({ hasText: emma.userPrincipalName });
  await expect(emmaRow).toContainText('Helen Helpdesk');
  await expect(emmaRow).toContainText('via TAP Desk');
  await expect(emmaRow).toContainText('Manager confirmed by Teams video call');
  await expect(emmaRow).toContainText('Still valid');
  await expect(emmaRow).not.toContainText('No verification record');
  const details = await openDetails(page, emmaRow);
  await expect(details).toContainText('Ticket: INC0424242');
  await expect(details).toContainText('Reason: Lost phone, new device');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  const siobhanRow = rows(page).filter({ hasText: siobhan.userPrincipalName });
  await expect(siobhanRow).toContainText('No record');
  await expect(siobhanRow).toContainText('No verification record');
});

test('a record claiming another issuer than the person who wrote it is flagged, with who is who', async ({
  page,
  request,
}) => {
  // Helen, signed in to TAP Desk, goes around it: she creates a pass straight through Graph and
  // writes a list item that says Sam Senior issued it.
  const graph = watchGraph(page);
  await signIn(page, ACCOUNTS.helpdesk, '/helpdesk');
  await page.getByLabel('Find a user').fill('emma');
  await expect.poll(() => graph.tokens.size).toBeGreaterThan(0);
  const helen = { Authorization: `Bearer ${[...graph.tokens][0]}` };
  const fixtures = (await (await request.get('/emulator/fixtures')).json()) as Record<
    string,
    { id: string; userPrincipalName: string; displayName: string }
  >;
  const config = (await (await request.get('/config.json')).json()) as {
    verification: { siteId: string; listId: string };
  };
  const emma = fixtures.nonPilotUser!;
  const created = await honouringRetryAfter(() =>
    request.post(`/graph/v1.0/users/${emma.id}/authentication/temporaryAccessPassMethods`, {
      headers: helen,
      data: { lifetimeInMinutes: 60, isUsableOnce: true },
    }),
  );
  expect(created.status()).toBe(201);
  const tap = (await created.json()) as { id: string };
  const items = `/graph/v1.0/sites/${encodeURIComponent(config.verification.siteId)}/lists/${config.verification.listId}/items`;
  const forged = await request.post(items, {
    headers: helen,
    data: {
      fields: {
        Title: 'INC0066666',
        TargetUserId: emma.id,
        TargetUpn: emma.userPrincipalName,
        TargetDisplayName: emma.displayName,
        IssuedByUpn: ACCOUNTS.seniorHelpdesk.upn,
        IssuedByName: ACCOUNTS.seniorHelpdesk.name,
        IssuedAt: new Date().toISOString(),
        LifetimeMinutes: 60,
        IsUsableOnce: true,
        VerificationMethod: 'In person with photo ID',
        Ticket: 'INC0066666',
        Reason: 'Forgot phone at home',
        TapMethodId: tap.id,
        Outcome: 'issued',
      },
    },
  });
  expect(forged.status()).toBe(201);
  // SharePoint stamps who really wrote it, and "Add only" stops her rewriting it afterwards.
  const item = (await forged.json()) as {
    id: string;
    createdBy: { user: { displayName: string } };
  };
  expect(item.createdBy.user.displayName).toBe(ACCOUNTS.helpdesk.name);
  const rewrite = await request.patch(`${items}/${item.id}/fields`, {
    headers: helen,
    data: { IssuedByUpn: ACCOUNTS.helpdesk.upn },
  });
  expect(rewrite.status()).toBe(403);

  await signOut(page);
  await signIn(page, ACCOUNTS.auditor, `/audit?from=${day(0)}&to=${day(0)}&activity=tapCreated`);
  const emmaRow = rows(page).filter({ hasText: emma.userPrincipalName });
  await expect(emmaRow).toHaveCount(1);
  await expect(emmaRow).toContainText(ACCOUNTS.helpdesk.name); // who acted, per Entra
  await expect(emmaRow).not.toContainText('No verification record');
  await expect(emmaRow).toContainText('Claims another issuer'); // ...and flagged
  await expect(
    emmaRow.getByTitle(/names an issuer other than the person SharePoint says wrote it/),
  ).toBeVisible();
  const details = await openDetails(page, emmaRow);
  await expect(details).toContainText('Ticket: INC0066666'); // joined with the record...
  await expect(details).toContainText(
    `It names ${ACCOUNTS.seniorHelpdesk.upn} as issuer; SharePoint says ${ACCOUNTS.helpdesk.name} (${ACCOUNTS.helpdesk.upn}) wrote it.`,
  );
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toBeHidden();

  // The filter counts it and explains it, and narrows the record to it.
  const choice = page.getByRole('radio', { name: /^Claims another issuer \(1\)/ });
  await expect(choice.locator('xpath=ancestor::label[1]')).toContainText(
    'TAP Desk always records the person signed in',
  );
  await choice.click();
  await expect(page).toHaveURL(/anomaly=issuerNotAuthor/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(emma.userPrincipalName);
});

/** The downloaded file's lines, each split into its cells (every cell is quoted). */
async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const chunks = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((line) =>
      line
        .slice(1, -1)
        .split('","')
        .map((cell) => cell.replace(/""/g, '"')),
    );
}

test('the CSV export holds the rows and columns the grid shows, in its order, and the page has no accessibility violations', async ({
  page,
}) => {
  await openRecord(page);
  const recordOnly = page.getByRole('radio', { name: /^Not in audit log/ });
  await recordOnly.click();
  await expect(recordOnly).toBeChecked();
  await expect.poll(() => rowCount(page)).toBeLessThan(15);
  const [header = [], ...lines] = await downloadCsv(page);
  expect(header).toEqual(['When', 'Activity', 'Acted by', 'Target', 'Verification', 'Anomalies']);
  expect(lines).toHaveLength(await rowCount(page));
  expect(lines.map((cells) => cells[3])).toContain(RECORD_ONLY);
  // Line by line, the grid's row: the same cells, but the instant in ISO 8601 for spreadsheets.
  const shown = rows(page);
  await expect(shown).toHaveCount(lines.length);
  for (const [index, cells] of lines.entries()) {
    const [when = '', ...rest] = cells;
    expect(Number.isNaN(Date.parse(when)), when).toBe(false);
    const texts = await shown.nth(index).getByRole('gridcell').allInnerTexts();
    expect(texts.slice(2, 5)).toEqual(rest.slice(0, 3));
    expect(texts[6]?.replace(/\s+/g, ' ')).toBe(rest[4]?.split('; ').join(' '));
  }

  await expectAccessible(page);
});

test('at 1366 by 900 the page holds at least 15 rows without scrolling, and the CSV every row the grid holds', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openRecord(page);
  await expect(rows(page).first()).toBeVisible();
  const total = await rowCount(page);
  expect(total).toBeGreaterThan(15);
  // Rows wholly on screen: below the column headers, inside the grid's scrolling area.
  const area = await grid(page).evaluate((element) => {
    let scroller = element.querySelector('[role="rowgroup"]');
    while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) {
      scroller = scroller.parentElement;
    }
    const headers = Array.from(element.querySelectorAll('[role="columnheader"]'));
    return {
      top: Math.max(...headers.map((header) => header.getBoundingClientRect().bottom)),
      bottom: Math.min(scroller?.getBoundingClientRect().bottom ?? Infinity, window.innerHeight),
    };
  });
  const whole = await rows(page).evaluateAll(
    (elements, { top, bottom }) =>
      elements.filter((element) => {
        const box = element.getBoundingClientRect();
        return box.height > 0 && box.top >= top - 1 && box.bottom <= bottom + 1;
      }).length,
    area,
  );
  expect(whole).toBeGreaterThanOrEqual(15);
  const heights = await page.evaluate(() => ({
    page: document.scrollingElement?.scrollHeight ?? Infinity,
    window: window.innerHeight,
  }));
  expect(heights.page).toBeLessThanOrEqual(heights.window);

  const [, ...lines] = await downloadCsv(page);
  expect(lines).toHaveLength(total);
});

import { expect, test, type APIRequestContext, type Page } from './support/test';
import { ACCOUNTS, fillVerification, openUser, resetEmulator, signIn } from './support/demo';

// Every pass accounted for (decision 0009): faults injected into the emulator's Graph and list
// writes, cancels, double clicks, a second agent and a closed tab. After each, the emulator's own
// state is the judge: how many passes exist, what the verification list holds, how many create
// calls were sent.

const SIOBHAN = { name: "Siobhán O'Brien", upn: 'siobhan.obrien@contoso.com', search: 'siobh' };
const CREATE_PATH = '/users/*/authentication/temporaryAccessPassMethods';
const LIST_WRITE_PATH = '/sites/*/lists/*/items';

interface Truth {
  temporaryAccessPass: { id: string; createdDateTime: string } | null;
  verificationRecords: { id: string; createdBy: string; fields: Record<string, unknown> }[];
}

async function truth(request: APIRequestContext): Promise<Truth> {
  const response = await request.get(`/emulator/users/${SIOBHAN.upn}/tap`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Truth;
}

async function fault(request: APIRequestContext, body: object) {
  const response = await request.post('/emulator/faults', { data: { times: 1, ...body } });
  expect(response.ok(), await response.text()).toBe(true);
}

/**
 * Create-pass POSTs Graph may have acted on: every one but those answered 429, which Graph
 * refuses untouched (the fault's, or the shared reports limit's) and the client may resend.
 */
async function createPosts(request: APIRequestContext): Promise<number> {
  const log = (await (await request.get('/emulator/requests')).json()) as {
    value: { method: string; path: string; status: number }[];
  };
  return log.value.filter(
    (entry) =>
      entry.method === 'POST' &&
      /temporaryAccessPassMethods$/.test(entry.path) &&
      entry.status !== 429,
  ).length;
}

/** The list's items about Siobhán as attempts: one pending item and its completions each. */
function attempts(records: Truth['verificationRecords']) {
  const byId = new Map<string, { pending: number; completions: Record<string, unknown>[] }>();
  for (const record of records) {
    const id = String(record.fields.AttemptId ?? `legacy-${record.id}`);
    const attempt = byId.get(id) ?? { pending: 0, completions: [] };
    if (record.fields.Outcome === 'pending') attempt.pending++;
    else attempt.completions.push(record.fields);
    byId.set(id, attempt);
  }
  return [...byId.values()];
}

/** Exactly one attempt, written once, completed once, with this outcome. */
async function expectOneAttempt(
  request: APIRequestContext,
  outcome: string,
  more: Record<string, unknown> = {},
) {
  await expect
    .poll(async () => attempts((await truth(request)).verificationRecords))
    .toEqual([
      { pending: 1, completions: [expect.objectContaining({ Outcome: outcome, ...more })] },
    ]);
}

async function startIssuing(page: Page) {
  await signIn(page, ACCOUNTS.helpdesk);
  await openUser(page, SIOBHAN);
  await page.getByRole('button', { name: 'Issue a Temporary Access Pass' }).click();
  await fillVerification(page);
}

/** Ticks every warning the form asks the agent to confirm (an active pass, a recent one). */
async function confirmWarnings(page: Page) {
  const boxes = page.getByRole('alert').getByRole('checkbox');
  for (const box of await boxes.all()) await box.check();
}

const handover = (page: Page) =>
  page.getByRole('dialog', { name: /Temporary Access Pass for Siobhán/ });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
  await request.delete('/emulator/requests');
});

test.describe('a fault on the create call', () => {
  test('throttle: waits out Retry-After with a countdown, then issues one pass', async ({
    page,
    request,
  }) => {
    await fault(request, {
      method: 'POST',
      path: CREATE_PATH,
      fault: 'throttle',
      retryAfterSeconds: 3,
    });
    await startIssuing(page);
    await page.getByRole('button', { name: 'Issue pass' }).click();
    await expect(page.getByTestId('issue-progress')).toContainText(
      /asked TAP Desk to wait: trying again in \d+ s/,
    );
    await expect(handover(page)).toBeVisible();
    const state = await truth(request);
    expect(state.temporaryAccessPass).not.toBeNull();
    await expectOneAttempt(request, 'issued', { TapMethodId: state.temporaryAccessPass?.id });
    expect(await createPosts(request)).toBe(1); // and the 429 before it, which Graph refused untouched
  });

  test('unavailable: nothing is resent, nothing was issued, and the page says so', async ({
    page,
    request,
  }) => {
    await fault(request, { method: 'POST', path: CREATE_PATH, fault: 'unavailable' });
    await startIssuing(page);
    await page.getByRole('button', { name: 'Issue pass' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'No pass was issued' })).toContainText(
      'safe to try again',
    );
    await expect(handover(page)).toHaveCount(0);
    expect((await truth(request)).temporaryAccessPass).toBeNull();
    await expectOneAttempt(request, 'failed', { ErrorCode: 'serviceNotAvailable' });
    expect(await createPosts(request)).toBe(1);
  });

  for (const kind of ['timeout-after-commit', 'drop-after-commit'] as const) {
    test(`${kind}: the pass exists but its value is lost; it is recorded and can be replaced`, async ({
      page,
      request,
    }) => {
      await fault(request, { method: 'POST', path: CREATE_PATH, fault: kind });
      await startIssuing(page);
      await page.getByRole('button', { name: 'Issue pass' }).click();
      const lost = page.getByTestId('value-lost');
      await expect(lost).toContainText('its value was never shown');
      await expect(lost).toContainText('Graph shows a pass only once');
      await expect(handover(page)).toHaveCount(0);
      const state = await truth(request);
      expect(state.temporaryAccessPass).not.toBeNull();
      await expectOneAttempt(request, 'issued', {
        TapMethodId: state.temporaryAccessPass?.id,
        ErrorCode: 'valueNotShown',
      });
      expect(await createPosts(request)).toBe(1);

      // Replacing it is a new, confirmed attempt that hands over a working pass.
      await lost.getByRole('button', { name: 'Replace the pass' }).click();
      await fillVerification(page);
      await expect(page.getByRole('checkbox', { name: 'Replace the current pass' })).toBeVisible();
      await confirmWarnings(page);
      await page.getByRole('button', { name: 'Issue pass' }).click();
      await expect(handover(page)).toBeVisible();
      expect(await createPosts(request)).toBe(2);
    });
  }

  test('slow: the agent sees progress, and exactly one pass is issued', async ({
    page,
    request,
  }) => {
    await fault(request, { method: 'POST', path: CREATE_PATH, fault: 'slow', ms: 2_500 });
    await startIssuing(page);
    await page.getByRole('button', { name: 'Issue pass' }).click();
    await expect(page.getByTestId('issue-progress')).toContainText(
      'Asking Microsoft Entra for the pass',
    );
    await expect(handover(page)).toBeVisible();
    await expectOneAttempt(request, 'issued');
    expect(await createPosts(request)).toBe(1);
  });
});

test.describe('a fault on the record written before the pass', () => {
  test('throttle: the record waits out Retry-After, then the pass is issued', async ({
    page,
    request,
  }) => {
    await fault(request, {
      method: 'POST',
      path: LIST_WRITE_PATH,
      fault: 'throttle',
      retryAfterSeconds: 1,
    });
    await startIssuing(page);
    await page.getByRole('button', { name: 'Issue pass' }).click();
    await expect(handover(page)).toBeVisible();
    expect((await truth(request)).temporaryAccessPass).not.toBeNull();
    await expectOneAttempt(request, 'issued');
    expect(await createPosts(request)).toBe(1);
  });

  test('unavailable: no record, so no pass; the form keeps what was typed', async ({
    page,
    request,
  }) => {
    await fault(request, { method: 'POST', path: LIST_WRITE_PATH, fault: 'unavailable' });
    await startIssuing(page);
    await page.getByRole('button', { name: 'Issue pass' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'the verification record could not be saved' }),
    ).toContainText('No pass was issued');
    await expect(page.getByLabel('Ticket reference')).toHaveValue('INC0012345');
    const state = await truth(request);
    expect(state.temporaryAccessPass).toBeNull();
    expect(state.verificationRecords).toEqual([]);
    expect(await createPosts(request)).toBe(0);
  });

  test('timeout-after-commit: the record is read back, not written twice, and the pass issued', async ({
    page,
    request,
  }) => {
    await fault(request, { method: 'POST', path: LIST_WRITE_PATH, fault: 'timeout-after-commit' });
    await startIssuing(page);
    await page.getByRole('button', { name: 'Issue pass' }).click();
    await expect(handover(page)).toBeVisible();
    await expectOneAttempt(request, 'issued');
    expect(await createPosts(request)).toBe(1);
  });
});

test('Cancel during a slow create never opens the handover, and the pass that appears is recorded', async ({
  page,
  request,
}) => {
  // The slow request is throttled after its wait if the page's reads used up the reports limit;
  // this test is about Cancel, so the limit is lifted.
  await resetEmulator(request, { reportsLimit: { requests: 1000, windowSeconds: 10 } });
  await fault(request, { method: 'POST', path: CREATE_PATH, fault: 'slow', ms: 3_000 });
  await startIssuing(page);
  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && /temporaryAccessPassMethods$/.test(r.url()),
  );
  await page.getByRole('button', { name: 'Issue pass' }).click();
  await sent;
  // Cancel once Graph holds the request: it goes on with it, as a real server would.
  await expect
    .poll(async () => (await request.get('/emulator/faults')).json())
    .toEqual({ value: [] });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toContainText(
    'a pass may still be created',
  );
  // Graph finishes the request it had received; the page notices and records it.
  await expect(page.getByTestId('value-lost')).toContainText('its value was never shown', {
    timeout: 30_000,
  });
  await expect(handover(page)).toHaveCount(0);
  const state = await truth(request);
  await expectOneAttempt(request, 'issued', {
    TapMethodId: state.temporaryAccessPass?.id,
    ErrorCode: 'valueNotShown',
  });
  expect(await createPosts(request)).toBe(1);
});

test('a double click and a repeated Enter send one create request', async ({ page, request }) => {
  await fault(request, { method: 'POST', path: CREATE_PATH, fault: 'slow', ms: 1_000 });
  await startIssuing(page);
  await page.getByRole('button', { name: 'Issue pass' }).dblclick();
  await page.getByLabel('Ticket reference').press('Enter');
  await page.getByLabel('Ticket reference').press('Enter');
  await expect(handover(page)).toBeVisible();
  expect(await createPosts(request)).toBe(1);
  await expectOneAttempt(request, 'issued');
});

test('two agents, one user: the re-check stops a silent replace, and a handover notices its pass is gone', async ({
  page,
  request,
}) => {
  test.slow(); // the handover polls Graph's shared limit gently: up to 30 s between reads
  await startIssuing(page);
  // Sam issues a pass in the Entra admin center while Helen is filling in the form.
  const sam = { action: 'create', by: ACCOUNTS.seniorHelpdesk.upn };
  expect((await request.post(`/emulator/users/${SIOBHAN.upn}/tap`, { data: sam })).ok()).toBe(true);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'something changed' })).toContainText(
    'after you opened this page',
  );
  expect(await createPosts(request)).toBe(0);

  // Helen confirms the replacement she now knows about.
  await expect(page.getByRole('checkbox', { name: 'Replace the current pass' })).toBeVisible();
  await confirmWarnings(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  await expect(handover(page)).toBeVisible();
  await expect(page.getByTestId('pass-char-value').first()).toBeVisible();
  await expectOneAttempt(request, 'replaced');

  // Sam replaces it again: Helen's handover hides the dead value and says why.
  expect((await request.post(`/emulator/users/${SIOBHAN.upn}/tap`, { data: sam })).ok()).toBe(true);
  await expect(handover(page).getByTestId('pass-superseded')).toContainText(
    'This pass no longer exists',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('pass-char-value')).toHaveCount(0);
  await expect(handover(page).getByRole('button', { name: 'Copy' })).toBeDisabled();
});

test('a tab closed during a slow create leaves a pending record that the next visit completes', async ({
  page,
  context,
  request,
}) => {
  await resetEmulator(request, { reportsLimit: { requests: 1000, windowSeconds: 10 } });
  await fault(request, { method: 'POST', path: CREATE_PATH, fault: 'slow', ms: 2_000 });
  await startIssuing(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  await expect(page.getByTestId('issue-progress')).toContainText('Asking Microsoft Entra');
  // Close once Graph holds the request (the fault is used up when it fires).
  await expect
    .poll(async () => (await request.get('/emulator/faults')).json())
    .toEqual({ value: [] });
  await page.close();
  await expect
    .poll(async () => (await truth(request)).temporaryAccessPass, { timeout: 15_000 })
    .not.toBeNull();
  expect(attempts((await truth(request)).verificationRecords)).toEqual([
    { pending: 1, completions: [] },
  ]);

  const again = await context.newPage();
  await signIn(again, ACCOUNTS.helpdesk);
  await openUser(again, SIOBHAN);
  await expect(again.getByTestId('value-lost')).toContainText('Recorded for Helen Helpdesk');
  const state = await truth(request);
  await expectOneAttempt(request, 'issued', {
    TapMethodId: state.temporaryAccessPass?.id,
    ErrorCode: 'valueNotShown',
  });
  expect(await createPosts(request)).toBe(1);
});

test('the pass leaves the clipboard, hides with the tab, and never prints', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startIssuing(page);
  await page.getByRole('button', { name: 'Issue pass' }).click();
  const view = handover(page);
  await expect(view).toBeVisible();
  await expect(view.getByText(/Clipboard history .* can keep a copy/)).toBeVisible();

  // Printing: the pass section is not part of the printed page.
  const pass = view.getByRole('region', { name: 'The pass' });
  await expect(pass).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(pass).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(pass).toBeVisible();

  await view.getByRole('button', { name: 'Copy' }).click();
  await expect(view.getByText(/^Copied\./)).toBeVisible();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  expect(await clipboard()).not.toBe('');

  // The tab is hidden (the agent switches away): the pass hides and the clipboard is emptied.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  await expect(view.getByTestId('pass-char-value')).toHaveCount(0);
  await expect(view.getByRole('button', { name: 'Copy' })).toBeDisabled();
  await expect.poll(clipboard).toBe('');
});

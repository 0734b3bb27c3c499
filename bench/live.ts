/**
 * Goals 1 and 2 of issue #14: how long the helpdesk's live view (the user page's "Current stage")
 * takes to show what the caller just did on their phone. Each agent is a browser context of its
 * own (its own tab session) on the real app; each watches callers of its own. Per measurement the
 * caller has a fresh pass (issued through the emulator's admin centre), the agent opens the
 * caller's page and waits for "TAP issued", and after an offset spread over the first poll
 * interval the caller signs in with the pass (the emulator's phone control). Detection is from
 * that control call to the page showing "TAP used", both timed in Node.
 */
import type { Page } from '@playwright/test';
import { ACCOUNTS, nothingYet, type BenchSite, type Person } from './site';

/** The live view's first poll (src/graph/live-pace.ts FIRST_MS). */
export const FIRST_POLL_MS = 5_000;
const STAGE = '[data-testid="onboarding-stage"]';
/** Past this a detection counts as missed; at 20 agents the figure is held to 45 s. */
export const DETECT_TIMEOUT_MS = 120_000;

export interface LiveFigures {
  agents: number;
  /** Control call to "TAP used" on screen, one per measurement, in ms. */
  samples: number[];
  /** Distinct error messages any agent's page showed. */
  errors: string[];
  /** Measurements that never showed the new stage. */
  missed: number;
  /** Callers whose page never opened or never showed "TAP issued", so nothing was measured. */
  unopened: number;
  /** Graph answers of 429 the agents' pages received. */
  throttled: number;
  /** Agent pages the browser reported hidden (TanStack pauses polling there). */
  hidden: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Records every error alert the page shows, even one a retry clears a moment later. */
function watchErrors() {
  const seen = new Set<string>();
  (window as unknown as { __benchErrors: Set<string> }).__benchErrors = seen;
  setInterval(() => {
    for (const alert of Array.from(document.querySelectorAll('[role="alert"]'))) {
      if (/Error/.test(alert.className)) seen.add((alert.textContent ?? '').slice(0, 160));
    }
  }, 250);
}

async function agentPage(site: BenchSite): Promise<Page> {
  return site.signedIn(ACCOUNTS.helpdesk, (context) => context.addInitScript(watchErrors));
}

async function pageErrors(page: Page): Promise<string[]> {
  return page
    .evaluate(() => [
      ...((window as unknown as { __benchErrors?: Set<string> }).__benchErrors ?? []),
    ])
    .catch(() => []);
}

interface Caller extends Person {
  pass: string;
}

/**
 * The next caller with a fresh pass. People outside the pass policy's targets (guests, some
 * fixtures) are refused one, as in Entra; they are passed over.
 */
async function nextCaller(site: BenchSite, pool: Person[]): Promise<Caller> {
  for (let person = pool.shift(); person; person = pool.shift()) {
    const upn = encodeURIComponent(person.userPrincipalName);
    const issued = (await site
      .control(`/emulator/users/${upn}/tap`, {
        method: 'POST',
        // One-time, so its use shows in Graph (a multi-use pass's use shows nowhere in v1.0).
        body: { action: 'create', by: ACCOUNTS.helpdesk.upn, isUsableOnce: true },
      })
      .catch(() => null)) as { temporaryAccessPass: { temporaryAccessPass: string } } | null;
    if (issued) return { ...person, pass: issued.temporaryAccessPass.temporaryAccessPass };
  }
  throw new Error('bench: no pilot member left who has nothing yet and may have a pass');
}

/** Opens the caller's page, then times the caller's sign-in with their pass. */
async function measureOnce(
  site: BenchSite,
  page: Page,
  caller: Caller,
  offsetMs: number,
): Promise<number | null | 'refused' | 'unopened'> {
  try {
    await page.goto(site.at(`helpdesk/users/${encodeURIComponent(caller.id)}`));
    await page.locator(STAGE, { hasText: 'TAP issued' }).waitFor({ timeout: DETECT_TIMEOUT_MS });
  } catch {
    return 'unopened';
  }
  await sleep(offsetMs);
  const started = performance.now();
  const signedIn = await site
    .control(`/emulator/users/${encodeURIComponent(caller.userPrincipalName)}/phone`, {
      method: 'POST',
      body: { action: 'redeem-tap', tap: caller.pass },
    })
    .then(() => true)
    .catch(() => false);
  // A disabled account cannot sign in at all: nothing to detect, so another caller stands in.
  if (!signedIn) return 'refused';
  try {
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('TAP used') ?? false,
      STAGE,
      { timeout: DETECT_TIMEOUT_MS, polling: 50 },
    );
  } catch {
    return null;
  }
  return performance.now() - started;
}

/**
 * `agents` agents at once, each measuring `runs` callers in turn. Offsets walk the first poll
 * interval (golden-ratio steps), so the figures cover every phase of the poll, not a lucky one.
 */
export async function liveFigures(
  site: BenchSite,
  agents: number,
  runs: number,
  whileRunning?: () => Promise<void>,
): Promise<LiveFigures> {
  const pool = await nothingYet(site);
  const pages: Page[] = [];
  for (let i = 0; i < agents; i++) pages.push(await agentPage(site));
  let throttled = 0;
  for (const page of pages) {
    page.on('response', (response) => {
      if (response.status() === 429 && response.url().includes('/graph/')) throttled++;
    });
  }
  await whileRunning?.();
  const samples: number[] = [];
  let missed = 0;
  let unopened = 0;
  let hidden = 0;
  await Promise.all(
    pages.map(async (page, agent) => {
      for (let run = 0; run < runs; run++) {
        const offset = (((agent * runs + run) * 0.618_034) % 1) * FIRST_POLL_MS;
        const detected = await measureOnce(site, page, await nextCaller(site, pool), offset);
        if (detected === 'refused') {
          run--;
          continue;
        }
        if (detected === 'unopened') unopened++;
        else if (detected === null) missed++;
        else samples.push(detected);
        const shown =
          typeof detected === 'number'
            ? `${(detected / 1000).toFixed(1)} s`
            : (detected ?? 'missed');
        console.error(`  agent ${agent + 1}, caller ${run + 1}: ${shown}`);
      }
      const visibility = await page.evaluate(() => document.visibilityState).catch(() => 'visible');
      if (visibility !== 'visible') hidden++;
    }),
  );
  const errors = new Set<string>();
  for (const page of pages) for (const error of await pageErrors(page)) errors.add(error);
  for (const page of pages) await page.context().close();
  return { agents, samples, errors: [...errors], missed, unopened, throttled, hidden };
}

/**
 * A manager loading the pilot over and over (a fresh tab session each time, so each load is a
 * full one) until `stop` is called; resolves once the first load is under way.
 */
export async function managerLoadingPilot(
  site: BenchSite,
): Promise<{ loads: () => number; stop: () => Promise<void> }> {
  let stopping = false;
  let loads = 0;
  let current: Page | undefined;
  let started: () => void = () => undefined;
  const underWay = new Promise<void>((done) => (started = done));
  let failed: unknown;
  const loop = (async () => {
    while (!stopping) {
      const page = await site.signedIn(ACCOUNTS.manager);
      current = page;
      await page.goto(site.at('pilot'));
      await page.getByRole('heading', { level: 1, name: 'Pilot progress' }).waitFor();
      started();
      try {
        await page.getByText(/^Loaded [\d,]+ members as of/).waitFor({ timeout: 0 });
        loads++;
      } catch {
        // Closed by stop() mid-load.
      }
      await page.context().close();
    }
  })().catch((error: unknown) => {
    failed = error;
    started();
  });
  await underWay;
  if (failed) throw failed;
  return {
    loads: () => loads,
    async stop() {
      stopping = true;
      await current?.context().close();
      await loop;
    },
  };
}

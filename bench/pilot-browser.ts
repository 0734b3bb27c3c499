/**
 * Goals 3 and 4 of issue #14: the manager opens the pilot dashboard in Chromium on the production
 * build. Timed in the page (from navigation start): the first funnel figures and whether the page
 * then still said it was loading, and the full table ("Loaded N members as of …"); then the pilot
 * reopened in the same tab session. Sampled meanwhile: the JS heap (CDP), every long task
 * (PerformanceObserver), and the emulator's log of Graph requests.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_REPORTS_LIMIT } from '../emulator/graph/reports-limit';
import { secondsAtLimit } from '../src/graph/request-budget';
import { ACCOUNTS, isReportsClass, type BenchSite } from './site';

const FULL_TABLE_TIMEOUT_MS = 45 * 60_000;
/** How long the page is watched after the full table, for the work that completion starts. */
const SETTLE_MS = 3_000;
/** The reopened pilot should show its last snapshot at once; past this it is printed as over. */
export const REOPEN_TIMEOUT_MS = 30_000;

export interface PilotFigures {
  members: number;
  /** Navigation start to the first funnel figure, ms. */
  firstFigures: number | null;
  /** Whether the page still said it was loading (the figures are partial) at that moment. */
  markedPartial: boolean;
  /** Navigation start to "Loaded N members", ms. */
  fullTable: number | null;
  reportRequests: number;
  httpRequests: number;
  throttled: number;
  /** What the reports-class requests cost at Graph's 5 per 10 s, ms. */
  floor: number;
  peakHeapBytes: number;
  longestTask: number;
  /** When it started, ms from navigation start: boot, the load, or the full table. */
  longestTaskAt: number;
  longTasks: number;
  /** Navigation start to the first funnel figure when the pilot is opened again, ms; null: over REOPEN_TIMEOUT_MS. */
  reopen: number | null;
  /** Whether the reopened page showed the full table at once. */
  reopenComplete: boolean;
}

interface Marks {
  first: number | null;
  statusAtFirst: string;
  completeAtFirst: boolean;
  complete: number | null;
  longest: number;
  longestAt: number;
  longTasks: number;
}

/** Runs in each document of the site before the app: marks what the person sees and when. */
function markPilot(siteOrigin: string) {
  if (location.origin !== siteOrigin) return;
  const marks: Marks = {
    first: null,
    statusAtFirst: '',
    completeAtFirst: false,
    complete: null,
    longest: 0,
    longestAt: 0,
    longTasks: 0,
  };
  (window as unknown as { __bench: Marks }).__bench = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      marks.longTasks++;
      if (entry.duration > marks.longest) {
        marks.longest = entry.duration;
        marks.longestAt = entry.startTime;
      }
    }
  }).observe({ type: 'longtask', buffered: true });
  const statuses = () =>
    Array.from(document.querySelectorAll('[role="status"]')).map((el) => el.textContent ?? '');
  const complete = () => statuses().some((text) => /^Loaded [\d,]+ members as of/.test(text));
  setInterval(() => {
    if (marks.first === null && document.querySelector('[data-testid^="funnel-count-"]')) {
      marks.first = performance.now();
      marks.completeAtFirst = complete();
      marks.statusAtFirst = statuses().join(' ');
    }
    if (marks.complete === null && complete()) marks.complete = performance.now();
  }, 50);
}

const marksOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);

/** Samples the renderer's JS heap every half second until stopped; resolves to the peak. */
async function sampleHeap(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
      const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((done) => setTimeout(done, 500));
    }
  })();
  return async () => {
    sampling = false;
    await loop;
    await cdp.detach().catch(() => undefined);
    return peak;
  };
}

export async function pilotFigures(site: BenchSite): Promise<PilotFigures> {
  const origin = new URL(site.url).origin;
  const page = await site.signedIn(ACCOUNTS.manager, (context) =>
    context.addInitScript(markPilot, origin),
  );
  await site.clearLog();
  const stopHeap = await sampleHeap(page);
  await page.goto(site.at('pilot'));
  // A long load says where it is on stderr, so a stall shows what the page shows.
  const progress = setInterval(() => {
    void page
      .locator('[role="status"], [role="alert"]')
      .allTextContents()
      .then((texts) => console.error(`  … ${texts.join(' | ').slice(0, 200)}`))
      .catch(() => undefined);
  }, 30_000);
  await page
    .waitForFunction(
      () => (window as unknown as { __bench?: Marks }).__bench?.complete != null,
      undefined,
      { timeout: FULL_TABLE_TIMEOUT_MS, polling: 500 },
    )
    .finally(() => clearInterval(progress));
  // What follows completion counts too: the table's sort and the snapshot's save run after it.
  await page.waitForTimeout(SETTLE_MS);
  const peakHeapBytes = await stopHeap();
  const marks = await marksOf(page);
  const log = await site.graphLog();
  const loaded = await page.getByText(/^Loaded [\d,]+ members as of/).textContent();
  const reportRequests = log.filter(isReportsClass).length;

  // Reopened in the same tab session: away to the home page, then back.
  await page.goto(site.url);
  await page.getByTestId('signed-in-as').waitFor();
  await page.goto(site.at('pilot'));
  const shown = await page
    .waitForFunction(
      () => (window as unknown as { __bench?: Marks }).__bench?.first != null,
      undefined,
      { timeout: REOPEN_TIMEOUT_MS, polling: 100 },
    )
    .then(() => true)
    .catch(() => false);
  const reopened = await marksOf(page);
  await page.context().close();

  return {
    members: Number((/Loaded ([\d,]+)/.exec(loaded ?? '')?.[1] ?? '0').replace(/,/g, '')),
    firstFigures: marks.first,
    markedPartial: marks.first !== null && !marks.completeAtFirst && marks.statusAtFirst !== '',
    fullTable: marks.complete,
    reportRequests,
    httpRequests: log.filter((entry) => !entry.batch).length,
    throttled: log.filter((entry) => entry.status === 429).length,
    floor: secondsAtLimit(reportRequests, DEFAULT_REPORTS_LIMIT) * 1000,
    peakHeapBytes,
    longestTask: marks.longest,
    longestTaskAt: marks.longestAt,
    longTasks: marks.longTasks,
    reopen: shown ? reopened.first : null,
    reopenComplete: shown && reopened.completeAtFirst,
  };
}

/** The tables `npm run bench` prints for issue #14's goals, each with its target beside it. */
import { DEFAULT_REPORTS_LIMIT } from '../emulator/graph/reports-limit';
import { secondsAtLimit } from '../src/graph/request-budget';
import { markdownTable } from './bundle';
import { count, megabytes, p50p95, percentile, ratio, seconds, yesNo } from './figures';
import { DETECT_TIMEOUT_MS, FIRST_POLL_MS, type LiveFigures } from './live';
import { REOPEN_TIMEOUT_MS, type PilotFigures } from './pilot-browser';
import { TYPED_NAME, type SearchFigures } from './search';

const LIMIT = `${DEFAULT_REPORTS_LIMIT.requests} per ${DEFAULT_REPORTS_LIMIT.windowSeconds} s`;
/** Seconds between one agent's reads when N agents share the limit evenly. */
const shareMs = (agents: number) => secondsAtLimit(agents, DEFAULT_REPORTS_LIMIT) * 1000;

const errorsCell = (figures: LiveFigures) =>
  figures.errors.length === 0 ? '0' : `${figures.errors.length}: ${figures.errors.join(' | ')}`;

/** Detections past the timeout, and callers whose page never showed "TAP issued" at all. */
const missedCell = (figures: LiveFigures) =>
  figures.unopened === 0
    ? String(figures.missed)
    : `${figures.missed} + ${figures.unopened} unopened`;

export function liveTable(alone: LiveFigures, loaded: LiveFigures, managerLoads: number): string[] {
  const row = (name: string, figures: LiveFigures) => [
    name,
    String(figures.samples.length),
    p50p95(figures.samples),
    missedCell(figures),
    count(figures.throttled),
    errorsCell(figures),
  ];
  const by = (p: number) => percentile(loaded.samples, p) / percentile(alone.samples, p);
  const worst = Math.max(by(50), by(95));
  return [
    ...markdownTable(
      ['Goal 1: live view shows a phone action', 'Runs', 'p50 / p95', 'Missed', '429s', 'Errors'],
      [
        row('Nothing else running', alone),
        row('While a manager loads a 10,000-member pilot', loaded),
      ],
      [false, true, true, true, true, false],
    ),
    '',
    `Loaded / alone: p50 ${ratio(by(50))}, p95 ${ratio(by(95))}; target at most 1.50×: ${yesNo(worst <= 1.5)}. The manager completed ${managerLoads} full load(s) meanwhile.`,
    `From the caller's sign-in with the pass (emulator control call) to "TAP used" on the agent's page; the caller acts at offsets spread over the live view's first ${seconds(FIRST_POLL_MS)} poll.`,
  ];
}

export function agentsTable(runs: LiveFigures[]): string[] {
  const rows = runs.map((figures) => {
    const share = shareMs(figures.agents);
    const heldTo = share + FIRST_POLL_MS;
    return [
      String(figures.agents),
      String(figures.samples.length),
      p50p95(figures.samples),
      seconds(share),
      seconds(heldTo),
      figures.samples.length > 0 ? ratio(percentile(figures.samples, 95) / heldTo) : 'n/a',
      missedCell(figures),
      count(figures.throttled),
      errorsCell(figures),
    ];
  });
  const most = runs.at(-1);
  return [
    ...markdownTable(
      [
        'Goal 2: agents watching',
        'Detections',
        'p50 / p95',
        'One read each per',
        'Held to',
        'p95 / held to',
        'Missed',
        '429s',
        'Errors',
      ],
      rows,
      [true, true, true, true, true, true, true, true, false],
    ),
    '',
    `Missed: not shown within ${seconds(DETECT_TIMEOUT_MS)}; unopened: the caller's page never showed "TAP issued" within that time. Each agent watches different callers, all in one tenant, each in a browser context of its own. "One read each per": Graph's ${LIMIT} reports limit shared evenly among the agents; "held to": that plus the live view's first poll (${seconds(FIRST_POLL_MS)}).`,
    most
      ? `No agent sees an error at ${most.agents}: ${yesNo(most.errors.length === 0)}; every change seen within ${seconds(DETECT_TIMEOUT_MS)}: ${yesNo(most.missed + most.unopened === 0)}.`
      : '',
    ...(runs.some((figures) => figures.hidden > 0)
      ? ['Warning: some agent pages were hidden, where the app pauses polling; figures are off.']
      : []),
  ];
}

export function dashboardTable(
  pilots: { size: number; users: string; figures: PilotFigures }[],
): string[] {
  const rows = pilots.map(({ size, users, figures }) => [
    count(size),
    users,
    count(figures.reportRequests),
    count(figures.httpRequests),
    count(figures.throttled),
    figures.fullTable === null ? 'n/a' : seconds(figures.fullTable),
    seconds(figures.floor),
    figures.fullTable === null ? 'n/a' : ratio(figures.fullTable / figures.floor),
    megabytes(figures.peakHeapBytes),
    `${figures.longestTask.toFixed(0)} ms at ${seconds(figures.longestTaskAt)}`,
    count(figures.longTasks),
  ]);
  const largest = pilots.at(-1)?.figures;
  const targets = largest
    ? `Targets at ${count(pilots.at(-1)?.size ?? 0)}: time within 1.2× its floor: ${yesNo(largest.fullTable !== null && largest.fullTable <= 1.2 * largest.floor)}; heap at most 300 MB: ${yesNo(largest.peakHeapBytes <= 300 * 1024 * 1024)}; no main-thread task over 200 ms: ${yesNo(largest.longestTask <= 200)}.`
    : '';
  return [
    ...markdownTable(
      [
        'Goal 3: pilot, full table',
        'Tenant users',
        'Reports-class requests',
        'HTTP requests',
        '429s',
        'Full table',
        `Floor at ${LIMIT}`,
        'Time / floor',
        'Peak JS heap',
        'Longest task',
        'Long tasks',
      ],
      rows,
      [true, true, true, true, true, true, true, true, true, true, true],
    ),
    '',
    targets,
    `Reports-class requests: audit log, registration report and authentication-method reads, each $batch item counted; HTTP requests: every top-level request to Graph. Floor: reports-class requests ÷ ${DEFAULT_REPORTS_LIMIT.requests} × ${DEFAULT_REPORTS_LIMIT.windowSeconds} s. Times from navigation start; heap sampled every 0.5 s (CDP JSHeapUsedSize); long tasks from PerformanceObserver, from boot to 3 s after the full table; the longest says when it started.`,
  ];
}

export function firstFiguresTable(pilots: { size: number; figures: PilotFigures }[]): string[] {
  const time = (ms: number | null) => (ms === null ? 'never' : seconds(ms));
  const rows = pilots.map(({ size, figures }) => [
    count(size),
    time(figures.firstFigures),
    figures.firstFigures === null ? 'n/a' : yesNo(figures.firstFigures <= 5_000),
    figures.markedPartial ? 'yes' : 'no (complete, or nothing said)',
    time(figures.fullTable),
    figures.reopen === null ? `over ${seconds(REOPEN_TIMEOUT_MS)}` : seconds(figures.reopen),
    figures.reopenComplete ? 'yes' : 'no',
  ]);
  return [
    ...markdownTable(
      [
        'Goal 4: pilot',
        'First figures',
        'Within 5 s',
        'Marked partial',
        'Full table',
        'Reopen: first figures',
        'Reopen: full at once',
      ],
      rows,
      [true, true, false, false, true, true, false],
    ),
    '',
    'From navigation start to the first funnel figure on screen; "marked partial": the page still said it was loading when they showed. Reopen: the same tab session goes to the home page and opens the pilot again.',
  ];
}

export function searchTable(runs: SearchFigures[]): string[] {
  return [
    ...markdownTable(
      ['Goal 5: typing speed', 'Keystrokes', 'User searches', 'All Graph requests', 'One search'],
      runs.map((run) => [
        `${run.delayMs} ms between keys`,
        String([...TYPED_NAME].length),
        String(run.searches),
        String(run.graphRequests),
        yesNo(run.searches === 1),
      ]),
      [false, true, true, true, false],
    ),
    '',
    `"${TYPED_NAME}" typed into the helpdesk search on a freshly loaded page; user searches are GET /users requests in the emulator's log; all Graph requests include the first results' status chips.`,
  ];
}

export function startTable(starts: { tenant: string; ms: number }[]): string[] {
  return markdownTable(
    ['Emulator start', 'Time'],
    starts.map((start) => [start.tenant, seconds(start.ms)]),
    [false, true],
  );
}

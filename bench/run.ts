/**
 * `npm run bench`: issue #14's figures, side by side in one run, on the production build in
 * Chromium against the emulator (`bench/site.ts`): the live view alone and beside a pilot load
 * (`live`), 1, 5 and 20 agents watching (`agents`), the pilot dashboard at 10,000 and 100,000
 * members with the emulator's start time (`dashboard`), the user search at several typing speeds
 * (`search`), and the initial JavaScript against the bare stack (`size`). Also available by name:
 * the loader in Node beside a naive one (`pilot`) and Lighthouse (`lighthouse`).
 * Prints tables; there is no pass or fail.
 *
 * `npm run bench -- --quick`: the 10,000-member figures only. `npm run bench -- live search`: only
 * the parts named.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { DEMO_SETTINGS, type EmulatorSettings } from '../emulator/settings';
import { basePath } from '../vite.config';
import { buildApp, bundleFigures, bundleTable } from './bundle';
import { count, seconds } from './figures';
import { lighthouseScores, lighthouseTable } from './lighthouse';
import { liveFigures, managerLoadingPilot, type LiveFigures } from './live';
import { nodeLoaderFigures, nodeLoaderTable } from './node-loader';
import { pilotFigures, type PilotFigures } from './pilot-browser';
import { searchFigures } from './search';
import { launchBrowser, startSite, type BenchSite } from './site';
import {
  agentsTable,
  dashboardTable,
  firstFiguresTable,
  liveTable,
  searchTable,
  startTable,
} from './tables';

const PARTS = ['live', 'agents', 'dashboard', 'search', 'size', 'pilot', 'lighthouse'] as const;
type Part = (typeof PARTS)[number];
const DEFAULT_PARTS: readonly Part[] = ['live', 'agents', 'dashboard', 'search', 'size'];
const QUICK_PARTS: readonly Part[] = ['live', 'agents', 'dashboard', 'search'];

/** Measurements per live-view figure (goal 1), and per agent for 5 and 20 agents (goal 2). */
const LIVE_RUNS = 6;
const AGENT_RUNS: [agents: number, runs: number][] = [
  [5, 3],
  [20, 2],
];
const SMALL_PILOT: Partial<EmulatorSettings> = { ...DEMO_SETTINGS, pilotSize: 10_000 };
const LARGE_PILOT: Partial<EmulatorSettings> = {
  ...DEMO_SETTINGS,
  userCount: 150_000,
  pilotSize: 100_000,
};

interface Options {
  parts: Set<Part>;
  quick: boolean;
}

function options(args: string[]): Options {
  const quick = args.includes('--quick');
  const named = args.filter((arg) => arg !== '--quick');
  const unknown = named.filter((arg) => !(PARTS as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    throw new Error(`bench: unknown part ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  }
  const parts = named.length > 0 ? (named as Part[]) : quick ? QUICK_PARTS : DEFAULT_PARTS;
  return { parts: new Set(parts), quick };
}

type Build = { distDir: string; basePath: string };

/** A site with a fresh tenant for one scenario, closed afterwards whatever happens. */
async function withSite<T>(
  browser: Browser,
  build: Build,
  settings: Partial<EmulatorSettings>,
  use: (site: BenchSite, startMs: number) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const site = await startSite(browser, build, settings);
  try {
    return await use(site, performance.now() - started);
  } finally {
    await site.close();
  }
}

async function liveParts(browser: Browser, build: Build, parts: Set<Part>): Promise<string[][]> {
  const tables: string[][] = [];
  console.error(`Live view, nothing else running: ${LIVE_RUNS} runs…`);
  const alone = await withSite(browser, build, SMALL_PILOT, (site) =>
    liveFigures(site, 1, LIVE_RUNS),
  );
  if (parts.has('live')) {
    console.error(`Live view while a manager loads a 10,000-member pilot: ${LIVE_RUNS} runs…`);
    const { loaded, loads } = await withSite(browser, build, SMALL_PILOT, async (site) => {
      let manager: Awaited<ReturnType<typeof managerLoadingPilot>> | undefined;
      const figures: LiveFigures = await liveFigures(site, 1, LIVE_RUNS, async () => {
        manager = await managerLoadingPilot(site);
      });
      await manager?.stop();
      return { loaded: figures, loads: manager?.loads() ?? 0 };
    });
    tables.push(liveTable(alone, loaded, loads));
  }
  if (parts.has('agents')) {
    const runs = [alone];
    for (const [agents, perAgent] of AGENT_RUNS) {
      console.error(`${agents} agents watching, ${perAgent} callers each…`);
      runs.push(
        await withSite(browser, build, SMALL_PILOT, (site) => liveFigures(site, agents, perAgent)),
      );
    }
    tables.push(agentsTable(runs));
  }
  return tables;
}

async function dashboardPart(browser: Browser, build: Build, quick: boolean): Promise<string[][]> {
  const pilots: { size: number; users: string; figures: PilotFigures }[] = [];
  const starts: { tenant: string; ms: number }[] = [];
  const scenarios = [
    { size: 10_000, users: 'demo default', settings: SMALL_PILOT },
    ...(quick ? [] : [{ size: 100_000, users: count(150_000), settings: LARGE_PILOT }]),
  ];
  for (const { size, users, settings } of scenarios) {
    console.error(`Pilot dashboard, ${count(size)} members…`);
    const figures = await withSite(browser, build, settings, async (site, startMs) => {
      starts.push({ tenant: `${users} users, ${count(size)} in the pilot`, ms: startMs });
      return pilotFigures(site);
    });
    pilots.push({ size, users, figures });
  }
  return [dashboardTable(pilots), firstFiguresTable(pilots), startTable(starts)];
}

async function main() {
  const { parts, quick } = options(process.argv.slice(2));
  const started = performance.now();
  const load = loadavg().map((n) => n.toFixed(2));
  const tables: string[][] = [];
  if (parts.has('pilot')) tables.push(nodeLoaderTable(await nodeLoaderFigures()));
  const work = await mkdtemp(join(tmpdir(), 'tap-desk-bench-'));
  try {
    const appDir = join(work, 'app');
    const build = { distDir: appDir, basePath: basePath() };
    const browserParts = (['live', 'agents', 'dashboard', 'search'] as const).filter((part) =>
      parts.has(part),
    );
    if (parts.has('size')) {
      console.error('Building the app and the bare reference app…');
      tables.push(bundleTable(await bundleFigures(appDir, join(work, 'reference'))));
    } else if (parts.has('lighthouse') || browserParts.length > 0) {
      console.error('Building the app…');
      await buildApp(appDir);
    }
    if (browserParts.length > 0) {
      const browser = await launchBrowser();
      try {
        if (parts.has('search')) {
          console.error('User search at several typing speeds…');
          tables.push(
            searchTable(await withSite(browser, build, SMALL_PILOT, (site) => searchFigures(site))),
          );
        }
        if (parts.has('live') || parts.has('agents')) {
          tables.push(...(await liveParts(browser, build, parts)));
        }
        if (parts.has('dashboard')) tables.push(...(await dashboardPart(browser, build, quick)));
      } finally {
        await browser.close();
      }
    }
    if (parts.has('lighthouse')) {
      tables.push(lighthouseTable(await lighthouseScores(appDir, build.basePath)));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  for (const table of tables) {
    console.log();
    for (const line of table) console.log(line);
  }
  console.log();
  console.log(
    `The bench took ${seconds(performance.now() - started)}${quick ? ' (--quick)' : ''}; load average at the start ${load.join(', ')}, at the end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}.`,
  );
}

await main();

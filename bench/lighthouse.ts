/**
 * Lighthouse on the production build, served as it is hosted (`tests/support/production-site.ts`:
 * https, the shipped security headers, the emulator on an origin of its own), in Chromium with
 * Lighthouse's desktop settings. The signed-out first screen, then each section as its demo
 * person sees it, signed in through the emulator in the very tab Lighthouse audits (MSAL keeps its
 * cache in that tab's sessionStorage, which Lighthouse's storage reset leaves alone).
 *
 * Each run has a site, an emulator (so a fresh tenant, whose Graph limits nothing has spent yet)
 * and a browser of its own; each page is run RUNS times and Lighthouse's median run reported.
 */
import { chromium } from '@playwright/test';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium';
import { startProductionSite } from '../tests/support/production-site';
import { markdownTable } from './bundle';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** A path the app answers with its not-found page, which reads nothing from Graph. */
const SIGN_IN_START = 'bench-signed-in';
/** Runs per page; the median one (by first paint and time to interactive) is reported. */
const RUNS = 3;

interface Audited {
  /** What the table calls the page. */
  name: string;
  /** Path under the site's base path. */
  path: string;
  /** The demo account signed in first, by display name and UPN; none for the first screen. */
  account?: { name: string; upn: string };
  /** Text on the page once it is there, so an audit of the wrong screen cannot pass unseen. */
  heading: string;
}

const PAGES: Audited[] = [
  { name: 'Sign-in (signed out)', path: '', heading: 'TAP Desk' },
  {
    name: 'Helpdesk search',
    path: 'helpdesk',
    account: { name: 'Helen Helpdesk', upn: 'helen.helpdesk@contoso.com' },
    heading: 'Helpdesk',
  },
  {
    name: 'Pilot',
    path: 'pilot',
    account: { name: 'Max Manager', upn: 'max.manager@contoso.com' },
    heading: 'Pilot progress',
  },
  {
    name: 'Audit',
    path: 'audit',
    account: { name: 'Audrey Auditor', upn: 'audrey.auditor@contoso.com' },
    heading: 'Audit record',
  },
];

export interface PageScores {
  name: string;
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Lowest and highest score over the runs. */
  range: Record<(typeof CATEGORIES)[number], [number, number]>;
  /** Audits that lost points in a category, worst first: `id (score)`. */
  flagged: string[];
}

/** Signs in on the emulator's page as `account`, in `page`, and waits for the app's header. */
async function signIn(page: Page, siteUrl: string, account: { name: string; upn: string }) {
  // Signing in brings the person back where they started: a page that reads nothing from Graph,
  // so the audited load is the page's first, not a reload that meets Graph's limits half spent.
  await page.goto(new URL(SIGN_IN_START, siteUrl).href, { waitUntil: 'networkidle0' });
  await page.locator('button::-p-text(Sign in)').click();
  await page.waitForSelector(`button.account[value="${account.upn}"]`);
  await Promise.all([
    page.waitForNavigation(),
    page.click(`button.account[value="${account.upn}"]`),
  ]);
  const who = await page.waitForSelector('[data-testid="signed-in-as"]', { timeout: 30_000 });
  const text = await who?.evaluate((element) => element.textContent);
  if (text !== account.name) throw new Error(`bench: signed in as ${text}, not ${account.name}`);
}

/** The page Lighthouse left behind must be the one meant, signed in as meant. */
async function checkAudited(page: Page, audited: Audited) {
  const seen = await page.evaluate(() => ({
    heading: document.querySelector('h1')?.textContent ?? '',
    person: document.querySelector('[data-testid="signed-in-as"]')?.textContent ?? null,
  }));
  const person = audited.account?.name ?? null;
  if (seen.person !== person || seen.heading !== audited.heading) {
    throw new Error(
      `bench: Lighthouse audited "${seen.heading}" as ${seen.person ?? 'nobody'}, not "${audited.heading}" as ${person ?? 'nobody'}`,
    );
  }
}

/** Scored audits and opportunities below 0.9, worst first: `id 0.5 (1.7 s)`. */
function flaggedAudits(lhr: Result): string[] {
  const flagged = new Map<string, { score: number; shown: string }>();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      flagged.set(ref.id, { score: audit.score, shown: `${ref.id} ${audit.score}${value}` });
    }
  }
  return [...flagged.values()].sort((a, b) => a.score - b.score).map(({ shown }) => shown);
}

function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChromium() ?? chromium.executablePath(),
    headless: true,
    // The site's certificate is the self-signed development one.
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
    acceptInsecureCerts: true,
    defaultViewport: null,
  });
}

interface Site {
  distDir: string;
  basePath: string;
}

/** One Lighthouse run of one page, on a site and in a browser of its own. */
async function runOnce(build: Site, audited: Audited): Promise<Result> {
  const site = await startProductionSite(build);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    if (audited.account) await signIn(page, site.url, audited.account);
    const url = new URL(audited.path, site.url).href;
    const flags: Flags = {
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // The default reset clears the HTTP cache, service workers and cache storage (a cold load)
      // but not sessionStorage, so the sign-in made in this tab holds.
      disableStorageReset: false,
    };
    const result = await lighthouse(url, flags, desktopConfig, page);
    if (!result) throw new Error(`bench: Lighthouse returned nothing for ${url}`);
    if (!result.lhr.runtimeError) await checkAudited(page, audited);
    const violations = site.violations();
    if (violations.length > 0) {
      console.error(`  CSP violations on ${audited.name}: ${JSON.stringify(violations)}`);
    }
    return result.lhr;
  } finally {
    await browser.close();
    await site.close();
  }
}

async function audit(build: Site, audited: Audited): Promise<PageScores> {
  const runs: Result[] = [];
  let failures = 0;
  while (runs.length < RUNS) {
    const lhr = await runOnce(build, audited);
    if (!lhr.runtimeError) {
      runs.push(lhr);
      continue;
    }
    // Chromium now and then loses the trace's navigation start (NO_NAVSTART); run again.
    console.error(`  ${lhr.runtimeError.code}; running Lighthouse again`);
    if (++failures > RUNS) {
      throw new Error(`bench: Lighthouse on ${audited.name}: ${lhr.runtimeError.message}`);
    }
  }
  const lhr = computeMedianRun(runs);
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    return value === null || value === undefined ? null : Math.round(value * 100);
  };
  return {
    name: audited.name,
    url: lhr.finalDisplayedUrl,
    scores: {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
    },
    range: Object.fromEntries(
      CATEGORIES.map((id) => {
        const all = runs.map((run) => Math.round((run.categories[id]?.score ?? 0) * 100));
        return [id, [Math.min(...all), Math.max(...all)]];
      }),
    ) as PageScores['range'],
    flagged: flaggedAudits(lhr),
  };
}

/** Audits each page of `distDir`, a production build made for `basePath`. */
export async function lighthouseScores(distDir: string, basePath = '/'): Promise<PageScores[]> {
  const results: PageScores[] = [];
  for (const page of PAGES) {
    console.error(`Lighthouse: ${page.name}, ${RUNS} runs…`);
    results.push(await audit({ distDir, basePath }, page));
  }
  return results;
}

export function lighthouseTable(results: PageScores[]): string[] {
  const cell = (result: PageScores, id: (typeof CATEGORIES)[number]) => {
    const value = result.scores[id];
    const [low, high] = result.range[id];
    return value === null ? 'n/a' : low === high ? String(value) : `${value} (${low}–${high})`;
  };
  return [
    ...markdownTable(
      ['Lighthouse (desktop)', 'Performance', 'Accessibility', 'Best practices'],
      results.map((result) => [
        result.name,
        cell(result, 'performance'),
        cell(result, 'accessibility'),
        cell(result, 'best-practices'),
      ]),
      [false, true, true, true],
    ),
    '',
    ...results.map(
      (result) =>
        `${result.name}: ${result.flagged.length > 0 ? `below 0.9: ${result.flagged.join(', ')}` : 'no scored audit below 0.9'}.`,
    ),
    `Median of ${RUNS} runs (lowest–highest in brackets), Lighthouse's desktop settings (desktop screen and user agent, simulated 40 ms RTT and 10 Mbit/s, no CPU slowdown), cold HTTP cache, Chromium headless; the production build behind the shipped security headers, signed in through the emulator.`,
  ];
}

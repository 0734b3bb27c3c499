/**
 * The real app in a real browser for the bench's browser figures: the production build served as
 * hosted (`tests/support/production-site.ts`, as `bench/lighthouse.ts` serves it) on a thread of
 * its own (`site-thread.ts`), a tenant of its own per scenario (so each scenario starts with
 * Graph's limits unspent), and Chromium driven by Playwright. People sign in through the demo's
 * real MSAL redirect on the emulator's page.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ensureDevCertificate } from '../emulator/cert';
import { PILOT_GROUP_ID } from '../emulator/constants';
import type { EmulatorSettings } from '../emulator/index';
import { trustingFetch } from '../emulator/test/support';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium';
import { startSiteOnThread } from './site-thread';

export const ACCOUNTS = {
  helpdesk: { upn: 'helen.helpdesk@contoso.com', name: 'Helen Helpdesk' },
  manager: { upn: 'max.manager@contoso.com', name: 'Max Manager' },
} as const;
export type Account = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** A path the app answers with its not-found page, which reads nothing from Graph. */
const SIGN_IN_START = 'bench-signed-in';

export interface LogEntry {
  method: string;
  path: string;
  status: number;
  batch?: boolean;
}

export interface Person {
  id: string;
  userPrincipalName: string;
}

export interface BenchSite {
  /** The app's address, ending in the base path. */
  url: string;
  /** The app's address for `path` (no leading slash). */
  at(path: string): string;
  /** A path on the emulator's control API. */
  control(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
  /** Graph requests the emulator answered since the last `clearLog`. */
  graphLog(): Promise<LogEntry[]>;
  clearLog(): Promise<void>;
  /** A browser context of its own (its own tab session), signed in as `account`. */
  signedIn(account: Account, init?: (context: BrowserContext) => Promise<unknown>): Promise<Page>;
  close(): Promise<void>;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

export async function startSite(
  browser: Browser,
  build: { distDir: string; basePath: string },
  settings: Partial<EmulatorSettings>,
): Promise<BenchSite> {
  const site = await startSiteOnThread({ ...build, settings });
  const fetch = trustingFetch((await ensureDevCertificate()).cert);
  const contexts: BrowserContext[] = [];
  const control = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${site.emulatorOrigin}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`bench: ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const at = (path: string) => new URL(path, site.url).href;

  async function signedIn(
    account: Account,
    init?: (context: BrowserContext) => Promise<unknown>,
  ): Promise<Page> {
    // English, whatever the machine's locale: the bench reads the app's English text.
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'en-US' });
    // tsx compiles the bench with esbuild's keepNames, which wraps each named function in
    // `__name(...)`: functions handed to the page as init scripts need it to exist there too.
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    contexts.push(context);
    // Twenty agents on two shared cores: pages can take far longer than Playwright's defaults.
    context.setDefaultTimeout(120_000);
    context.setDefaultNavigationTimeout(120_000);
    await init?.(context);
    const page = await context.newPage();
    await page.goto(at(SIGN_IN_START));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/login\/.*\/authorize/);
    await page.getByRole('button', { name: new RegExp(account.name) }).click();
    const who = page.getByTestId('signed-in-as');
    await who.waitFor({ timeout: 60_000 });
    const name = await who.textContent();
    if (name !== account.name) throw new Error(`bench: signed in as ${name}, not ${account.name}`);
    return page;
  }

  return {
    url: site.url,
    at,
    control,
    async graphLog() {
      const body = (await control('/emulator/requests')) as { value: LogEntry[] };
      return body.value.filter((entry) => entry.path.startsWith('/graph/'));
    },
    async clearLog() {
      await control('/emulator/requests', { method: 'DELETE' });
    },
    signedIn,
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await site.close();
    },
  };
}

/** Pilot members the emulator counts at Members and nothing further: callers with no method yet. */
export async function nothingYet(site: BenchSite): Promise<Person[]> {
  const truth = (await site.control(`/emulator/pilot/${PILOT_GROUP_ID}/truth`)) as {
    members: Record<string, Person[]>;
  };
  const further = new Set(
    Object.entries(truth.members)
      .filter(([stage]) => stage !== 'member')
      .flatMap(([, people]) => people.map((person) => person.id)),
  );
  return (truth.members.member ?? []).filter((person) => !further.has(person.id));
}

/** Reports-class requests (Graph's 5 per 10 s): audit logs, reports, authentication methods. */
export function isReportsClass(entry: LogEntry): boolean {
  const path = entry.path.split('?')[0] ?? '';
  return /\/auditLogs\/|\/reports\/|\/authentication\//.test(path);
}

/**
 * The one way component tests render: through the app's own providers (theme, configuration,
 * session, query cache), signed in as one of TAP Desk's audiences by a fake MSAL, against a fake
 * Graph that fails the test on any request it was not told about, with the clock and the reports
 * budget in the test's hands.
 */
import { act, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { onTestFinished, vi } from 'vitest';
import demoConfig from '../../demo/config.json';
import { AppProviders } from '../app/app';
import { APP_ROLES } from '../auth/capabilities';
import { ReportsBudgetProvider } from '../components/reports-budget';
import { parseRuntimeConfig, type RuntimeConfig } from '../config/runtime-config';
import type { RequestBudget } from '../graph/request-budget';
import type { Locale } from '../i18n/locales';
import { createFakeGraph, type FakeGraph } from './fake-graph';
import { createFakeMsal, type FakeMsal, type FakePerson } from './fake-msal';
import { createInstantBudget } from './instant-budget';

/** Where the demo is served in tests; its config.json resolves against it. */
export const APP_URL = 'https://localhost/';

/** The demo's configuration, as the app reads it at APP_URL. */
export function testConfig(): RuntimeConfig {
  return parseRuntimeConfig(demoConfig, APP_URL);
}

/** A fake Graph at the address the test configuration points to. */
export function fakeGraph(config: RuntimeConfig = testConfig()): FakeGraph {
  return createFakeGraph(config.graph.baseUrl);
}

/** One signed-in person per audience, each holding that audience's app role only. */
export const PEOPLE = {
  helpdesk: {
    name: 'Helen Helpdesk',
    username: 'helen.helpdesk@contoso.com',
    oid: 'h',
    roles: [APP_ROLES.helpdesk],
  },
  pilotManager: {
    name: 'Max Manager',
    username: 'max.manager@contoso.com',
    oid: 'm',
    roles: [APP_ROLES.pilot],
  },
  auditor: {
    name: 'Audrey Auditor',
    username: 'audrey@contoso.com',
    oid: 'a',
    roles: [APP_ROLES.audit],
  },
} as const satisfies Record<string, FakePerson>;

export type Audience = keyof typeof PEOPLE;

/** A message id no catalog has, or a message that cannot be formatted, fails the test. */
function failOnIntlError(error: Error) {
  throw error;
}

export interface HarnessOptions {
  /** Who is signed in: an audience's person, someone else, or nobody. Default: helpdesk. */
  as?: Audience | FakePerson | null;
  /** Default: the demo's configuration. */
  config?: RuntimeConfig;
  /** Default: a fake Graph that knows no request, so any request fails the test. */
  graph?: FakeGraph;
  /** The address rendered. Default: "/". */
  at?: string | { pathname: string; state?: unknown };
  /** The route pattern `ui` is rendered on. Default: the pathname of `at`. */
  path?: string;
  /** Other routes, e.g. where the page's links lead. */
  routes?: RouteObject[];
  /** The time Date reads from the start of the test (timers stay real). Default: the real clock. */
  now?: number | Date;
  /** Default: a budget that never waits. */
  reportsBudget?: RequestBudget;
  /** The interface language. Default: English, whatever the machine's locale. */
  locale?: Locale;
}

export interface Harness extends RenderResult {
  router: ReturnType<typeof createMemoryRouter>;
  graph: FakeGraph;
  /** TAP Desk's MSAL: sign-in and the helpdesk's tokens. */
  msal: FakeMsal;
  /** TAP Desk Reports' MSAL: the pilot, audit and readiness pages' tokens. */
  reportsMsal: FakeMsal;
  config: RuntimeConfig;
}

function personFor(as: HarnessOptions['as']): FakePerson | null {
  if (as === null) return null;
  if (as === undefined) return PEOPLE.helpdesk;
  return typeof as === 'string' ? PEOPLE[as] : as;
}

/** The fetch the test started with, while a fake Graph stands in for it. */
let realFetch: typeof fetch | undefined;

export async function renderWithHarness(
  ui: ReactElement,
  options: HarnessOptions = {},
): Promise<Harness> {
  const config = options.config ?? testConfig();
  const graph = options.graph ?? fakeGraph(config);
  if (graph.baseUrl !== config.graph.baseUrl.replace(/\/$/, '')) {
    throw new Error(
      `The fake Graph serves ${graph.baseUrl}, but the configuration sends Graph requests to ${config.graph.baseUrl}.`,
    );
  }
  if (options.now !== undefined) {
    // Only Date: the page's own timers and waits still run.
    vi.useFakeTimers({ now: options.now, toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
  }
  // The session builds its Graph clients on the global fetch; nothing else may reach the network.
  if (!realFetch) {
    realFetch = globalThis.fetch;
    onTestFinished(() => {
      globalThis.fetch = realFetch!;
      realFetch = undefined;
    });
  }
  globalThis.fetch = graph.fetch;

  const person = personFor(options.as);
  const msal = createFakeMsal(person, config.auth.authority);
  const reportsMsal = createFakeMsal(person, config.auth.authority, false);
  const at = options.at ?? '/';
  const pathname = typeof at === 'string' ? new URL(at, APP_URL).pathname : at.pathname;
  const router = createMemoryRouter(
    [{ path: options.path ?? pathname, element: ui }, ...(options.routes ?? [])],
    { initialEntries: [at] },
  );
  const view = render(
    <AppProviders
      config={config}
      msal={{ main: msal.instance, reports: reportsMsal.instance }}
      locale={options.locale ?? 'en'}
      onIntlError={failOnIntlError}
    >
      <ReportsBudgetProvider budget={options.reportsBudget ?? createInstantBudget()}>
        <RouterProvider router={router} />
      </ReportsBudgetProvider>
    </AppProviders>,
  );
  // MSAL's start-up (initialize, then the redirect check) settles before the test acts.
  await act(async () => {});
  return { ...view, router, graph, msal, reportsMsal, config };
}

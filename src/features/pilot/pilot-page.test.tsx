import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import demoConfig from '../../../demo/config.json';
import { SessionContextProvider, type Session } from '../../auth/session';
import { ConfigProvider } from '../../config/config-context';
import { parseRuntimeConfig } from '../../config/runtime-config';
import type * as RequestBudgetModule from '../../graph/request-budget';
import { GROUP, NOW, setup, world, type World } from './fake-graph';
import { PilotPage } from './pilot-page';

// The real budget would make these tests wait out Graph's 10-second window.
vi.mock('../../graph/request-budget', async (original) => ({
  ...(await original<typeof RequestBudgetModule>()),
  reportsBudget: {
    requests: 5,
    windowSeconds: 10,
    takeUpTo: async (max: number) => ({ count: max, settle: () => {} }),
    pause: () => {},
    secondsFor: () => 0,
  },
}));

function renderPage(w: World, url = `/pilot?group=${GROUP}`) {
  const graph = setup(w, 100);
  const session: Session = {
    account: { name: 'Max Manager', username: 'max.manager@contoso.com', oid: 'm' },
    capabilities: ['pilot'],
    directoryRoleIds: [],
    graph: () => graph.client,
    signOut: async () => {},
  };
  const router = createMemoryRouter([{ path: '/pilot', element: <PilotPage /> }], {
    initialEntries: [url],
  });
  render(
    <ConfigProvider config={parseRuntimeConfig(demoConfig, 'https://localhost')}>
      <SessionContextProvider session={session}>
        <QueryClientProvider client={new QueryClient()}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </SessionContextProvider>
    </ConfigProvider>,
  );
  return { router, ...graph };
}

const loaded = () => screen.findByText(/^Loaded 6 members as of/, {}, { timeout: 20_000 });

// The first render loads the grid and charts, which is slow on a busy machine.
describe('PilotPage', { timeout: 30_000 }, () => {
  // The fake Graph's data is dated around NOW; the page reads the clock, so it must read NOW too.
  // Only Date is faked: timers stay real, so the page's own waits still run.
  beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('shows the funnel as counts and percentages, and a stage click filters the table', async () => {
    const { router } = renderPage(world());
    await loaded();
    expect(screen.getByTestId('funnel-count-member')).toHaveTextContent('6 (100%)');
    expect(screen.getByTestId('funnel-count-tapUsed')).toHaveTextContent('3 (50%)');
    expect(screen.getByTestId('funnel-count-phoneSignInEnabled')).toHaveTextContent('1 (16.7%)');

    await userEvent.click(screen.getByRole('button', { name: /^TAP used/ }));
    expect(router.state.location.search).toContain('stage=tapUsed');
    expect(screen.getByText('Reached: TAP used (3)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^TAP used/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: /^No TAP issued/ }));
    expect(router.state.location.search).toContain('stalled=noPass');
    expect(router.state.location.search).not.toContain('stage=');
    expect(screen.getByText('Needs chasing: No TAP issued (1)')).toBeInTheDocument();
  });

  it('opens the view a shared link describes', async () => {
    renderPage(world(), `/pilot?group=${GROUP}&stage=authenticatorRegistered`);
    await loaded();
    expect(screen.getByText('Reached: Authenticator registered (2)')).toBeInTheDocument();
  });

  it('still loads when passes cannot be read, and names the stage and the role', async () => {
    renderPage({ ...world(), refusePassReads: true });
    await loaded();
    expect(screen.getByText('Less precise: TAP used')).toBeInTheDocument();
    expect(screen.getByText(/Global Reader, Authentication Administrator/)).toBeInTheDocument();
    expect(screen.getByTestId('funnel-count-tapUsed')).toHaveTextContent('2 (33.3%)');
  });

  it('says what is missing when the members cannot be read', async () => {
    renderPage({ ...world(), membersStatus: 403 });
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('Microsoft Entra refused this');
    expect(alert).toHaveTextContent(/GroupMember\.Read\.All/);
  });
});

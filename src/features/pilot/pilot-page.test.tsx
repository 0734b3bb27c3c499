import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGraph, renderWithHarness } from '../../testing/harness';
import {
  addPassesInFlight,
  GROUP,
  NOW,
  servePilotWorld,
  world,
  type World,
} from '../../testing/fixtures/pilot-world';
import { PASS_READS_UNASKED } from './loader';
import { PilotPage } from './pilot-page';

// The fake Graph's data is dated around NOW; the page reads the clock, so it must read NOW too.
function renderPage(w: World, at = `/pilot?group=${GROUP}`) {
  return renderWithHarness(<PilotPage />, {
    as: 'pilotManager',
    at,
    now: NOW,
    graph: servePilotWorld(fakeGraph(), w, 100),
  });
}

const loaded = () => screen.findByText(/^Loaded 6 members as of/, {}, { timeout: 20_000 });

// The first render loads the grid and charts, which is slow on a busy machine.
describe('PilotPage', { timeout: 30_000 }, () => {
  it('shows the funnel as counts and percentages, and a stage click filters the table', async () => {
    const { router } = await renderPage(world());
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
    await renderPage(world(), `/pilot?group=${GROUP}&stage=authenticatorRegistered`);
    await loaded();
    expect(screen.getByText('Reached: Authenticator registered (2)')).toBeInTheDocument();
  });

  it('still loads when passes cannot be read, and names the stage and the role', async () => {
    await renderPage({ ...world(), refusePassReads: true });
    await loaded();
    expect(screen.getByText('Less precise: TAP used')).toBeInTheDocument();
    expect(screen.getByText(/Global Reader, Authentication Administrator/)).toBeInTheDocument();
    expect(screen.getByTestId('funnel-count-tapUsed')).toHaveTextContent('2 (33.3%)');
  });

  it('says how many one-time passes it left unread and what they cost, and reads them when asked', async () => {
    const w = world();
    const usedInFlight = addPassesInFlight(w, PASS_READS_UNASKED);
    const members = w.members.length;
    await renderPage(w);
    await screen.findByText(
      `Loaded ${members} members as of`,
      { exact: false },
      { timeout: 20_000 },
    );
    const note = screen
      .getByText(`${PASS_READS_UNASKED + 2} one-time passes not checked`)
      .closest('[role="alert"]');
    // 32 reads at 5 per 10 s: about a minute of the shared limit.
    expect(note).toHaveTextContent(/takes about 1 minute of the reports limit/);
    expect(screen.getByTestId('funnel-count-tapUsed')).toHaveTextContent(/^2 /);

    await userEvent.click(screen.getByRole('button', { name: 'Check them now' }));
    await screen.findByText(
      new RegExp(`^${3 + usedInFlight} `),
      {
        selector: '[data-testid="funnel-count-tapUsed"]',
      },
      { timeout: 20_000 },
    );
    expect(screen.queryByText(/one-time passes not checked/)).not.toBeInTheDocument();
  });

  it('says what is missing when the members cannot be read', async () => {
    await renderPage({ ...world(), membersStatus: 403 });
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('Microsoft Entra refused this');
    expect(alert).toHaveTextContent(/GroupMember\.Read\.All/);
  });
});

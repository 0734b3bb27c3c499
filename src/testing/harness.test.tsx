import { screen, waitFor } from '@testing-library/react';
import { AUDIENCE_SCOPES } from '../auth/scopes';
import { useSession } from '../auth/session';
import { useReportsBudget } from '../components/reports-budget';
import { AuditPage } from '../features/audit/audit-page';
import { createInstantBudget } from './instant-budget';
import { fakeGraph, renderWithHarness, type Audience } from './harness';

/** Who the app thinks is signed in, and what a Graph call made for them carries. */
function WhoAmI(props: { audience: 'helpdesk' | 'pilot' | 'audit' }) {
  const session = useSession();
  const graph = session.graph(props.audience);
  return (
    <>
      <p>{`${session.account.name}: ${session.capabilities.join(', ')}`}</p>
      <button type="button" onClick={() => void graph.request({ path: '/me' })}>
        Ask Graph
      </button>
    </>
  );
}

describe('the test harness', () => {
  it('reports a request no test route answers, naming its method and URL', async () => {
    const { graph, unmount } = await renderWithHarness(<AuditPage />, {
      as: 'auditor',
      at: '/audit',
    });
    // Answered 500, so after the app's own retries (1 s, then 2 s) the page says so.
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      /audit log/i,
    );
    unmount();
    expect(graph.unexpected.length).toBeGreaterThan(0);
    expect(() => graph.verify()).toThrow(
      /no test route answers:\n {2}GET https:\/\/localhost\/graph\/v1\.0\/auditLogs\/directoryAudits\?\$filter=/,
    );
    // verify() forgets what it reported, so the harness's own check at the end passes.
    expect(graph.unexpected).toEqual([]);
  });

  // The page itself works; the test fails only because the harness does at its end.
  it.fails('fails the test by itself when a page made a request nobody expected', async () => {
    const { graph } = await renderWithHarness(<AuditPage />, { as: 'auditor', at: '/audit' });
    await waitFor(() => expect(graph.unexpected.length).toBeGreaterThan(0));
  });

  it('answers batch items through the routes, and names an unexpected one as in a $batch', async () => {
    const graph = fakeGraph().on('GET', '/users/u1', { body: { id: 'u1' } });
    const response = await graph.fetch(`${graph.baseUrl}/$batch`, {
      method: 'POST',
      body: JSON.stringify({
        requests: [
          { id: '1', method: 'GET', url: '/users/u1' },
          { id: '2', method: 'DELETE', url: '/users/u2' },
        ],
      }),
    });
    const { responses } = (await response.json()) as {
      responses: { id: string; status: number; body: unknown }[];
    };
    expect(responses.map(({ id, status }) => [id, status])).toEqual([
      ['1', 200],
      ['2', 500],
    ]);
    expect(responses[0]?.body).toEqual({ id: 'u1' });
    expect(() => graph.verify()).toThrow(
      'DELETE https://localhost/graph/v1.0/users/u2 (in a $batch)',
    );
  });

  it.each<[Audience, string, 'helpdesk' | 'pilot' | 'audit']>([
    ['helpdesk', 'Helen Helpdesk: helpdesk', 'helpdesk'],
    // Pilot managers open Readiness as well.
    ['pilotManager', 'Max Manager: pilot, readiness', 'pilot'],
    ['auditor', 'Audrey Auditor: audit', 'audit'],
  ])(
    'signs %s in through the real session, with tokens for that audience only',
    async (as, who, audience) => {
      const graph = fakeGraph().on('GET', '/me', { body: {} });
      const { msal, reportsMsal } = await renderWithHarness(<WhoAmI audience={audience} />, {
        as,
        graph,
      });
      expect(screen.getByText(who)).toBeInTheDocument();
      screen.getByRole('button', { name: 'Ask Graph' }).click();
      await waitFor(() => expect(graph.requests).toHaveLength(1));
      // The helpdesk's tokens come from TAP Desk, the read-only pages' from TAP Desk Reports.
      const [used, unused] = audience === 'helpdesk' ? [msal, reportsMsal] : [reportsMsal, msal];
      expect(used.tokenRequests).toEqual([[...AUDIENCE_SCOPES[audience]]]);
      expect(unused.tokenRequests).toEqual([]);
    },
  );

  it('shows the signed-out page when nobody is signed in', async () => {
    await renderWithHarness(<WhoAmI audience="helpdesk" />, { as: null });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(/Helen/)).toBeNull();
  });

  it('sets the clock for the test', async () => {
    function Today() {
      return <p>{new Date().toISOString()}</p>;
    }
    await renderWithHarness(<Today />, { now: Date.parse('2031-02-03T04:05:06Z') });
    expect(screen.getByText('2031-02-03T04:05:06.000Z')).toBeInTheDocument();
  });

  it('hands the page the reports budget the test gives it', async () => {
    const budget = createInstantBudget();
    function Spend() {
      const given = useReportsBudget();
      return (
        <button type="button" onClick={() => void given.takeUpTo(3)}>
          Spend
        </button>
      );
    }
    await renderWithHarness(<Spend />, { reportsBudget: budget });
    screen.getByRole('button', { name: 'Spend' }).click();
    await waitFor(() => expect(budget.taken).toBe(3));
  });
});

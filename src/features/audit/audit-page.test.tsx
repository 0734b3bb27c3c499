import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGraph, renderWithHarness, testConfig } from '../../testing/harness';
import { AuditPage } from './audit-page';

const config = testConfig();
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const JO = { id: '11111111-1111-4111-8111-111111111111', upn: 'jo@contoso.com', name: 'Jo Lee' };
const GAIL = { id: '33333333-3333-4333-8333-333333333333', upn: 'gail@contoso.com', name: 'Gail' };

function audit(id: string, activity: string, reason: string, when: string, target = JO) {
  return {
    id,
    activityDisplayName: activity,
    resultReason: reason,
    activityDateTime: when,
    result: 'success',
    loggedByService: 'Authentication Methods',
    initiatedBy: {
      user: { id: 'h', displayName: 'Helen Helpdesk', userPrincipalName: 'helen@contoso.com' },
      app: null,
    },
    targetResources: [
      { id: target.id, type: 'User', userPrincipalName: target.upn, modifiedProperties: [] },
    ],
    additionalDetails: [],
  };
}

const CREATED = [
  'Admin registered security info',
  'Admin registered temporary access pass method for user',
] as const;
const REGISTERED = [
  'User registered security info',
  'User registered Authenticator App with Notification and Code',
] as const;

interface Fixture {
  created: object[];
  registered: object[];
  deleted: object[];
  items: object[];
  roles?: { status: number; members: object[] };
  auditStatus?: number;
}

const fixture = (): Fixture => ({
  created: [
    audit('Directory_tapdesk', ...CREATED, ago(30)),
    audit('Directory_portal', ...CREATED, ago(20), GAIL),
  ],
  registered: [audit('Directory_reg', ...REGISTERED, ago(29.5))],
  deleted: [],
  items: [
    {
      id: '1',
      // SharePoint's facts: Helen wrote it 20 seconds after the pass, and nobody edited it.
      createdDateTime: new Date(Date.parse(ago(30)) + 20_000).toISOString(),
      lastModifiedDateTime: new Date(Date.parse(ago(30)) + 20_000).toISOString(),
      createdBy: { user: { id: 'h', displayName: 'Helen Helpdesk', email: 'helen@contoso.com' } },
      eTag: '"1,1"',
      fields: {
        Title: 'INC0012345',
        TargetUserId: JO.id,
        TargetUpn: JO.upn,
        IssuedByUpn: 'helen@contoso.com',
        IssuedByName: 'Helen Helpdesk',
        IssuedAt: ago(30),
        LifetimeMinutes: 60,
        VerificationMethod: 'In person with photo ID',
        Ticket: 'INC0012345',
        Reason: 'New phone',
        Outcome: 'issued',
      },
    },
  ],
  roles: {
    status: 200,
    members: [{ '@odata.type': '#microsoft.graph.user', id: GAIL.id, displayName: GAIL.name }],
  },
});

function serveAudit(data: Fixture) {
  const refused = {
    error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' },
  };
  const site = encodeURIComponent(config.verification.siteId);
  const list = encodeURIComponent(config.verification.listId);
  return fakeGraph(config)
    .on('GET', '/auditLogs/directoryAudits', ({ url }) => {
      if (data.auditStatus) return { status: data.auditStatus, body: refused };
      const filter = url.searchParams.get('$filter') ?? '';
      const value = filter.includes(CREATED[0])
        ? data.created
        : filter.includes(REGISTERED[0])
          ? data.registered
          : data.deleted;
      return { body: { value } };
    })
    .on('GET', `/sites/${site}/lists/${list}/items`, { body: { value: data.items } })
    .on('GET', '/directoryRoles', {
      body: { value: [{ id: 'r1', displayName: 'Global Administrator' }] },
    })
    .on('GET', /^\/directoryRoles\/[^/]+\/members$/, () => {
      const roles = data.roles ?? { status: 200, members: [] };
      return roles.status === 200
        ? { body: { value: roles.members } }
        : { status: roles.status, body: refused };
    });
}

async function renderPage(data: Fixture, at = '/audit') {
  const { graph, router } = await renderWithHarness(<AuditPage />, {
    as: 'auditor',
    at,
    graph: serveAudit(data),
  });
  return { requests: graph.requests, router };
}

const grid = () => screen.findByRole('grid', { name: /Issuance record/ });
/** The grid's data rows (its header row has no row id). */
const bodyRows = () =>
  within(screen.getByRole('grid'))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-id'));
const rowWith = (text: string) => bodyRows().find((row) => row.textContent?.includes(text));

/** Opens a row's details dialog, as a keyboard or mouse user does, and returns it. */
async function openDetails(row: HTMLElement | undefined) {
  await userEvent.click(within(row!).getByRole('button', { name: 'Details' }));
  return screen.findByRole('dialog');
}

describe('AuditPage', () => {
  it('shows each pass with who acted, on whom, and the verification behind it', async () => {
    await renderPage(fixture());
    await grid();
    const tapDesk = rowWith('In person with photo ID');
    expect(tapDesk).toHaveTextContent('Helen Helpdesk');
    expect(tapDesk).toHaveTextContent('jo@contoso.com');
    const portal = rowWith('gail@contoso.com');
    expect(portal).toHaveTextContent('No record');
    expect(portal).toHaveTextContent('No verification record');
    expect(portal).toHaveTextContent('Admin account: Global Administrator');
    // What a one-line row leaves out, the row's details say in full.
    const details = await openDetails(tapDesk);
    expect(details).toHaveTextContent('Ticket: INC0012345');
    expect(details).toHaveTextContent('Reason: New phone');
    expect(details).toHaveTextContent('Matched by person and time');
    await userEvent.click(within(details).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('flags a record that claims another issuer than its author, and says who is who', async () => {
    const data = fixture();
    const item = data.items[0] as { fields: Record<string, unknown> };
    item.fields = { ...item.fields, IssuedByUpn: 'sam@contoso.com', IssuedByName: 'Sam Senior' };
    await renderPage(data);
    await grid();
    const forged = rowWith('In person with photo ID');
    // Joined on who wrote it (Helen, per SharePoint), and flagged for naming Sam.
    expect(forged).toHaveTextContent('Helen Helpdesk');
    expect(forged).not.toHaveTextContent('No verification record');
    expect(
      within(forged!).getByTitle(/names an issuer other than the person SharePoint says/),
    ).toHaveTextContent('Claims another issuer');
    expect(await openDetails(forged)).toHaveTextContent(
      'It names sam@contoso.com as issuer; SharePoint says Helen Helpdesk (helen@contoso.com) wrote it.',
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const choice = screen.getByRole('radio', { name: /Claims another issuer \(1\)/ });
    expect(choice.closest('label')).toHaveTextContent(
      'TAP Desk always records the person signed in',
    );
  });

  it('filters by anomaly through the URL, with a count beside each', async () => {
    const { router } = await renderPage(fixture());
    await grid();
    const noRecord = screen.getByRole('radio', { name: /No verification record \(1\)/ });
    await userEvent.click(noRecord);
    expect(router.state.location.search).toContain('anomaly=noVerification');
    expect(bodyRows()).toHaveLength(1);
    expect(bodyRows()[0]).toHaveTextContent('gail@contoso.com');
    expect(screen.getByRole('radio', { name: /Admin account \(1\)/ })).toBeInTheDocument();
  });

  it('filters on the server by range and activity, and reads the filters from the URL', async () => {
    const { requests } = await renderPage(
      fixture(),
      '/audit?from=2026-11-01&to=2026-11-07&activity=tapCreated',
    );
    await screen.findByText(/Nothing matches/);
    const auditFilters = requests
      .filter((request) => request.url.pathname.endsWith('/directoryAudits'))
      .map((request) => request.url.searchParams.get('$filter'));
    expect(auditFilters).toHaveLength(2);
    expect(auditFilters).toContainEqual(
      expect.stringContaining("activityDisplayName eq 'Admin registered security info'"),
    );
    expect(
      auditFilters.every((filter) =>
        filter?.includes("loggedByService eq 'Authentication Methods'"),
      ),
    ).toBe(true);
    expect(auditFilters.some((filter) => filter?.includes('Admin deleted'))).toBe(false);
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-01');
  });

  it('only reads: every request is a GET, or a $batch of GETs', async () => {
    const { requests } = await renderPage(fixture());
    await grid();
    for (const request of requests) {
      if (request.method === 'GET') continue;
      expect(request.path).toBe('/$batch');
      const items = (request.body as { requests: { method: string }[] }).requests;
      expect(items.every((item) => item.method === 'GET')).toBe(true);
    }
  });

  it('offers no control that changes anything', async () => {
    await renderPage(fixture());
    await grid();
    const names = screen.getAllByRole('button').map((button) => button.textContent?.trim() ?? '');
    for (const name of names) {
      expect(name).not.toMatch(/delete|revoke|issue|create|edit|save|remove|approve/i);
    }
  });

  it('says which Entra role is missing when the audit log is refused', async () => {
    await renderPage({ ...fixture(), auditStatus: 403 });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Reports Reader, Security Reader or Security Administrator');
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('still shows the record when admin roles cannot be read, and says that check is off', async () => {
    await renderPage({ ...fixture(), roles: { status: 403, members: [] } });
    await grid();
    expect(screen.getByRole('alert')).toHaveTextContent('RoleManagement.Read.Directory');
    expect(screen.getByRole('radio', { name: /Admin account \(not checked\)/ })).toBeDisabled();
  });

  it('warns when the range reaches past what the audit log keeps', async () => {
    await renderPage(fixture(), '/audit?from=2020-01-01&to=2020-01-31');
    expect(await screen.findByText('The audit log keeps 30 days')).toBeInTheDocument();
  });
});

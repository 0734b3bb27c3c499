import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { VerificationRecord } from '../../graph/verification-records';
import { captureDownloads } from '../../testing/downloads';
import { renderWithHarness } from '../../testing/harness';
import type { Locale } from '../../i18n/locales';
import { finding } from './anomalies';
import type { Attempt } from './attempts';
import type { AuditRow } from './audit-row';
import { AuditTable } from './audit-table';

const ROWS: AuditRow[] = [
  {
    id: 'Directory_1',
    kind: 'tapCreated',
    at: '2026-11-20T09:00:00.000Z',
    actor: { userName: 'Gail Global', userUpn: 'gail@contoso.com', appName: 'Azure Portal' },
    target: { id: 'u1', displayName: 'Kim', upn: 'kim@contoso.com' },
    what: 'Admin registered temporary access pass method for user',
    succeeded: true,
    anomalies: ['noVerification', 'adminTarget'],
    targetRoles: ['Global Administrator'],
  },
  {
    id: 'Directory_2',
    kind: 'tapCreated',
    at: '2026-11-21T09:00:00.000Z',
    actor: { userName: 'x;=1+1', userUpn: 'helen@contoso.com' },
    target: { id: 'u2', displayName: '＝HYPERLINK("http://evil")', upn: 'eve@contoso.com' },
    what: '',
    succeeded: false,
    anomalies: [],
  },
  {
    id: 'Directory_3',
    kind: 'tapCreated',
    at: '2026-11-19T09:00:00.000Z',
    actor: { userName: 'Helen Helpdesk', userUpn: 'helen@contoso.com', appName: 'TAP Desk' },
    target: { id: 'u3', upn: 'ann@contoso.com' },
    what: '',
    succeeded: true,
    verification: {
      itemId: '7',
      VerificationMethod: 'In person with photo ID',
      Ticket: '@SUM(1)',
    } as VerificationRecord,
    attempt: { items: [{ itemId: '7' }, { itemId: '9' }] } as Attempt,
    matchedBy: 'time',
    anomalies: ['issuerNotAuthor'],
    findings: {
      issuerNotAuthor: [
        finding('issuerNotAuthor', { issuer: 'sam@contoso.com', author: 'Helen Helpdesk' }),
      ],
    },
  },
];

/** Clicks Download CSV and returns the file's lines, without the byte-order mark. */
async function download(button = 'Download CSV'): Promise<string[]> {
  const downloads = captureDownloads();
  await userEvent.click(screen.getByRole('button', { name: button }));
  expect(downloads.at(-1)?.name).toBe('audit.csv');
  return (await downloads.at(-1)!.lines()).filter(Boolean);
}

/** The target column of each data row, top to bottom, as the grid shows them. */
function targetsShown(): string[] {
  return within(screen.getByRole('grid'))
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-id'))
    .map((row) => within(row).getAllByRole('gridcell')[4]?.textContent ?? '');
}

const renderTable = (locale: Locale = 'en') =>
  renderWithHarness(
    <AuditTable rows={ROWS} label="Issuance record" status="3 row(s)" fileName="audit.csv" />,
    { locale },
  );

describe('AuditTable', { timeout: 60_000 }, () => {
  it('exports the rows in the order the grid shows them, newest first, then as sorted', async () => {
    await renderTable();
    await screen.findByRole('grid', { name: 'Issuance record' });
    expect(targetsShown()).toEqual(['eve@contoso.com', 'kim@contoso.com', 'ann@contoso.com']);
    const [header, ...lines] = await download();
    expect(header).toBe('"When","Activity","Acted by","Target","Verification","Anomalies"');
    expect(lines.map((line) => line.split('","')[3])).toEqual(targetsShown());

    await userEvent.click(screen.getByRole('columnheader', { name: 'Target' }));
    expect(targetsShown()).toEqual(['ann@contoso.com', 'eve@contoso.com', 'kim@contoso.com']);
    const [, ...sorted] = await download();
    expect(sorted.map((line) => line.split('","')[3])).toEqual(targetsShown());
  });

  it('writes each cell as shown, instants in ISO 8601, formula starts disarmed', async () => {
    await renderTable();
    await screen.findByRole('grid');
    const lines = await download();
    expect(lines).toContain(
      '"2026-11-20T09:00:00.000Z","TAP created","Gail Global via Azure Portal","kim@contoso.com",' +
        '"No record","No verification record; Admin account: Global Administrator"',
    );
    // What people typed stays data, wherever a formula start stands in the cell.
    expect(lines).toContain(
      '"2026-11-21T09:00:00.000Z","TAP created (failed)","x;=1+1","eve@contoso.com","No record",""',
    );
  });

  it('exports a column once it is shown, and the row opens in full from the keyboard', async () => {
    await renderTable();
    await screen.findByRole('grid');
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Ticket' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Verification item ids' }));
    await userEvent.keyboard('{Escape}');
    const [header = '', ...lines] = await download();
    expect(header).toMatch(/,"Ticket","Verification item ids"$/);
    expect(lines.find((line) => line.includes('ann@contoso.com'))).toMatch(/,"'@SUM\(1\)","7 9"$/);

    await userEvent.click(screen.getByRole('gridcell', { name: 'ann@contoso.com' }));
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: /ann@contoso.com/ });
    expect(dialog).toHaveTextContent('Ticket: @SUM(1)');
    expect(dialog).toHaveTextContent(
      'It names sam@contoso.com as issuer; SharePoint says Helen Helpdesk wrote it.',
    );
    expect(dialog).toHaveTextContent('Matched by person and time');
  });

  it('hands its one tab stop back to the first column header when focus leaves it', async () => {
    // The grid draws only the rows near the screen: a cell kept as the tab stop vanishes once its
    // row scrolls away or is filtered out, and Tab would then skip the grid altogether.
    await renderTable();
    await screen.findByRole('grid');
    const tabStops = () =>
      Array.from(screen.getByRole('grid').querySelectorAll('[tabindex="0"]')).map(
        (element) => element.textContent,
      );
    await userEvent.click(screen.getByRole('gridcell', { name: 'ann@contoso.com' }));
    expect(tabStops()).toEqual(['ann@contoso.com']);
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(tabStops()).toEqual(['Details']);
    await userEvent.tab();
    expect(screen.getByRole('columnheader', { name: 'Details' })).toHaveFocus();
  });

  it('starts compact, and the row height can be changed from the toolbar', async () => {
    await renderTable();
    await screen.findByRole('grid');
    const rowHeight = () =>
      within(screen.getByRole('grid'))
        .getAllByRole('row')
        .find((row) => row.hasAttribute('data-id'))
        ?.style.getPropertyValue('--height');
    const compact = rowHeight();
    await userEvent.click(screen.getByRole('button', { name: 'Row height' }));
    expect(screen.getByRole('menuitemradio', { name: 'Compact' })).toBeChecked();
    await userEvent.click(screen.getByRole('menuitemradio', { name: 'Comfortable' }));
    expect(rowHeight()).not.toBe(compact);
    await userEvent.click(screen.getByRole('button', { name: 'Row height' }));
    expect(screen.getByRole('menuitemradio', { name: 'Comfortable' })).toBeChecked();
  });

  it("speaks German to a German reader: headings, cells, toolbar, the grid's own words, the CSV", async () => {
    await renderTable('de');
    const grid = await screen.findByRole('grid');
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual([
      'Details',
      'Zeitpunkt',
      'Aktivität',
      'Ausgeführt von',
      'Ziel',
      'Überprüfung',
      'Auffälligkeiten',
    ]);
    const kim = within(grid).getByRole('row', { name: /kim@contoso.com/ });
    // The chip, with its meaning on hover.
    expect(within(kim).getByTitle(/^Ein Pass wurde ohne Überprüfungsdatensatz/)).toHaveTextContent(
      'Kein Überprüfungsdatensatz',
    );
    expect(within(kim).getByText('Gail Global über Azure Portal')).toBeInTheDocument();
    // The toolbar's own buttons, and the Data Grid's words from its German locale pack.
    expect(screen.getByRole('button', { name: 'Spalten' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zeilenhöhe' })).toBeInTheDocument();
    expect(screen.getByText('Zeilen pro Seite:')).toBeInTheDocument();

    const [header, ...lines] = await download('CSV herunterladen');
    expect(header).toBe(
      '"Zeitpunkt","Aktivität","Ausgeführt von","Ziel","Überprüfung","Auffälligkeiten"',
    );
    expect(lines).toContain(
      '"2026-11-21T09:00:00.000Z","TAP erstellt (fehlgeschlagen)","x;=1+1","eve@contoso.com","Kein Datensatz",""',
    );
    expect(lines).toContain(
      '"2026-11-20T09:00:00.000Z","TAP erstellt","Gail Global über Azure Portal","kim@contoso.com",' +
        '"Kein Datensatz","Kein Überprüfungsdatensatz; Administratorkonto: Global Administrator"',
    );
  });
});

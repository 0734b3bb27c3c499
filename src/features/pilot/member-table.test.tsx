import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemberTable } from './member-table';
import type { MemberRow } from './stages';
import { captureDownloads } from '../../testing/downloads';
import { renderWithHarness } from '../../testing/harness';

const member = (id: string, displayName: string, department: string | null): MemberRow => ({
  id,
  displayName,
  userPrincipalName: `${id}@contoso.com`,
  department,
  stage: 'member',
  stalled: null,
  tapExpiryIsExact: false,
});

describe('MemberTable', { timeout: 30_000 }, () => {
  it('exports CSV through the app’s writer: every cell quoted, formula starts disarmed', async () => {
    const downloads = captureDownloads();
    await renderWithHarness(
      <MemberTable
        rows={[
          member('ada', 'Ada', 'x;=1+1'),
          member('eve', '＝HYPERLINK("http://evil")', null),
          member('bob', '-2', 'Sales'),
        ]}
        loading={false}
        search=""
        onSearchChange={() => {}}
        exportName="pilot-Passwordless-Pilot"
      />,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Download as CSV' }));

    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('pilot-Passwordless-Pilot.csv');
    const lines = await downloads[0]!.lines();
    expect(lines[0]).toMatch(/^"Name","User name","Department","Stage",/);
    const line = (upn: string) => lines.find((text) => text.includes(`"${upn}"`));
    expect(line('bob@contoso.com')).toMatch(/^"'-2","bob@contoso.com","Sales","Members",/);
    expect(line('ada@contoso.com')).toMatch(/^"Ada","ada@contoso.com","x;=1\+1","Members",/);
    expect(line('eve@contoso.com')).toMatch(
      /^"'＝HYPERLINK\(""http:\/\/evil""\)","eve@contoso.com","",/,
    );
  });

  // A full page of 100 rows takes jsdom seconds to draw, and this test draws it three times.
  it(
    'holds one page in the grid but sorts, counts and exports every member',
    { timeout: 60_000 },
    async () => {
      const downloads = captureDownloads();
      // Zero-padded, so the names sort as their numbers do; given in reverse.
      const rows = Array.from({ length: 250 }, (_, index) => {
        const n = String(250 - index).padStart(3, '0');
        return member(`m${n}`, `Member ${n}`, null);
      });
      await renderWithHarness(
        <MemberTable
          rows={rows}
          loading={false}
          search=""
          onSearchChange={() => {}}
          exportName="pilot"
        />,
      );
      const grid = await screen.findByRole('grid', { name: 'Pilot members' });
      // Screen readers hear the whole table's size: every member plus the header row.
      expect(grid).toHaveAttribute('aria-rowcount', '251');
      // Queried by selector: role queries over a page of cells take seconds in jsdom.
      const rowsShown = () => grid.querySelectorAll('[role="row"][data-rowindex]');
      const firstName = () => rowsShown()[0]?.querySelector('[role="gridcell"]')?.textContent;
      expect(firstName()).toBe('Member 001');
      expect(rowsShown().length).toBeLessThanOrEqual(100);

      await userEvent.click(within(grid).getByRole('columnheader', { name: 'Name' }));
      expect(firstName()).toBe('Member 250');

      // On the second page, rows say where they are among all rows.
      await userEvent.click(screen.getByRole('button', { name: 'Go to next page' }));
      expect(firstName()).toBe('Member 150');
      expect(rowsShown()[0]).toHaveAttribute('aria-rowindex', '102');
      expect(grid).toHaveAttribute('aria-rowcount', '251');

      await userEvent.click(await screen.findByRole('button', { name: 'Export' }));
      await userEvent.click(await screen.findByRole('menuitem', { name: 'Download as CSV' }));
      // The header, 250 rows, and the empty line after the last line break.
      const lines = await downloads[0]!.lines();
      expect(lines).toHaveLength(252);
      expect(lines[1]).toMatch(/^"Member 250",/);
      expect(lines[250]).toMatch(/^"Member 001",/);
    },
  );
});

import { screen } from '@testing-library/react';
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
});

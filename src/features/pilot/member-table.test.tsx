import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { MemberTable } from './member-table';
import type { MemberRow } from './stages';
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

afterEach(() => vi.unstubAllGlobals());

/** A Blob's text (jsdom's Blob has no text()). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('MemberTable', { timeout: 30_000 }, () => {
  it('exports CSV through the app’s writer: every cell quoted, formula starts disarmed', async () => {
    const files: Blob[] = [];
    // jsdom has no object URLs; the rest of URL must keep working around the table.
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL(blob: Blob) {
          files.push(blob);
          return 'blob:members';
        }
        static override revokeObjectURL() {}
      },
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
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

    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(
      'pilot-Passwordless-Pilot.csv',
    );
    const lines = (await textOf(files[0]!)).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^"Name","User name","Department","Stage",/);
    const line = (upn: string) => lines.find((text) => text.includes(`"${upn}"`));
    expect(line('bob@contoso.com')).toMatch(/^"'-2","bob@contoso.com","Sales","Members",/);
    expect(line('ada@contoso.com')).toMatch(/^"Ada","ada@contoso.com","x;=1\+1","Members",/);
    expect(line('eve@contoso.com')).toMatch(
      /^"'＝HYPERLINK\(""http:\/\/evil""\)","eve@contoso.com","",/,
    );
  });
});

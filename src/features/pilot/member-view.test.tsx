import type { GridFilterModel, GridSortModel } from '@mui/x-data-grid';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import type { Locale } from '../../i18n/locales';
import { intlIn } from '../../testing/words';
import { memberColumns } from './member-columns';
import { filterMembers, membersCsv, sortMembers, type GridHandle } from './member-view';
import type { MemberRow } from './stages';
import { usePilotMessages } from './use-pilot-messages';

function columnsIn(locale: Locale = 'en') {
  const intl = intlIn(locale);
  const { result } = renderHook(() => usePilotMessages(), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <RawIntlProvider value={intl}>{children}</RawIntlProvider>
    ),
  });
  return memberColumns(result.current);
}

const member = (id: string, overrides: Partial<MemberRow> = {}): MemberRow => ({
  id,
  displayName: id,
  userPrincipalName: `${id}@contoso.com`,
  department: null,
  stage: 'member',
  stalled: null,
  tapExpiryIsExact: false,
  ...overrides,
});

const NO_FILTER: GridFilterModel = { items: [] };
const GRID = { current: null } as unknown as GridHandle;
const ids = (rows: readonly MemberRow[]) => rows.map((row) => row.id);

/** What the table shows across its pages: sorted, then filtered. */
const memberView = (
  rows: readonly MemberRow[],
  columns: ReturnType<typeof memberColumns>,
  filter: GridFilterModel,
  sort: GridSortModel,
  grid: GridHandle,
) => filterMembers(sortMembers(rows, columns, sort), columns, filter, grid);

describe('the member table over every member, as the grid would show it', () => {
  const rows = [
    member('ada', { displayName: 'Ada Lovelace', department: 'Research', stage: 'tapIssued' }),
    member('bo', { displayName: 'Bo Ek', department: 'Sales', stage: 'phoneSignInEnabled' }),
    member('cy', { displayName: 'Cy Young', department: null, stage: 'passkeyRegistered' }),
    member('di', { displayName: 'Di (Ops)', department: 'research & dev', stage: 'member' }),
  ];

  it("runs a column filter with the column's own operator", () => {
    const columns = columnsIn();
    const view = (filter: GridFilterModel) => ids(memberView(rows, columns, filter, [], GRID));
    const department = (operator: string, value?: unknown) =>
      view({ items: [{ field: 'department', operator, value }] });
    expect(department('contains', 'RESEARCH')).toEqual(['ada', 'di']);
    expect(department('equals', 'sales')).toEqual(['bo']);
    expect(department('isEmpty')).toEqual(['cy']);
    // An operator without its value filters nothing, as in the grid.
    expect(department('contains', '')).toEqual(['ada', 'bo', 'cy', 'di']);
    expect(
      view({
        items: [{ field: 'stage', operator: 'isAnyOf', value: ['tapIssued', 'passkeyRegistered'] }],
      }),
    ).toEqual(['ada', 'cy']);
    expect(view({ items: [{ field: 'stage', operator: 'not', value: 'member' }] })).toEqual([
      'ada',
      'bo',
      'cy',
    ]);
  });

  it('filters dates by time', () => {
    const dated = [
      member('early', { tapIssuedDateTime: '2026-03-01T08:00:00Z' }),
      member('late', { tapIssuedDateTime: '2026-03-02T08:00:00Z' }),
      member('none'),
    ];
    const after = memberView(
      dated,
      columnsIn(),
      {
        items: [
          { field: 'tapIssuedDateTime', operator: 'after', value: new Date('2026-03-01T12:00Z') },
        ],
      },
      [],
      GRID,
    );
    expect(ids(after)).toEqual(['late']);
  });

  it('finds each searched word in some column, ignoring case, and takes words literally', () => {
    const columns = columnsIn();
    const search = (...words: string[]) =>
      ids(memberView(rows, columns, { items: [], quickFilterValues: words }, [], GRID));
    expect(search('ek')).toEqual(['bo']);
    // The stage's label counts, as the reader sees it.
    expect(search('passkey')).toEqual(['cy']);
    // Every word must match, in any column.
    expect(search('research', 'ada')).toEqual(['ada']);
    // Characters a pattern would read as syntax are text.
    expect(search('(ops)')).toEqual(['di']);
    expect(search('.*')).toEqual([]);
  });

  it('sorts names as the reader’s language does, either way, keeping equal rows in their order', () => {
    const names = [
      member('1', { displayName: 'Åsa' }),
      member('2', { displayName: 'Zoë' }),
      member('3', { displayName: 'Anna' }),
      member('4', { displayName: 'anna' }),
      member('5', { displayName: 'Örjan' }),
      member('6', { displayName: 'Anna' }),
    ];
    const sorted = (sort: GridSortModel) =>
      ids(memberView(names, columnsIn('de'), NO_FILTER, sort, GRID));
    // Accented letters sort beside their base letter, not after Z as code points would.
    expect(sorted([{ field: 'displayName', sort: 'asc' }])).toEqual(['4', '3', '6', '1', '5', '2']);
    expect(sorted([{ field: 'displayName', sort: 'desc' }])).toEqual([
      '2',
      '5',
      '1',
      '3',
      '6',
      '4',
    ]);
  });

  it('sorts stages in funnel order and dates in time, empty first', () => {
    const columns = columnsIn();
    const byStage = memberView(rows, columns, NO_FILTER, [{ field: 'stage', sort: 'asc' }], GRID);
    expect(ids(byStage)).toEqual(['di', 'ada', 'bo', 'cy']);
    const dated = [
      member('late', { tapIssuedDateTime: '2026-03-02T08:00:00Z' }),
      member('none'),
      member('early', { tapIssuedDateTime: '2026-03-01T08:00:00Z' }),
    ];
    const byIssue = memberView(
      dated,
      columns,
      NO_FILTER,
      [{ field: 'tapIssuedDateTime', sort: 'asc' }],
      GRID,
    );
    expect(ids(byIssue)).toEqual(['none', 'early', 'late']);
  });

  it('writes the CSV with the headers and the text the table shows', () => {
    const columns = columnsIn().filter((column) =>
      ['displayName', 'stage', 'passwordlessMethod'].includes(column.def.field),
    );
    const lines = membersCsv(rows.slice(1, 3), columns)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toEqual([
      '"Name","Stage","Passwordless method"',
      '"Bo Ek","Phone sign-in enabled","Phone sign-in"',
      '"Cy Young","Passkey in Authenticator registered","Passkey in Authenticator"',
    ]);
  });
});

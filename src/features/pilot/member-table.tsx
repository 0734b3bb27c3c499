import { MenuItem } from '@mui/material';
import {
  DataGrid,
  GridRow,
  gridVisibleColumnDefinitionsSelector,
  useGridApiRef,
  type GridFilterModel,
  type GridPaginationModel,
  type GridRowProps,
  type GridSortModel,
} from '@mui/x-data-grid';
import {
  createContext,
  forwardRef,
  useContext,
  useDeferredValue,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { downloadCsv } from '../../lib/csv';

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    /**
     * Extra items for the default toolbar's Export menu (a prop it takes but does not type). If
     * a release drops it, the Export button disappears, since the grid's own CSV item is off:
     * the export fails loudly (the pilot e2e test) rather than falling back to the weaker one.
     */
    additionalExportMenuItems?: (closeMenu: () => void) => ReactNode;
  }
}
import { memberColumns } from './member-columns';
import { filterMembers, membersCsv, sortMembers, type GridHandle } from './member-view';
import type { MemberRow } from './stages';
import { usePilotMessages } from './use-pilot-messages';
import { useGridTabStop } from '../../components/use-grid-tab-stop';

/** Where the page the grid holds starts among all rows. */
const PageStart = createContext(0);

/**
 * A row that tells screen readers its place among all rows ("row 102 of 251"): given one page,
 * the grid numbers its rows from the top of that page.
 */
const PagedRow = forwardRef<HTMLDivElement, GridRowProps>(function PagedRow(props, ref) {
  const start = useContext(PageStart);
  // One for the header row, one because aria-rowindex counts from 1.
  return <GridRow {...props} ref={ref} aria-rowindex={start + props.index + 2} />;
});

const FIRST_PAGE: GridPaginationModel = { page: 0, pageSize: 100 };
const BY_NAME: GridSortModel = [{ field: 'displayName', sort: 'asc' }];

/**
 * Sortable, filterable and paged over every member; the quick search is kept in the URL. The
 * grid holds one page: the filter, the sort and the CSV work over all rows (member-view.ts).
 */
export function MemberTable(props: {
  rows: MemberRow[];
  loading: boolean;
  search: string;
  onSearchChange: (text: string) => void;
  exportName: string;
}) {
  // Column filters stay local; the quick search lives in the URL with the rest of the view.
  const [items, setItems] = useState<GridFilterModel['items']>([]);
  const [sortModel, setSortModel] = useState(BY_NAME);
  const [pagination, setPagination] = useState(FIRST_PAGE);
  const apiRef = useGridApiRef();
  useGridTabStop(apiRef);
  const words = usePilotMessages();
  const columns = useMemo(() => memberColumns(words), [words]);
  const filterModel = useMemo<GridFilterModel>(
    () => ({ items, quickFilterValues: props.search.split(/\s+/).filter(Boolean) }),
    [items, props.search],
  );
  // New rows are sorted in a render of their own, after the page has drawn the figures that
  // came with them: at 100,000 members the two together made one task of over 200 ms.
  const rows = useDeferredValue(props.rows);
  // Sorted when the rows or the sort change; filtered, which is quick, when the filter does.
  const sorted = useMemo(() => sortMembers(rows, columns, sortModel), [rows, columns, sortModel]);
  const view = useMemo(
    () => filterMembers(sorted, columns, filterModel, apiRef as GridHandle),
    [sorted, columns, filterModel, apiRef],
  );
  // A narrower view may end before the page the reader was on.
  const lastPage = Math.max(0, Math.ceil(view.length / pagination.pageSize) - 1);
  const page = Math.min(pagination.page, lastPage);
  const pageRows = useMemo(
    () => view.slice(page * pagination.pageSize, (page + 1) * pagination.pageSize),
    [view, page, pagination.pageSize],
  );
  const exportCsv = () => {
    const shown = gridVisibleColumnDefinitionsSelector(apiRef).map((column) => column.field);
    const exported = shown.flatMap((field) =>
      columns.filter((column) => column.def.field === field),
    );
    downloadCsv(membersCsv(view, exported), `${props.exportName}.csv`);
  };
  return (
    <div style={{ height: 640, width: '100%' }}>
      <PageStart.Provider value={page * pagination.pageSize}>
        <DataGrid
          apiRef={apiRef}
          rows={pageRows}
          rowCount={view.length}
          columns={columns.map((column) => column.def)}
          loading={props.loading && props.rows.length === 0}
          label={words.t('tableLabel')}
          showToolbar
          density="compact"
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          paginationModel={{ ...pagination, page }}
          onPaginationModelChange={setPagination}
          pageSizeOptions={[25, 50, 100]}
          sortModel={sortModel}
          onSortModelChange={(model) => {
            setSortModel(model);
            setPagination((current) => ({ ...current, page: 0 }));
          }}
          filterModel={filterModel}
          onFilterModelChange={(model) => {
            setItems(model.items);
            setPagination((current) => ({ ...current, page: 0 }));
            const search = (model.quickFilterValues ?? []).join(' ');
            if (search !== props.search) props.onSearchChange(search);
          }}
          slotProps={{
            // The whole table's size, not the page's: every member plus the header row.
            main: { 'aria-rowcount': view.length + 1 },
            toolbar: {
              showQuickFilter: true,
              csvOptions: { disableToolbarButton: true },
              additionalExportMenuItems: (close) => (
                <MenuItem
                  onClick={() => {
                    exportCsv();
                    close();
                  }}
                >
                  {words.t('downloadCsv')}
                </MenuItem>
              ),
              printOptions: { disableToolbarButton: true },
            },
          }}
          disableRowSelectionOnClick
          slots={{ row: PagedRow }}
        />
      </PageStart.Provider>
    </div>
  );
}

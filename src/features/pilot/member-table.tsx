import { MenuItem } from '@mui/material';
import { DataGrid, useGridApiRef, type GridColDef, type GridFilterModel } from '@mui/x-data-grid';
import { useMemo, useState, type ReactNode } from 'react';
import { gridCsv } from '../../components/grid-csv';
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
import { STAGES, STAGE_LABELS, STALLED_LABELS, type MemberRow } from './stages';

const dateTime = (value: string | undefined) => (value ? new Date(value) : null);
const formatDate = (value: Date | null) => (value ? value.toLocaleString() : '');

const AUTHENTICATOR_LABELS = { push: 'Push only', passwordless: 'Phone sign-in' } as const;

const COLUMNS: GridColDef<MemberRow>[] = [
  { field: 'displayName', headerName: 'Name', flex: 1, minWidth: 160 },
  { field: 'userPrincipalName', headerName: 'User name', flex: 1, minWidth: 200 },
  {
    field: 'department',
    headerName: 'Department',
    width: 140,
    valueGetter: (value: string | null) => value ?? '',
  },
  {
    field: 'stage',
    headerName: 'Stage',
    width: 190,
    type: 'singleSelect',
    valueOptions: STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] })),
    sortComparator: (a: MemberRow['stage'], b: MemberRow['stage']) =>
      STAGES.indexOf(a) - STAGES.indexOf(b),
  },
  {
    field: 'stalled',
    headerName: 'Needs chasing',
    width: 200,
    valueGetter: (value: MemberRow['stalled']) => (value ? STALLED_LABELS[value] : ''),
  },
  {
    field: 'tapIssuedDateTime',
    headerName: 'TAP issued',
    type: 'dateTime',
    width: 180,
    valueGetter: dateTime,
    valueFormatter: formatDate,
  },
  {
    field: 'tapExpiresDateTime',
    headerName: 'TAP expires',
    type: 'dateTime',
    width: 200,
    valueGetter: dateTime,
    // Unread passes show the latest they can expire, from the policy's longest lifetime.
    valueFormatter: (value: Date | null, row) =>
      value ? `${row.tapExpiryIsExact ? '' : 'by '}${value.toLocaleString()}` : '',
  },
  {
    field: 'authenticator',
    headerName: 'Authenticator',
    width: 140,
    valueGetter: (value: MemberRow['authenticator']) => (value ? AUTHENTICATOR_LABELS[value] : ''),
  },
  {
    // The passwordless end state (decision 0011); the CSV carries it like every column.
    field: 'passwordlessMethod',
    headerName: 'Passwordless method',
    width: 190,
    valueGetter: (_value: unknown, row: MemberRow) =>
      row.stage === 'passkeyRegistered'
        ? 'Passkey in Authenticator'
        : row.stage === 'phoneSignInEnabled'
          ? 'Phone sign-in'
          : '',
  },
  {
    field: 'lastUpdateDateTime',
    headerName: 'Last update',
    type: 'dateTime',
    width: 180,
    valueGetter: dateTime,
    valueFormatter: formatDate,
  },
];

/** Virtualised, sortable, filterable; the quick search is kept in the URL. */
export function MemberTable(props: {
  rows: MemberRow[];
  loading: boolean;
  search: string;
  onSearchChange: (text: string) => void;
  exportName: string;
}) {
  // Column filters stay local; the quick search lives in the URL with the rest of the view.
  const [items, setItems] = useState<GridFilterModel['items']>([]);
  const apiRef = useGridApiRef();
  const filterModel = useMemo<GridFilterModel>(
    () => ({ items, quickFilterValues: props.search.split(/\s+/).filter(Boolean) }),
    [items, props.search],
  );
  return (
    <div style={{ height: 640, width: '100%' }}>
      <DataGrid
        apiRef={apiRef}
        rows={props.rows}
        columns={COLUMNS}
        loading={props.loading && props.rows.length === 0}
        label="Pilot members"
        showToolbar
        density="compact"
        initialState={{
          pagination: { paginationModel: { pageSize: 100 } },
          sorting: { sortModel: [{ field: 'displayName', sort: 'asc' }] },
        }}
        pageSizeOptions={[25, 50, 100]}
        filterModel={filterModel}
        onFilterModelChange={(model) => {
          setItems(model.items);
          const search = (model.quickFilterValues ?? []).join(' ');
          if (search !== props.search) props.onSearchChange(search);
        }}
        slotProps={{
          toolbar: {
            showQuickFilter: true,
            csvOptions: { disableToolbarButton: true },
            additionalExportMenuItems: (close) => (
              <MenuItem
                onClick={() => {
                  downloadCsv(gridCsv(apiRef), `${props.exportName}.csv`);
                  close();
                }}
              >
                Download as CSV
              </MenuItem>
            ),
            printOptions: { disableToolbarButton: true },
          },
        }}
        disableRowSelectionOnClick
      />
    </div>
  );
}

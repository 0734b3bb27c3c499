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
import { STAGES, type MemberRow } from './stages';
import { usePilotMessages } from './use-pilot-messages';
import { useGridTabStop } from '../../components/use-grid-tab-stop';

const dateTime = (value: string | undefined) => (value ? new Date(value) : null);

/** The columns in the reader's language; dates and times in their locale. */
function memberColumns(words: ReturnType<typeof usePilotMessages>): GridColDef<MemberRow>[] {
  const { t, intl, stageLabel, stalledLabel } = words;
  const at = (value: Date) =>
    intl.formatDate(value, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    });
  const formatDate = (value: Date | null) => (value ? at(value) : '');
  return [
    { field: 'displayName', headerName: t('column.name'), flex: 1, minWidth: 160 },
    { field: 'userPrincipalName', headerName: t('column.userName'), flex: 1, minWidth: 200 },
    {
      field: 'department',
      headerName: t('column.department'),
      width: 140,
      valueGetter: (value: string | null) => value ?? '',
    },
    {
      field: 'stage',
      headerName: t('column.stage'),
      width: 190,
      type: 'singleSelect',
      valueOptions: STAGES.map((stage) => ({ value: stage, label: stageLabel(stage) })),
      sortComparator: (a: MemberRow['stage'], b: MemberRow['stage']) =>
        STAGES.indexOf(a) - STAGES.indexOf(b),
    },
    {
      field: 'stalled',
      headerName: t('column.stalled'),
      width: 200,
      valueGetter: (value: MemberRow['stalled']) => (value ? stalledLabel(value) : ''),
    },
    {
      field: 'tapIssuedDateTime',
      headerName: t('column.tapIssued'),
      type: 'dateTime',
      width: 180,
      valueGetter: dateTime,
      valueFormatter: formatDate,
    },
    {
      field: 'tapExpiresDateTime',
      headerName: t('column.tapExpires'),
      type: 'dateTime',
      width: 200,
      valueGetter: dateTime,
      // Unread passes show the latest they can expire, from the policy's longest lifetime.
      valueFormatter: (value: Date | null, row) =>
        value ? (row.tapExpiryIsExact ? at(value) : t('expiresBy', { at: at(value) })) : '',
    },
    {
      field: 'authenticator',
      headerName: t('column.authenticator'),
      width: 140,
      valueGetter: (value: MemberRow['authenticator']) =>
        value ? t(`authenticator.${value}`) : '',
    },
    {
      // The passwordless end state (decision 0011); the CSV carries it like every column.
      field: 'passwordlessMethod',
      headerName: t('column.passwordless'),
      width: 190,
      valueGetter: (_value: unknown, row: MemberRow) =>
        row.stage === 'passkeyRegistered'
          ? t('method.passkey')
          : row.stage === 'phoneSignInEnabled'
            ? t('method.phoneSignIn')
            : '',
    },
    {
      field: 'lastUpdateDateTime',
      headerName: t('column.lastUpdate'),
      type: 'dateTime',
      width: 180,
      valueGetter: dateTime,
      valueFormatter: formatDate,
    },
  ];
}

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
  useGridTabStop(apiRef);
  const words = usePilotMessages();
  const columns = useMemo(() => memberColumns(words), [words]);
  const filterModel = useMemo<GridFilterModel>(
    () => ({ items, quickFilterValues: props.search.split(/\s+/).filter(Boolean) }),
    [items, props.search],
  );
  return (
    <div style={{ height: 640, width: '100%' }}>
      <DataGrid
        apiRef={apiRef}
        rows={props.rows}
        columns={columns}
        loading={props.loading && props.rows.length === 0}
        label={words.t('tableLabel')}
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
                {words.t('downloadCsv')}
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

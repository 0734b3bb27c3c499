import { Button, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import {
  ColumnsPanelTrigger,
  DataGrid,
  gridDensitySelector,
  GridDownloadIcon,
  GridTableRowsIcon,
  GridViewColumnIcon,
  Toolbar,
  ToolbarButton,
  useGridApiContext,
  useGridApiRef,
  useGridSelector,
  type GridDensity,
} from '@mui/x-data-grid';
import { useId, useMemo, useState } from 'react';
import { gridCsv } from '../../components/grid-csv';
import { useMessages } from '../../i18n/use-messages';
import { downloadCsv } from '../../lib/csv';
import { auditColumns, auditCsvCell, HIDDEN_AT_FIRST, useAuditWords } from './audit-columns';
import { AuditDetails } from './audit-details';
import type { AuditRow } from './audit-row';
import { messages } from './messages';
import { useGridTabStop } from '../../components/use-grid-tab-stop';

declare module '@mui/x-data-grid' {
  interface ToolbarPropsOverrides {
    /** The audit record's toolbar: its row count line and its download. */
    auditStatus?: string;
    onDownloadCsv?: () => void;
  }
}

const DENSITIES: readonly GridDensity[] = ['compact', 'standard', 'comfortable'];

function DensityMenu() {
  const { t } = useMessages(messages);
  const apiRef = useGridApiContext();
  const density = useGridSelector(apiRef, gridDensitySelector);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  const menuId = useId();
  return (
    <>
      <Tooltip title={t('grid.density')}>
        <ToolbarButton
          aria-label={t('grid.density')}
          aria-haspopup="true"
          aria-controls={open ? menuId : undefined}
          aria-expanded={open ? 'true' : undefined}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <GridTableRowsIcon fontSize="small" />
        </ToolbarButton>
      </Tooltip>
      <Menu id={menuId} anchorEl={anchor} open={open} onClose={() => setAnchor(null)}>
        {DENSITIES.map((value) => (
          <MenuItem
            key={value}
            role="menuitemradio"
            selected={value === density}
            aria-checked={value === density}
            onClick={() => {
              apiRef.current.setDensity(value);
              setAnchor(null);
            }}
          >
            {t(`grid.density.${value}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

function AuditToolbar(props: { auditStatus?: string; onDownloadCsv?: () => void }) {
  const { t } = useMessages(messages);
  return (
    <Toolbar style={{ minHeight: 44 }}>
      <Typography variant="body2" color="text.secondary" role="status" sx={{ flex: 1, mx: 0.5 }}>
        {props.auditStatus}
      </Typography>
      <Tooltip title={t('grid.columns')}>
        <ColumnsPanelTrigger render={<ToolbarButton aria-label={t('grid.columns')} />}>
          <GridViewColumnIcon fontSize="small" />
        </ColumnsPanelTrigger>
      </Tooltip>
      <DensityMenu />
      <Button
        size="small"
        variant="outlined"
        startIcon={<GridDownloadIcon />}
        onClick={props.onDownloadCsv}
        sx={{ ml: 1, whiteSpace: 'nowrap' }}
      >
        {t('grid.downloadCsv')}
      </Button>
    </Toolbar>
  );
}

/**
 * The record on the grid: one line per row, virtualised, sorted newest first, scrolling inside
 * the space its parent gives it. Each row opens in full in a dialog; the CSV holds the rows and
 * columns the grid holds, in its order.
 */
export function AuditTable(props: {
  rows: readonly AuditRow[];
  /** The grid's accessible name: what the rows are. */
  label: string;
  status: string;
  fileName: string;
}) {
  const apiRef = useGridApiRef();
  useGridTabStop(apiRef);
  const [details, setDetails] = useState<AuditRow | null>(null);
  const words = useAuditWords();
  const columns = useMemo(() => auditColumns(setDetails, words), [words]);
  return (
    <>
      <DataGrid
        apiRef={apiRef}
        rows={props.rows}
        columns={columns}
        aria-label={props.label}
        showToolbar
        slots={{ toolbar: AuditToolbar }}
        slotProps={{
          toolbar: {
            auditStatus: props.status,
            onDownloadCsv: () => downloadCsv(gridCsv(apiRef, auditCsvCell), props.fileName),
          },
        }}
        // Compact by default: 34 pixels a row, so 15 rows fit a 900-pixel window under the filters.
        rowHeight={48}
        columnHeaderHeight={48}
        initialState={{
          density: 'compact',
          columns: { columnVisibilityModel: HIDDEN_AT_FIRST },
          sorting: { sortModel: [{ field: 'at', sort: 'desc' }] },
          pagination: { paginationModel: { pageSize: 100 } },
        }}
        pageSizeOptions={[25, 50, 100]}
        disableColumnFilter
        disableRowSelectionOnClick
        // Enter on any cell opens the row in full, as the Details button does.
        onCellKeyDown={(params, event) => {
          if (event.key === 'Enter' && params.field !== 'details') setDetails(params.row);
        }}
      />
      <AuditDetails row={details} onClose={() => setDetails(null)} />
    </>
  );
}

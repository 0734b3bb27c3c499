import {
  gridFilteredSortedRowIdsSelector,
  gridVisibleColumnDefinitionsSelector,
  type GridApi,
  type GridCellParams,
} from '@mui/x-data-grid';
import type { RefObject } from 'react';
import { toCsv, type CsvValue } from '../lib/csv';

/**
 * A grid's rows as CSV: the visible columns in their order, the filtered rows in their sorted
 * order (every page), each cell as the grid formats it unless `cell` says otherwise. Written by
 * the app's one CSV writer: the grid's own export guards only a cell's first character and quotes
 * only where needed, so `x;=1+1` or a full-width `＝` in a name would run as a formula.
 */
export function gridCsv(
  apiRef: RefObject<GridApi | null>,
  cell: (params: GridCellParams) => CsvValue = (params) => params.formattedValue as CsvValue,
): string {
  const api = apiRef.current;
  if (!api) return toCsv([], []);
  const columns = gridVisibleColumnDefinitionsSelector(apiRef).filter(
    (column) => column.disableExport !== true,
  );
  const rows = gridFilteredSortedRowIdsSelector(apiRef).map((id) =>
    columns.map((column) => cell(api.getCellParams(id, column.field))),
  );
  return toCsv(
    columns.map((column) => column.headerName ?? column.field),
    rows,
  );
}

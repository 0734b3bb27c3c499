import { gridTabIndexCellSelector, type GridApi } from '@mui/x-data-grid';
import { useEffect, type RefObject } from 'react';

/**
 * Keeps a grid reachable with Tab. The Data Grid has one tab stop, the last cell a person was on,
 * and draws only the rows near the ones on screen. Once that cell's row scrolls away or a filter
 * moves it, the cell is no longer on the page: the grid then has no tab stop at all, so Tab
 * skips it and its scrolling region cannot be reached by keyboard (axe's
 * scrollable-region-focusable). So when focus leaves the grid's cells, the tab stop goes back to the
 * first column header, which is always drawn; from there the arrow keys reach every row.
 */
export function useGridTabStop(apiRef: RefObject<GridApi | null>) {
  useEffect(() => {
    const root = apiRef.current?.rootElementRef.current;
    if (!root) return undefined;
    const onFocusOut = (event: FocusEvent) => {
      const api = apiRef.current;
      if (!api) return;
      // The root holds the toolbar too: only the cells and headers count as inside.
      const cells = root.querySelector('[role="grid"]') ?? root;
      if (event.relatedTarget instanceof Node && cells.contains(event.relatedTarget)) return;
      if (gridTabIndexCellSelector(apiRef) === null) return;
      api.setState((state) => ({
        ...state,
        tabIndex: {
          cell: null,
          columnHeader: null,
          columnHeaderFilter: null,
          columnGroupHeader: null,
        },
      }));
    };
    root.addEventListener('focusout', onFocusOut);
    return () => root.removeEventListener('focusout', onFocusOut);
  }, [apiRef]);
}

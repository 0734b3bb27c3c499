import type { GetApplyFilterFn, GridFilterModel, GridSortModel } from '@mui/x-data-grid';
import { toCsv } from '../../lib/csv';
import type { MemberColumn } from './member-columns';
import type { MemberRow } from './stages';

/** The grid's handle, which its filter operators take (ours and the grid's own ignore it). */
export type GridHandle = Parameters<NonNullable<ReturnType<GetApplyFilterFn>>>[3];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * Every row the table holds across its pages, filtered, quick-searched and sorted as the grid
 * would do it itself. The grid is given one page at a time (member-table.tsx): given all of a
 * 100,000-member pilot, it sorted and indexed them in one task of over a second and held most of
 * the tab's memory.
 *
 * - A column filter runs the column's own filter operator, so every operator the filter panel
 *   offers means what the grid says it means.
 * - The quick search matches a word when a searched column's text contains it, ignoring case.
 * - The sort is stable: rows that compare equal keep the order they came in.
 */
export function memberView(
  rows: readonly MemberRow[],
  columns: readonly MemberColumn[],
  filter: GridFilterModel,
  sort: GridSortModel,
  grid: GridHandle,
): MemberRow[] {
  const byField = new Map(columns.map((column) => [column.def.field, column]));
  const tests = filter.items.flatMap((item) => {
    const column = byField.get(item.field);
    const operator = column?.def.filterOperators?.find((each) => each.value === item.operator);
    const apply = column && operator?.getApplyFilterFn(item, column.def);
    return apply ? [(row: MemberRow) => apply(column.value(row), row, column.def, grid)] : [];
  });
  const passes =
    filter.logicOperator === 'or'
      ? (row: MemberRow) => tests.some((test) => test(row))
      : (row: MemberRow) => tests.every((test) => test(row));
  const searched = columns.filter((column) => column.searched);
  const words = (filter.quickFilterValues ?? [])
    .filter((word): word is string => typeof word === 'string' && word !== '')
    .map((word) => new RegExp(escapeRegExp(word), 'i'));
  const found = (row: MemberRow) => {
    const has = (word: RegExp) => searched.some((column) => word.test(column.text(row)));
    return filter.quickFilterLogicOperator === 'or' ? words.some(has) : words.every(has);
  };
  let view =
    tests.length === 0 && words.length === 0
      ? [...rows]
      : rows.filter(
          (row) => (tests.length === 0 || passes(row)) && (words.length === 0 || found(row)),
        );

  const orders = sort.flatMap((item) => {
    const column = byField.get(item.field);
    return column && item.sort ? [{ column, sign: item.sort === 'desc' ? -1 : 1 }] : [];
  });
  if (orders.length > 0) {
    // Each value is read once, not once per comparison.
    const keys = orders.map(({ column }) => view.map((row) => column.value(row)));
    const order = view.map((_, index) => index);
    order.sort((a, b) => {
      for (const [k, { column, sign }] of orders.entries()) {
        const key = keys[k]!;
        const difference = column.compare(key[a] ?? null, key[b] ?? null) * sign;
        if (difference !== 0) return difference;
      }
      return a - b;
    });
    const unsorted = view;
    view = order.map((index) => unsorted[index]!);
  }
  return view;
}

/** The rows as CSV: the given columns in their order, each cell as the table shows it. */
export function membersCsv(rows: readonly MemberRow[], columns: readonly MemberColumn[]): string {
  return toCsv(
    columns.map((column) => column.def.headerName ?? column.def.field),
    rows.map((row) => columns.map((column) => column.text(row))),
  );
}

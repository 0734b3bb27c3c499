import type { GetApplyFilterFn, GridFilterModel, GridSortModel } from '@mui/x-data-grid';
import { toCsv } from '../../lib/csv';
import type { MemberColumn } from './member-columns';
import type { MemberRow } from './stages';

/** The grid's handle, which its filter operators take (ours and the grid's own ignore it). */
export type GridHandle = Parameters<NonNullable<ReturnType<GetApplyFilterFn>>>[3];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/*
 * The member table's rows across all its pages, filtered, quick-searched and sorted as the grid
 * would do it itself. The grid is given one page at a time (member-table.tsx): given all of a
 * 100,000-member pilot, it sorted and indexed them in one task of over a second and held most of
 * the tab's memory. The table sorts when the rows or the sort change, and filters the sorted rows
 * when the filter or the search does, which is quick.
 */

/**
 * The rows in the sort's order; stable, so rows that compare equal keep the order they came in.
 * Each value is read once, not once per comparison. A text column is first put in the order of
 * its lower-cased code points, which is cheap and close to the collator's; V8's sort (TimSort)
 * then finishes the collator's order in close to one comparison per row instead of seventeen.
 */
export function sortMembers(
  rows: readonly MemberRow[],
  columns: readonly MemberColumn[],
  sort: GridSortModel,
): readonly MemberRow[] {
  const orders = sort.flatMap((item) => {
    const column = columns.find((each) => each.def.field === item.field);
    return column && item.sort ? [{ column, sign: item.sort === 'desc' ? -1 : 1 }] : [];
  });
  const [first] = orders;
  if (!first) return rows;
  const keys = orders.map(({ column }) => rows.map((row) => column.value(row)));
  const order = rows.map((_, index) => index);
  if (first.column.sortsAsText) {
    const rough = keys[0]!.map((value) => (value === null ? '' : String(value).toLowerCase()));
    order.sort((a, b) => {
      const [x, y] = [rough[a]!, rough[b]!];
      return x < y ? -first.sign : x > y ? first.sign : a - b;
    });
  }
  order.sort((a, b) => {
    for (const [k, { column, sign }] of orders.entries()) {
      const key = keys[k]!;
      const difference = column.compare(key[a] ?? null, key[b] ?? null) * sign;
      if (difference !== 0) return difference;
    }
    return a - b;
  });
  return order.map((index) => rows[index]!);
}

/**
 * The rows that pass the filter and the quick search, in their order.
 * - A column filter runs the column's own filter operator, so every operator the filter panel
 *   offers means what the grid says it means.
 * - The quick search matches a word when a searched column's text contains it, ignoring case.
 */
export function filterMembers(
  rows: readonly MemberRow[],
  columns: readonly MemberColumn[],
  filter: GridFilterModel,
  grid: GridHandle,
): readonly MemberRow[] {
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
  if (tests.length === 0 && words.length === 0) return rows;
  return rows.filter(
    (row) => (tests.length === 0 || passes(row)) && (words.length === 0 || found(row)),
  );
}

/** The rows as CSV: the given columns in their order, each cell as the table shows it. */
export function membersCsv(rows: readonly MemberRow[], columns: readonly MemberColumn[]): string {
  return toCsv(
    columns.map((column) => column.def.headerName ?? column.def.field),
    rows.map((row) => columns.map((column) => column.text(row))),
  );
}

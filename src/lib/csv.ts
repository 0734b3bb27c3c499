/**
 * CSV for spreadsheets, written so that what people typed stays data when someone opens the file
 * (OWASP, "CSV Injection"). Names, reasons and tickets come from people; an export opened in
 * Excel, LibreOffice or Google Sheets must never run any of them as a formula. Two rules:
 *
 * - Every cell is quoted, so no separator inside one (the `,`, or the `;` that spreadsheets in
 *   many locales split on) can start a new cell whose text begins with `=`.
 * - A cell that a spreadsheet would read as a formula gets an apostrophe in front, which the
 *   spreadsheet shows as plain text.
 */

/** OWASP's list: a cell starting with one of these is a formula to a spreadsheet. */
const FORMULA_STARTS = ['=', '+', '-', '@'];

/**
 * True when a spreadsheet could take the text for a formula: it starts with tab or carriage
 * return, or its first visible character is one of = + - @. Leading whitespace is looked past
 * because importers may trim it (Google Sheets does), and compatibility forms count as their
 * ASCII letter (NFKC maps full-width ＝＋－＠ and the small ﹦﹢﹣﹫ to = + - @), because
 * East Asian input methods type them and spreadsheets read them as formula starts.
 */
export function looksLikeFormula(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  const first = text.trimStart().charAt(0).normalize('NFKC').charAt(0);
  return FORMULA_STARTS.includes(first);
}

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: always quoted, quotes doubled, a formula start disarmed with an apostrophe. */
export function csvCell(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A whole file: the header line, then one line per row, CRLF line ends as RFC 4180 writes them,
 * and a byte-order mark so spreadsheet programs read the names as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Hands `text` to the browser as a download named `fileName`. */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

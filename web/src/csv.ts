/** CSV for the "download" button of every chart and table (RFC 4180 quoting, UTF-8 with a BOM for spreadsheets). */

/** One column of a table view and of its CSV. */
export interface ChartColumn<R> { key: keyof R & string; title: string; render?: (value: R[keyof R], row: R) => string }

/** Quotes a field when it holds a comma, a quote or a line break. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Rows as CSV text with a header line; a BOM so spreadsheet programs read the Chinese correctly. */
export function toCsv<R>(columns: ChartColumn<R>[], rows: R[]): string {
  const cell = (c: ChartColumn<R>, r: R) => (c.render ? c.render(r[c.key], r) : String(r[c.key] ?? ''));
  return `\uFEFF${[columns.map((c) => csvField(c.title)).join(','), ...rows.map((r) => columns.map((c) => csvField(cell(c, r))).join(','))].join('\r\n')}\r\n`;
}

/** Reading a batch-check upload: CSV or XLSX, one supplier per row, by credit code or by name. */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../shared/app-error.js';

/** The most rows one batch may hold. */
export const MAX_ROWS = 10_000;

const CODE_HEADERS = ['统一社会信用代码', '信用代码', 'creditcode', 'credit_code', 'code', '代码'];
const NAME_HEADERS = ['企业名称', '名称', '供应商', '供应商名称', 'name', 'supplier', 'company'];

/** One input row: its line in the file and what identifies the supplier. */
export interface BatchInput {
  line: number;
  value: string;
}

/** Picks the identifying column: a code or name header, else the first column. */
function pickColumn(header: string[]): number {
  const norm = header.map((h) => h.trim().toLowerCase());
  const code = norm.findIndex((h) => CODE_HEADERS.includes(h));
  if (code >= 0) return code;
  const name = norm.findIndex((h) => NAME_HEADERS.includes(h));
  return name >= 0 ? name : 0;
}

function fromTable(rows: string[][]): BatchInput[] {
  if (rows.length === 0) throw new AppError('invalid_input', 'The file is empty.');
  const header = rows[0]!;
  // A header is a known column name, or a first cell that names a column ("统一社会信用代码或名称", "Supplier name").
  const known = header.some((h) => [...CODE_HEADERS, ...NAME_HEADERS].includes(h.trim().toLowerCase())) || /代码|名称|供应商|^name|^code|supplier|company/i.test(header[0]?.trim() ?? '');
  const column = known ? pickColumn(header) : 0;
  const body = known ? rows.slice(1) : rows;
  const offset = known ? 2 : 1;
  if (body.length > MAX_ROWS) throw new AppError('payload_too_large', `A batch holds at most ${MAX_ROWS.toLocaleString('en')} rows; this file has ${body.length.toLocaleString('en')}.`);
  return body.map((r, i) => ({ line: i + offset, value: String(r[column] ?? '').trim() }));
}

/** Parses a CSV (UTF-8, with or without BOM) upload. */
export function parseCsvUpload(body: Buffer): BatchInput[] {
  let rows: string[][];
  try {
    rows = parse(body, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    throw new AppError('invalid_input', `The CSV file cannot be read: ${(err as Error).message}`);
  }
  // Trailing blank lines are formatting, not rows.
  while (rows.length && rows[rows.length - 1]!.every((c) => !c.trim())) rows.pop();
  return fromTable(rows);
}

/** Parses an XLSX upload (first worksheet). */
export async function parseXlsxUpload(body: Buffer): Promise<BatchInput[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError('invalid_input', `The XLSX file cannot be read: ${(err as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('invalid_input', 'The XLSX file has no worksheet.');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : v === null || v === undefined ? '' : String(v)));
    rows[row.number - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  while (rows.length && rows[rows.length - 1]!.every((c) => !c.trim())) rows.pop();
  return fromTable(rows);
}

/**
 * File drops: CSV, NDJSON or XLSX, read as a stream. Column headers are mapped to field names by the source's
 * mapping. The cursor is "<file SHA-256>:<last committed line>", so a crashed run resumes after its last
 * committed page and a new file starts from its first line.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { headerToField, readCsv, readNdjson } from '../read-rows.js';
import type { FileSource } from '../sources.config.js';
import type { Connector, Page, RawRow } from './connector.js';

async function fileSha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function formatOf(source: FileSource): 'csv' | 'ndjson' | 'xlsx' {
  if (source.format) return source.format;
  if (/\.xlsx$/i.test(source.path)) return 'xlsx';
  if (/\.(ndjson|jsonl)$/i.test(source.path)) return 'ndjson';
  return 'csv';
}

/** Yields rows of the first (or the named) worksheet; the first row is the header. */
async function* readXlsx(file: string, sheet: string | undefined): AsyncGenerator<{ line: number; raw: Record<string, unknown> }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', styles: 'ignore' });
  for await (const worksheet of workbook) {
    const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    if (sheet && ws.name !== sheet) continue;
    let header: string[] | null = null;
    for await (const row of ws) {
      const values = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'text' in v ? (v as { text: unknown }).text : v instanceof Date ? v.toISOString().slice(0, 10) : v));
      if (!header) {
        header = values.map((v) => String(v ?? '').trim());
        continue;
      }
      const raw: Record<string, unknown> = {};
      header.forEach((h, i) => {
        const v = values[i];
        if (h && v !== undefined && v !== null && v !== '') raw[h] = typeof v === 'string' ? v.trim() : v;
      });
      if (Object.keys(raw).length) yield { line: row.number, raw };
    }
    return;
  }
}

/** A file-drop connector. */
export class FileConnector implements Connector {
  constructor(private readonly source: FileSource) {}

  async *pages(startCursor: string | null): AsyncIterable<Page> {
    if (!fs.existsSync(this.source.path)) throw new Error(`The file ${this.source.path} does not exist.`);
    const sha = await fileSha256(this.source.path);
    const [doneSha, doneLine] = (startCursor ?? '').split(':');
    const skipThrough = doneSha === sha ? Number(doneLine) || 0 : 0;
    const mapping = this.source.mapping;
    // Explicit mapping first; otherwise snake_case/kebab-case headers become camelCase fields.
    const rename = (raw: Record<string, unknown>) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [mapping[k] ?? headerToField(k), v]));
    const format = formatOf(this.source);
    const rows: AsyncIterable<{ line: number; raw: unknown; error?: string }> =
      format === 'xlsx' ? readXlsx(this.source.path, this.source.sheet) : format === 'ndjson' ? readNdjson(this.source.path) : readCsv(this.source.path, { rawHeaders: Object.keys(mapping).length > 0 });
    let page: RawRow[] = [];
    let last = skipThrough;
    for await (const r of rows) {
      if (r.line <= skipThrough) continue;
      const raw = r.raw && typeof r.raw === 'object' && !Array.isArray(r.raw) ? rename(r.raw as Record<string, unknown>) : null;
      page.push({ position: `line ${r.line}`, raw, ...(r.error ? { error: r.error } : {}) });
      last = r.line;
      if (page.length >= this.source.batchSize) {
        yield { rows: page, cursor: `${sha}:${last}` };
        page = [];
      }
    }
    yield { rows: page, cursor: `${sha}:${last}` };
  }
}

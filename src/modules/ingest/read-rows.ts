/** Reads CSV or NDJSON files as rows with line numbers, streaming (never the whole file in memory). */
import fs from 'node:fs';
import readline from 'node:readline';
import { parse } from 'csv-parse';
import type { SourceRow } from '../registry/import-records.service.js';

/** Supported file formats. */
export type RowFormat = 'csv' | 'ndjson';

/** Guesses the format from the file extension. */
export function formatFromPath(file: string): RowFormat | null {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  return null;
}

/** snake_case and kebab-case headers become the camelCase field names the schemas use. */
export function headerToField(header: string): string {
  return header.trim().replace(/[_-]+([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
}

/** Yields rows of a CSV file (header row required); line = the file line the record starts on. */
export async function* readCsv(file: string, options: { rawHeaders?: boolean } = {}): AsyncGenerator<SourceRow> {
  // With a column mapping the headers stay as written, so the mapping can name them.
  const parser = fs.createReadStream(file).pipe(parse({ columns: (h: string[]) => (options.rawHeaders ? h.map((x) => x.trim()) : h.map(headerToField)), bom: true, skip_empty_lines: true, info: true, relax_column_count: true, trim: true }));
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    // Empty cells mean "not given", so schema defaults apply.
    const raw = Object.fromEntries(Object.entries(rec.record).filter(([, v]) => v !== ''));
    yield { line: rec.info.lines, raw };
  }
}

/** Yields rows of an NDJSON file; a line that is not a JSON object becomes a row with an error. */
export async function* readNdjson(file: string): AsyncGenerator<SourceRow> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    try {
      const raw: unknown = JSON.parse(text);
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) yield { line, raw, error: 'row: each line must be a JSON object' };
      else yield { line, raw };
    } catch (err) {
      yield { line, raw: null, error: `row: invalid JSON (${err instanceof Error ? err.message : String(err)})` };
    }
  }
}

/** Counts lines for the progress bar (cheap streaming count). */
export async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(file)) for (const b of chunk as Buffer) if (b === 10) n++;
  return n;
}

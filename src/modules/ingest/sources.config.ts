/**
 * Data sources, one entry each, in a JSON file ($XINQIAO_DATA_DIR/sources.json or $XINQIAO_SOURCES):
 * file drops (CSV, NDJSON, XLSX with a column mapping) and HTTP JSON APIs (cursor pagination, auth header from
 * an environment variable, rate limit, retries with backoff, timeouts). Validated when loaded; errors name the
 * entry and field. See docs/ingestion.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import { IMPORT_KINDS } from '../registry/import-records.service.js';

const cron = z.string().trim().refine((p) => {
  try {
    new Cron(p, { paused: true });
    return true;
  } catch {
    return false;
  }
}, 'is not a valid cron pattern');

const common = {
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'use lower-case letters, digits and hyphens'),
  kind: z.enum(IMPORT_KINDS),
  cron: cron.default('0 2 * * *'),
  /** A source not synced successfully for this long is flagged stale. */
  staleAfterHours: z.number().positive().default(36),
  batchSize: z.number().int().min(1).max(10_000).default(500),
};

const ZFileSource = z.object({
  ...common,
  type: z.literal('file'),
  path: z.string().min(1),
  format: z.enum(['csv', 'ndjson', 'xlsx']).optional(),
  /** Source column → field name (e.g. "统一社会信用代码": "creditCode"); unmapped columns keep their header. */
  mapping: z.record(z.string(), z.string()).default({}),
  sheet: z.string().optional(),
});

const ZHttpSource = z.object({
  ...common,
  type: z.literal('http'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  auth: z.object({ header: z.string().min(1), secret: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'name an environment variable'), prefix: z.string().default('') }).optional(),
  pageSize: z.number().int().min(1).max(10_000).default(500),
  ratePerSecond: z.number().positive().max(1000).default(5),
  timeoutMs: z.number().int().min(100).max(600_000).default(15_000),
  retries: z.number().int().min(0).max(20).default(4),
  backoffMs: z.number().int().min(1).max(60_000).default(500),
});

/** One configured source. */
export const ZSource = z.discriminatedUnion('type', [ZFileSource, ZHttpSource], { error: 'type must be "file" or "http"' });
/** A file-drop source. */
export type FileSource = z.infer<typeof ZFileSource>;
/** An HTTP JSON API source. */
export type HttpSource = z.infer<typeof ZHttpSource>;
/** Any source. */
export type Source = z.infer<typeof ZSource>;

/** Parses a sources document; throws naming the entry and field at fault. */
export function parseSources(data: unknown, origin: string, baseDir = '.'): Source[] {
  const parsed = z.object({ sources: z.array(ZSource) }).safeParse(data);
  if (!parsed.success) throw new Error(`Data sources in ${origin} are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const names = parsed.data.sources.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`Data sources in ${origin}: the name "${dup}" is used twice.`);
  // File paths are relative to the configuration file.
  return parsed.data.sources.map((s) => (s.type === 'file' ? { ...s, path: path.resolve(baseDir, s.path) } : s));
}

/** The configured sources; none when the file does not exist. */
export function loadSources(file: string): Source[] {
  if (!fs.existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read data sources ${file}: ${(err as Error).message}`);
  }
  return parseSources(data, file, path.dirname(file));
}

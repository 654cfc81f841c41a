/**
 * `npm run bench:import [-- --rows N]`: imports N enterprise rows (default 1,000,000) from an NDJSON file into a
 * fresh SQLite database through the same path as `xinqiao import` and `xinqiao sync` (validation, search fields,
 * FTS index, batches of one transaction each). Prints rows/s (target ≥ 50,000) and peak RSS (target < 500 MB);
 * writes bench/results/import-*.json. The NDJSON file is generated once under data/bench-import-N.ndjson.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { generateDemo } from '../src/modules/registry/demo/generate.js';
import { importRows } from '../src/modules/registry/import-records.service.js';
import { readNdjson } from '../src/modules/ingest/read-rows.js';
import { packageRoot } from '../src/shared/paths.js';
import { numberOption } from './bench-args.js';

const rows = numberOption('rows', 1_000_000);
const log = { debug() {}, info() {}, warn() {}, error() {} };

async function writeFeed(file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(`${file}.tmp`);
  for (const batch of generateDemo({ enterprises: rows, seed: 99, asOf: new Date('2026-11-01T00:00:00Z'), batchSize: 5000 })) {
    const text = batch.enterprises.map((e) => JSON.stringify(e)).join('\n') + '\n';
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  fs.renameSync(`${file}.tmp`, file);
}

async function main(): Promise<void> {
  const feed = path.join(packageRoot(), 'data', `bench-import-${rows}.ndjson`);
  if (!fs.existsSync(feed)) {
    console.log(`Generating ${rows.toLocaleString('en')} enterprise rows into ${path.relative(process.cwd(), feed)} (once)…`);
    await writeFeed(feed);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-import-'));
  const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'xinqiao.db') });
  await migrateToLatest(database);
  const ctx = { db: database.db, dialect: database.dialect, actor: { kind: 'system' as const, name: 'bench' }, clock: () => new Date(), log };
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  const t0 = performance.now();
  const summary = await importRows(ctx, 'enterprises', readNdjson(feed), { batchSize: 2000 });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rate = summary.read / seconds;
  console.log(`Import benchmark: ${summary.read.toLocaleString('en')} enterprise rows from NDJSON into SQLite (${os.cpus().length} cores, Node ${process.version})`);
  console.log(`  inserted ${summary.inserted.toLocaleString('en')}, rejected ${summary.rejected.length}, ${seconds.toFixed(1)} s`);
  console.log(`  ${Math.round(rate).toLocaleString('en')} rows/s  (target ≥ 50,000)`);
  console.log(`  peak RSS ${(peak / 1048576).toFixed(0)} MB  (target < 500 MB)`);
  const out = path.join(packageRoot(), 'bench', 'results', `import-${rows}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ rows: summary.read, seconds, rowsPerSecond: rate, peakRssBytes: peak, inserted: summary.inserted, rejected: summary.rejected.length }, null, 2));
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * The generated registry the search, batch and load benchmarks share: `data/bench-N/xinqiao.db`, made once
 * by the deterministic demo generator (seed 1) and reused, because 1,000,000 enterprises take minutes to make.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/modules/registry/demo/seed.js';
import { packageRoot } from '../src/shared/paths.js';

/** Where the registry of `enterprises` lives. */
export function benchRegistryDir(enterprises: number): string {
  return path.join(packageRoot(), 'data', `bench-${enterprises}`);
}

/** Opens the benchmark registry of `enterprises` firms (SQLite unless `databaseUrl`), generating it on first use. */
export async function openBenchRegistry(enterprises: number, databaseUrl: string | null = null): Promise<Database> {
  const dir = benchRegistryDir(enterprises);
  fs.mkdirSync(dir, { recursive: true });
  const database = openDatabase({ databaseUrl, sqlitePath: path.join(dir, 'xinqiao.db') });
  await migrateToLatest(database);
  const have = Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM enterprises`.execute(database.db)).rows[0]!.n);
  if (have === enterprises) return database;
  if (have > 0) throw new Error(`${database.location} holds ${have} enterprises, not ${enterprises}; delete it or pick another size.`);
  console.log(`Generating ${enterprises.toLocaleString('en')} enterprises into ${database.location} (once; reused by later runs)…`);
  const t0 = performance.now();
  await seedDemo(database, { enterprises, seed: 1, asOf: new Date('2026-11-01T00:00:00Z'), onProgress: (n) => { if (n % 100_000 === 0) console.log(`  ${n.toLocaleString('en')}`); } });
  console.log(`  done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (database.dialect === 'sqlite') await sql`INSERT INTO enterprise_fts(enterprise_fts) VALUES ('optimize')`.execute(database.db);
  return database;
}

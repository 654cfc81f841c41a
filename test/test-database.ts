/**
 * Test databases: a temporary SQLite file, or a fresh PostgreSQL database created for the test file
 * and dropped afterwards. `scripts/test.js` sets XINQIAO_TEST_PG_URL when PostgreSQL is reachable;
 * with XINQIAO_REQUIRE_PG=1 (CI) a missing PostgreSQL is an error, not a skip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/modules/registry/demo/seed.js';

/** The PostgreSQL server URL for tests, if any. */
export const PG_URL = process.env.XINQIAO_TEST_PG_URL || null;

if (process.env.XINQIAO_REQUIRE_PG === '1' && !PG_URL) throw new Error('XINQIAO_REQUIRE_PG=1 but XINQIAO_TEST_PG_URL is not set: PostgreSQL tests are required here.');

/** Dialects the API suites run on. */
export const TEST_DIALECTS: DialectName[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A database for one test file, with a way to throw it away. */
export interface TestDatabase extends Database {
  destroy(): Promise<void>;
  /** PostgreSQL: the connection URL, for a second process or instance on the same database. */
  url?: string;
}

function adminClient(): pg.Client {
  const url = new URL(PG_URL!);
  if (!url.username) url.username = os.userInfo().username;
  return new pg.Client({ connectionString: url.toString() });
}

/** Creates an empty, migrated database of the given dialect. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinqiao-test-'));
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'xinqiao.db') });
    await migrateToLatest(database);
    return { ...database, destroy: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `xq_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = adminClient();
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString(), sqlitePath: '', poolSize: 4 });
  await migrateToLatest(database);
  return {
    ...database,
    url: url.toString(),
    destroy: async () => {
      await database.close();
      const a = adminClient();
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The fixed reference date of test data. */
export const TEST_AS_OF = new Date('2026-11-01T00:00:00Z');

/** A migrated database holding a small deterministic demo registry (showcase and 254 filed agencies included). */
export async function createSeededDatabase(dialect: DialectName, enterprises = 1500): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect);
  await seedDemo(database, { enterprises, seed: 7, asOf: TEST_AS_OF });
  return database;
}

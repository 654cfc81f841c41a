/**
 * Opens the database: the embedded SQLite file by default, PostgreSQL when a URL is configured.
 * Both run the same migrations and the same repositories (dialect-specific SQL is confined to
 * the search index, see registry-search.repository.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Which SQL engine is underneath. */
export type DialectName = 'sqlite' | 'postgres';

/** A Kysely handle or an open transaction on it; repositories accept either. */
export type Executor = Kysely<DB> | Transaction<DB>;

/** An open database and how to close it. */
export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Human-readable location for logs (file path or URL without password). */
  location: string;
  close(): Promise<void>;
}

// int8 (COUNT, SUM, bigint money) would otherwise arrive as strings; every value we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** Options for opening a database. */
export interface OpenOptions {
  databaseUrl: string | null;
  sqlitePath: string;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
  /** Told about errors of idle PostgreSQL connections (they are replaced automatically). */
  onPoolError?: (err: Error) => void;
}

/**
 * SQLite runs DDL inside transactions perfectly well, but Kysely's adapter says it cannot, so its migrator would run
 * migrations without one — and a process killed mid-migration (the sync crash test does exactly that) would leave
 * half a schema behind. This adapter tells the truth, so each migration and its bookkeeping commit together.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  /** The connection itself, for bulk paths that keep prepared statements (see sqliteHandleOf). */
  constructor(readonly handle: SQLite.Database) {
    super();
  }

  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  constructor(private readonly handle: SQLite.Database) {
    super({ database: handle });
  }

  override createAdapter(): TransactionalDdlSqliteAdapter {
    return new TransactionalDdlSqliteAdapter(this.handle);
  }
}

/**
 * The better-sqlite3 connection under an open SQLite transaction, or null (PostgreSQL, or not in a transaction).
 * Kysely prepares every statement anew, which dominates bulk writes; hot paths (imports) keep their own prepared
 * statements instead. Only inside a transaction: there Kysely holds its single connection for the whole transaction,
 * so raw statements join it and no other query can interleave.
 */
export function sqliteHandleOf(db: Executor): SQLite.Database | null {
  if (!db.isTransaction) return null;
  const adapter = db.getExecutor().adapter;
  return adapter instanceof TransactionalDdlSqliteAdapter ? adapter.handle : null;
}

/** Opens SQLite (creating its directory, WAL mode) or a PostgreSQL pool. */
export function openDatabase(options: OpenOptions): Database {
  if (options.databaseUrl) {
    // libpq would default the user to the OS account; node-postgres needs USER set, which services often lack.
    const url = new URL(options.databaseUrl);
    if (!url.username) url.username = os.userInfo().username;
    const pool = new pg.Pool({ connectionString: url.toString(), max: options.poolSize ?? 10 });
    // An idle client dying (server restart, admin termination) must not crash the process: the pool
    // drops that client and the next query opens a fresh one. Without a listener Node would throw.
    pool.on('error', (err) => options.onPoolError?.(err));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redactUrl(options.databaseUrl), close: () => db.destroy() };
  }
  if (options.sqlitePath !== ':memory:') fs.mkdirSync(path.dirname(options.sqlitePath), { recursive: true });
  const sqlite = new SQLite(options.sqlitePath);
  // WAL lets readers proceed during writes; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reads go through the memory map below, so SQLite's own page cache (heap) serves mostly writes: 16 MB.
  sqlite.pragma('cache_size = -16384');
  // Memory-mapped reads skip a copy per page; the mapping is page cache (the kernel's to evict), not heap.
  // 256 MB holds the hot indexes of a 1M-enterprise registry: at 128 MB search p99 went from 4–6 ms to 50–65 ms.
  sqlite.pragma('mmap_size = 268435456');
  const db = new Kysely<DB>({ dialect: new TransactionalDdlSqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', location: options.sqlitePath, close: () => db.destroy() };
}

/** Tells the dialect of any Kysely handle (migrations and repositories receive only the handle). */
export function dialectOf(db: Kysely<any> | Transaction<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

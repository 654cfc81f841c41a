/** Data ingestion: per-source state (cursor), run history, quarantined rows, and a lease lock per source. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates the sync tables. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await db.schema
    .createTable('sync_sources')
    .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('last_run_at', 'varchar(32)')
    .addColumn('last_success_at', 'varchar(32)')
    .addColumn('last_error', 'text')
    // Lease lock: one run per source across processes; a crashed holder's lease simply expires.
    .addColumn('lock_holder', 'varchar(100)')
    .addColumn('lock_expires_at', 'varchar(32)')
    .execute();
  await idColumn(db.schema.createTable('sync_runs'), d)
    .addColumn('source', 'varchar(100)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('sync_runs_source').on('sync_runs').columns(['source', 'id']).execute();
  await idColumn(db.schema.createTable('sync_quarantine'), d)
    .addColumn('source', 'varchar(100)', (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'varchar(100)', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('sync_quarantine_source').on('sync_quarantine').columns(['source', 'status']).execute();
}

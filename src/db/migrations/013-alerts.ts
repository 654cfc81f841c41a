/** Watchlists, alerts (deduplicated, withdrawable), partner webhook endpoints and the delivery outbox. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates the alert tables. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await idColumn(db.schema.createTable('watchlist'), d)
    .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('last_band', 'varchar(16)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('watchlist_once', ['owner_user_id', 'credit_code'])
    .execute();
  await db.schema.createIndex('watchlist_code').on('watchlist').column('credit_code').execute();
  await idColumn(db.schema.createTable('alerts'), d)
    .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
    .addColumn('rule', 'varchar(32)', (c) => c.notNull())
    // One alert per owner and source record (or condition): re-evaluating never duplicates.
    .addColumn('dedup_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('record_kind', 'varchar(32)')
    .addColumn('record_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('withdrawn_at', 'varchar(32)')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('read_at', 'varchar(32)')
    .addUniqueConstraint('alerts_dedup', ['owner_user_id', 'dedup_key'])
    .execute();
  await db.schema.createIndex('alerts_owner').on('alerts').columns(['owner_user_id', 'status', 'id']).execute();
  await idColumn(db.schema.createTable('webhook_endpoints'), d)
    .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await idColumn(db.schema.createTable('webhook_deliveries'), d)
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('webhook_endpoints.id'))
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('alerts.id'))
    .addColumn('event', 'varchar(32)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_once', ['endpoint_id', 'alert_id', 'event'])
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
}

/** The evidence transparency log: entries with their leaf hashes, signed tree heads, and stored blobs. */
import type { Kysely } from 'kysely';

/** Creates the log tables. */
export async function up(db: Kysely<any>): Promise<void> {
  // One row whose update serialises appenders across processes (the next index is its size).
  await db.schema.createTable('log_state').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('size', 'integer', (c) => c.notNull()).execute();
  await db.insertInto('log_state').values({ id: 1, size: 0 }).execute();
  await db.schema
    .createTable('log_entries')
    .addColumn('idx', 'integer', (c) => c.primaryKey())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('leaf_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('evidence_sha256', 'varchar(64)')
    .addColumn('case_ref', 'varchar(64)')
    .addColumn('subject', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('log_entries_evidence').on('log_entries').column('evidence_sha256').execute();
  await db.schema.createIndex('log_entries_subject').on('log_entries').column('subject').execute();
  await db.schema.createIndex('log_entries_case').on('log_entries').column('case_ref').execute();
  await db.schema
    .createTable('log_tree_heads')
    .addColumn('size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('timestamp', 'varchar(32)', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('evidence_blobs')
    .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('stored_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

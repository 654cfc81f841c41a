/** Related parties a verified enterprise declares (each with a purpose), and the access log of personal information. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates related_parties and pii_access_log. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await idColumn(db.schema.createTable('related_parties'), d)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('related_parties_user_code').on('related_parties').columns(['user_id', 'credit_code']).unique().execute();
  // Append-only: the application never updates or deletes these rows (PIPL art. 45/54 accountability).
  await idColumn(db.schema.createTable('pii_access_log'), d)
    .addColumn('subject_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('subject_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('viewer_user_id', 'integer')
    .addColumn('viewer_role', 'varchar(32)', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('request_id', 'varchar(64)')
    .addColumn('accessed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pii_access_log_subject').on('pii_access_log').columns(['subject_kind', 'subject_key', 'accessed_at']).execute();
}

/** Creditors rate the law firm that handled their case, once, after it ends. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates the table. */
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db.schema.createTable('law_firm_ratings'), dialectOf(db))
    .addColumn('case_id', 'integer', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('firm_id', 'integer', (c) => c.notNull().references('law_firms.id'))
    .addColumn('creditor_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('law_firm_ratings_firm').on('law_firm_ratings').column('firm_id').execute();
}

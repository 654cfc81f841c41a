/** Mediation offers on a case, law-firm profiles, and which firm took which case. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates the mediation and law-firm tables. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await idColumn(db.schema.createTable('mediation_offers'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('by_party', 'varchar(16)', (c) => c.notNull())
    .addColumn('dispute_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('situation', 'varchar(32)', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(32)', (c) => c.notNull())
    .addColumn('agreement_sha256', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('answered_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('mediation_offers_case').on('mediation_offers').columns(['case_id', 'id']).execute();
  await idColumn(db.schema.createTable('law_firms'), d)
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('specialties', 'text', (c) => c.notNull())
    .addColumn('city_codes', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('fee_bps', 'integer', (c) => c.notNull())
    .addColumn('client_codes', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('law_firm_assignments')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
    .addColumn('firm_id', 'integer', (c) => c.notNull().references('law_firms.id'))
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

/** History of agencies' risk grades (each recomputation that changes the grade or score is kept). */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates the history table. */
export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db.schema.createTable('agency_grade_history'), dialectOf(db))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('grade', 'varchar(1)', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agency_grade_history_agency').on('agency_grade_history').columns(['agency_id', 'id']).execute();
}

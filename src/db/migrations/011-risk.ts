/** Risk intelligence: trained default-risk models with their metrics (one active). */
import type { Kysely } from 'kysely';

/** Creates the risk tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_models')
    .addColumn('version', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('trained_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('metrics', 'text', (c) => c.notNull())
    .addColumn('training_source', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

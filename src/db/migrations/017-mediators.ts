/**
 * Human mediators (people's mediation committees, court-appointed mediators) take cases from the mediation queue;
 * a mediator's proposal binds only when both sides accept it, so each side's acceptance is kept.
 */
import type { Kysely } from 'kysely';

/** Creates the assignment table and the two acceptance columns. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_mediators')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
    .addColumn('mediator_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_mediators_user').on('case_mediators').column('mediator_user_id').execute();
  await db.schema.alterTable('mediation_offers').addColumn('creditor_accepted_at', 'varchar(32)').execute();
  await db.schema.alterTable('mediation_offers').addColumn('debtor_accepted_at', 'varchar(32)').execute();
}

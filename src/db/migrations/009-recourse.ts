/**
 * Recourse and reputation: objection state on published registry records, complaints with their 48-hour
 * deadlines, two-way ratings, the recommended-list history and "sunshine collection" certification.
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Registry record tables a debtor can object to. */
const RECORD_TABLES = ['penalties', 'abnormal_entries', 'licence_revocations', 'enforcement_records', 'dishonest_entries', 'lawsuits'];

/** Creates the recourse tables and the objection columns. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  for (const table of RECORD_TABLES) {
    // "open" while an objection is reviewed (shown as "under objection"), then "corrected"/"removed", or null.
    await db.schema.alterTable(table).addColumn('objection_status', 'varchar(16)').execute();
    await db.schema.alterTable(table).addColumn('objection_note', 'text').execute();
  }

  await idColumn(db.schema.createTable('complaints'), d)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('complainant_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('complainant_role', 'varchar(32)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('responded_at', 'varchar(32)')
    .addColumn('escalated_at', 'varchar(32)')
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'integer')
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_agency').on('complaints').columns(['agency_id', 'status']).execute();
  await db.schema.createIndex('complaints_due').on('complaints').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('complaints_complainant').on('complaints').column('complainant_user_id').execute();

  await idColumn(db.schema.createTable('ratings'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('rater_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('rater_role', 'varchar(16)', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('creditor_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('ratings_once_per_side', ['case_id', 'rater_role'])
    .execute();
  await db.schema.createIndex('ratings_agency').on('ratings').columns(['agency_id', 'rater_role']).execute();

  await idColumn(db.schema.createTable('recommendation_history'), d)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('recommended', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendation_history_agency').on('recommendation_history').columns(['agency_id', 'id']).execute();
  // Delisted by ratings: such an agency stays off the recommended list until ratings recover.
  await db.schema.alterTable('agencies').addColumn('delisted_at', 'varchar(32)').execute();

  await idColumn(db.schema.createTable('certification_applications'), d)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('applicant_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('commitment_sha256', 'varchar(64)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('test_seed', 'integer', (c) => c.notNull())
    .addColumn('bank_version', 'varchar(32)', (c) => c.notNull())
    .addColumn('test_score', 'integer')
    .addColumn('wrong_answers', 'text')
    .addColumn('test_submitted_at', 'varchar(32)')
    .addColumn('proposed_level', 'varchar(4)')
    .addColumn('level_reason', 'text')
    .addColumn('granted_level', 'varchar(4)')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certification_applications_agency').on('certification_applications').columns(['agency_id', 'status']).execute();
}

/**
 * Individuals' personal information (encrypted fields, blind index), data-subject requests with
 * their legal deadlines, and withdrawal of negative records from public view (retention).
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates persons and data_requests; adds users.person_id and withdrawn_at to negative records. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await idColumn(db.schema.createTable('persons'), d)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('phone_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('users').addColumn('person_id', 'integer', (c) => c.references('persons.id').onDelete('set null')).execute();
  await idColumn(db.schema.createTable('data_requests'), d)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(32)', (c) => c.notNull())
    .addColumn('outcome_reason', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_requests_status_due').on('data_requests').columns(['status', 'due_on']).execute();
  for (const t of ['penalties', 'abnormal_entries', 'licence_revocations', 'enforcement_records', 'dishonest_entries', 'lawsuits']) {
    await db.schema.alterTable(t).addColumn('withdrawn_at', 'varchar(32)').execute();
  }
}

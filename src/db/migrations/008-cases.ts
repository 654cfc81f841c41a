/**
 * Collection cases: debts, agency fee schedules, cases with their signed commission agreement,
 * the append-only timeline, objections to single events, the settlement ledger (double entry,
 * idempotent) and the creditor's notification feed (an outbox for e-mail/SMS delivery).
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn } from './helpers.js';

/** Creates the case tables. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await idColumn(db.schema.createTable('debts'), d)
    .addColumn('creditor_user_id', 'integer', (c) => c.notNull().references('users.id'))
    // "ent:<credit code>" or "person:<id>": one key across creditors, for the cross-case call caps.
    .addColumn('debtor_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('debtor_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('debtor_credit_code', 'varchar(18)')
    .addColumn('debtor_person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('debtor_name', 'text', (c) => c.notNull())
    .addColumn('debtor_time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('principal_fen', 'bigint', (c) => c.notNull())
    .addColumn('interest_fen', 'bigint', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('debts_creditor').on('debts').columns(['creditor_user_id', 'debtor_key']).execute();
  await db.schema.createIndex('debts_debtor').on('debts').column('debtor_key').execute();

  await idColumn(db.schema.createTable('agency_fee_schedules'), d)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_by', 'integer')
    .addUniqueConstraint('agency_fee_schedules_version', ['agency_id', 'version'])
    .execute();

  await idColumn(db.schema.createTable('cases'), d)
    .addColumn('reference', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('debt_id', 'integer', (c) => c.notNull().references('debts.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('fee_schedule', 'text', (c) => c.notNull())
    .addColumn('fee_schedule_version', 'integer', (c) => c.notNull())
    .addColumn('template_version', 'varchar(32)', (c) => c.notNull())
    .addColumn('agreement_sha256', 'varchar(64)')
    .addColumn('signed_at', 'varchar(32)')
    .addColumn('cooling_off_ends_at', 'varchar(32)')
    .addColumn('activated_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    .addColumn('end_reason', 'text')
    .addColumn('first_report_due_at', 'varchar(32)')
    .addColumn('first_report_at', 'varchar(32)')
    .addColumn('first_report_overdue_flagged_at', 'varchar(32)')
    .addColumn('night_contact_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_debt').on('cases').column('debt_id').execute();
  await db.schema.createIndex('cases_agency').on('cases').columns(['agency_id', 'status']).execute();
  await db.schema.createIndex('cases_status').on('cases').column('status').execute();

  await idColumn(db.schema.createTable('case_events'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_role', 'varchar(32)', (c) => c.notNull())
    .addColumn('occurred_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    // Contact facts the compliance engine counts (denormalised so the caps are one indexed query).
    .addColumn('contact_target', 'varchar(16)')
    .addColumn('connected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('third_party_key', 'varchar(64)')
    .addColumn('third_party_refused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rule_version', 'varchar(32)')
    .addColumn('log_index', 'integer')
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();
  await db.schema.createIndex('case_events_third_party').on('case_events').column('third_party_key').execute();

  // Refused collection actions: kept for the regulator and the agency's risk grade.
  await idColumn(db.schema.createTable('compliance_refusals'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('actor_user_id', 'integer')
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('rule', 'varchar(64)', (c) => c.notNull())
    .addColumn('rule_version', 'varchar(32)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compliance_refusals_case').on('compliance_refusals').column('case_id').execute();

  // Objections to any published record about a debtor: registry records and case events alike.
  await idColumn(db.schema.createTable('objections'), d)
    .addColumn('record_kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('subject_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(32)', (c) => c.notNull())
    .addColumn('outcome_reason', 'text')
    .addColumn('correction', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objections_record').on('objections').columns(['record_kind', 'record_id', 'status']).execute();
  await db.schema.createIndex('objections_queue').on('objections').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('objections_case').on('objections').columns(['case_id', 'status']).execute();

  await idColumn(db.schema.createTable('ledger_transactions'), d)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('request_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('fee_fen', 'bigint', (c) => c.notNull())
    .addColumn('net_fen', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('event_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('ledger_transactions_idempotency', ['case_id', 'idempotency_key'])
    .execute();
  await idColumn(db.schema.createTable('ledger_postings'), d)
    .addColumn('transaction_id', 'integer', (c) => c.notNull().references('ledger_transactions.id'))
    .addColumn('account', 'varchar(64)', (c) => c.notNull())
    .addColumn('debit_fen', 'bigint', (c) => c.notNull())
    .addColumn('credit_fen', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_postings_txn').on('ledger_postings').column('transaction_id').execute();

  await idColumn(db.schema.createTable('notifications'), d)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('case_id', 'integer')
    .addColumn('event_id', 'integer')
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    // Outbox: e-mail/SMS delivery happens after commit and is retried until it succeeds.
    .addColumn('delivered_at', 'varchar(32)')
    .addColumn('delivery_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('notifications_undelivered').on('notifications').column('delivered_at').execute();
}

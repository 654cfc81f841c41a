/** Case persistence: debts, cases, timeline events, objections, ledger and notifications. */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { CaseEventsTable, CasesTable, DebtsTable } from '../../db/schema.js';

/** Inserts a debt and returns its id. */
export async function insertDebt(db: Executor, row: Insertable<DebtsTable>): Promise<number> {
  return (await db.insertInto('debts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One debt. */
export function findDebt(db: Executor, id: number) {
  return db.selectFrom('debts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a case and returns its id. */
export async function insertCase(db: Executor, row: Insertable<CasesTable>): Promise<number> {
  return (await db.insertInto('cases').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One case by id; on PostgreSQL `lock` takes a row lock for the rest of the transaction. */
export function findCase(db: Executor, id: number, lock = false) {
  const q = db.selectFrom('cases').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Updates a case only if it is still in `fromStatus`; returns whether it changed (guards races). */
export async function updateCaseFrom(db: Executor, id: number, fromStatus: string, values: Partial<Insertable<CasesTable>>): Promise<boolean> {
  const r = await db.updateTable('cases').set(values).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Cases visible to an actor, newest first, with debt facts for the list. */
export function listCases(db: Executor, scope: { creditorUserId?: number; agencyId?: number; debtorKeys?: string[] }, limit: number, offset: number) {
  let q = db.selectFrom('cases').innerJoin('debts', 'debts.id', 'cases.debt_id');
  if (scope.creditorUserId !== undefined) q = q.where('debts.creditor_user_id', '=', scope.creditorUserId);
  if (scope.agencyId !== undefined) q = q.where('cases.agency_id', '=', scope.agencyId);
  if (scope.debtorKeys !== undefined) q = q.where('debts.debtor_key', 'in', scope.debtorKeys.length ? scope.debtorKeys : ['-']);
  return q
    .select(['cases.id', 'cases.reference', 'cases.status', 'cases.agency_id', 'cases.signed_at', 'cases.cooling_off_ends_at', 'cases.created_at', 'cases.first_report_due_at', 'cases.first_report_at', 'debts.debtor_name', 'debts.principal_fen', 'debts.interest_fen', 'debts.creditor_user_id'])
    .orderBy('cases.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Cases in cooling-off whose period has ended by `now`. */
export function coolingOffEnded(db: Executor, now: string) {
  return db.selectFrom('cases').select('id').where('status', '=', 'cooling_off').where('cooling_off_ends_at', '<=', now).execute();
}

/** Active cases whose first report is overdue and not yet flagged. */
export function overdueFirstReports(db: Executor, now: string) {
  return db.selectFrom('cases').select('id').where('status', '=', 'active').where('first_report_at', 'is', null).where('first_report_overdue_flagged_at', 'is', null).where('first_report_due_at', '<', now).execute();
}

/** Inserts a timeline event and returns its id. */
export async function insertEvent(db: Executor, row: Insertable<CaseEventsTable>): Promise<number> {
  return (await db.insertInto('case_events').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** A case's timeline, oldest first. */
export function listEvents(db: Executor, caseId: number) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** One event. */
export function findEvent(db: Executor, id: number) {
  return db.selectFrom('case_events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Calls to a debtor by one creditor and all its agencies since a time (for the call caps). */
export function recentCalls(db: Executor, creditorUserId: number, debtorKey: string, since: string) {
  return db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .innerJoin('debts', 'debts.id', 'cases.debt_id')
    .select(['case_events.occurred_at', 'case_events.connected', 'case_events.contact_target'])
    .where('debts.creditor_user_id', '=', creditorUserId)
    .where('debts.debtor_key', '=', debtorKey)
    .where('case_events.kind', '=', 'call')
    .where('case_events.occurred_at', '>=', since)
    .execute();
}

/** Whether a third party (by blind key) ever refused contact. */
export async function thirdPartyRefused(db: Executor, key: string): Promise<boolean> {
  return Boolean(await db.selectFrom('case_events').select('id').where('third_party_key', '=', key).where('third_party_refused', '=', 1).executeTakeFirst());
}


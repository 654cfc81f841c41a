/**
 * Objections: a debtor contests a published record about them — a registry record (penalty, abnormal-list
 * entry, revocation, enforcement, dishonest-debtor entry, lawsuit) or a single case event. The record is marked
 * "under objection" in the same transaction; a regulator reviews it within 3 working days on the mainland
 * calendar (the platform's promise; the Credit Reporting Industry Regulation allows at most 20 days) and decides
 * upheld (the record stands), corrected (with the correction shown beside it) or removed (out of public view),
 * with reasons; the objector is notified.
 */
import { addWorkingDaysLenient, endOfDayShanghai, shanghaiDate, type WorkingCalendar } from '../../domain/working-days.js';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { deliverNotifications, notifyRegulators, queueNotification } from '../notifications/notifications.service.js';
import type { NotificationSender } from '../notifications/notification-sender.js';
import { isRegistryRecordKind, recordSubject, setRecordObjectionState, type RegistryRecordKind } from '../registry/record-objection-state.js';

/** Working days a review may take. */
export const REVIEW_WORKING_DAYS = 3;

/** What objection services need. */
export interface ObjectionDeps {
  calendar: WorkingCalendar;
  sender: NotificationSender;
}

/** An objection to file. */
export interface NewObjection {
  recordKind: RegistryRecordKind | 'case_event';
  recordId: number;
  subjectKey: string;
  caseId: number | null;
  userId: number;
  reason: string;
}

const view = (o: { id: number; record_kind: string; record_id: number; case_id: number | null; reason: string; status: string; due_on: string; deadline: string; outcome_reason: string | null; correction: string | null; decided_at: string | null; created_at: string }, now?: Date) => ({
  id: o.id, recordKind: o.record_kind, recordId: o.record_id, caseId: o.case_id, reason: o.reason, status: o.status, dueOn: o.due_on, deadline: o.deadline,
  outcomeReason: o.outcome_reason, correction: o.correction, decidedAt: o.decided_at, createdAt: o.created_at,
  overdue: o.status === 'open' && now !== undefined && Date.parse(o.deadline) < now.getTime(),
});

/** Files an objection inside the caller's transaction (the caller marks the record). */
export async function fileObjection(ctx: ServiceContext, calendar: WorkingCalendar, trx: Executor, o: NewObjection) {
  const open = await trx.selectFrom('objections').select('id').where('record_kind', '=', o.recordKind).where('record_id', '=', o.recordId).where('status', '=', 'open').executeTakeFirst();
  if (open) throw new AppError('conflict', `Objection ${open.id} to this record is already under review.`);
  const now = ctx.clock();
  const { date: dueOn, provisional } = addWorkingDaysLenient(calendar, shanghaiDate(now), REVIEW_WORKING_DAYS);
  if (provisional) ctx.log.warn({ dueOn }, 'objection deadline runs past the holiday calendar; add next year’s arrangements to calendar.json');
  const row = { record_kind: o.recordKind, record_id: o.recordId, subject_key: o.subjectKey, case_id: o.caseId, user_id: o.userId, reason: o.reason, status: 'open' as const, due_on: dueOn, deadline: endOfDayShanghai(dueOn), outcome_reason: null, correction: null, decided_by: null, decided_at: null, created_at: now.toISOString() };
  const id = (await trx.insertInto('objections').values(row).returning('id').executeTakeFirstOrThrow()).id;
  await notifyRegulators(trx, { kind: 'objection_filed', title: `新异议待复核（${dueOn} 前）`, body: o.reason, created_at: row.created_at });
  return view({ id, ...row });
}

/** The debtor objects to a registry record about its own (verified) enterprise. */
export async function objectToRegistryRecord(ctx: ServiceContext, deps: ObjectionDeps, kind: string, recordId: number, reason: string) {
  if (!isRegistryRecordKind(kind)) throw new AppError('invalid_input', `Unknown record kind “${kind}”.`, [{ field: 'path.kind', detail: 'penalty, abnormal, revocation, enforcement, dishonest or lawsuit' }]);
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const subject = await recordSubject(ctx.db, kind, recordId);
  if (!subject) throw new AppError('not_found', `No published ${kind} record ${recordId}.`);
  // Only the data subject objects: the account's verified enterprise must be the one the record is about.
  if (!ctx.actor.enterpriseVerified || ctx.actor.enterpriseCreditCode !== subject.creditCode) throw new AppError('forbidden', 'Only the enterprise a record is about can object to it, after verifying its business licence.');
  const userId = ctx.actor.userId;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const o = await fileObjection(ctx, deps.calendar, trx, { recordKind: kind, recordId, subjectKey: `ent:${subject.creditCode}`, caseId: null, userId, reason });
    await setRecordObjectionState(trx, kind, recordId, { status: 'open', note: null });
    return o;
  });
  await deliverNotifications(ctx, deps).catch((err: unknown) => ctx.log.warn({ err }, 'notification delivery failed; the scheduler retries'));
  return result;
}

/** A regulator decides: upheld, corrected (with the correction) or removed; the objector is told. */
export async function decideObjection(ctx: ServiceContext, deps: Pick<ObjectionDeps, 'sender'>, id: number, input: { outcome: 'upheld' | 'corrected' | 'removed'; reason: string; correction?: string | undefined }) {
  if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'Objections are decided by the regulator.');
  if (input.outcome === 'corrected' && !input.correction?.trim()) throw new AppError('invalid_input', 'Say what the correction is.', [{ field: 'body.correction', detail: 'required when the outcome is corrected' }]);
  const now = ctx.clock().toISOString();
  const notificationIds = await ctx.db.transaction().execute(async (trx) => {
    const o = await trx.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o) throw new AppError('not_found', `No objection ${id}.`);
    const r = await trx.updateTable('objections').set({ status: input.outcome, outcome_reason: input.reason, correction: input.correction?.trim() || null, decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decided_at: now }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', `Objection ${id} was already decided (${o.status}).`);
    if (isRegistryRecordKind(o.record_kind)) {
      const state = input.outcome === 'upheld' ? { status: null, note: null } : input.outcome === 'corrected' ? { status: 'corrected' as const, note: input.correction!.trim() } : { status: 'removed' as const, note: input.reason, withdrawAt: now };
      await setRecordObjectionState(trx, o.record_kind, o.record_id, state);
    }
    const outcome = { upheld: '异议不成立，记录维持', corrected: '异议成立，记录已更正', removed: '异议成立，记录已删除' }[input.outcome];
    return [await queueNotification(trx, { user_id: o.user_id, case_id: o.case_id, kind: 'objection_decided', title: `异议复核结果：${outcome}`, body: `${input.reason}${input.correction ? `（更正：${input.correction}）` : ''}`, created_at: now })];
  });
  await deliverNotifications(ctx, deps, notificationIds).catch((err: unknown) => ctx.log.warn({ err }, 'notification delivery failed; the scheduler retries'));
  return { id, status: input.outcome, decidedAt: now };
}

/** The regulator's queue: open objections, oldest due first, overdue flagged. */
export async function objectionQueue(ctx: ServiceContext, status: 'open' | 'decided') {
  if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'The objection queue is the regulator’s.');
  let q = ctx.db.selectFrom('objections').selectAll();
  q = status === 'open' ? q.where('status', '=', 'open').orderBy('due_on').orderBy('id') : q.where('status', '!=', 'open').orderBy('decided_at', 'desc');
  const rows = await q.limit(200).execute();
  return { items: rows.map((o) => view(o, ctx.clock())) };
}

/** The caller's own objections, newest first. */
export async function myObjections(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const rows = await ctx.db.selectFrom('objections').selectAll().where('user_id', '=', ctx.actor.userId).orderBy('id', 'desc').limit(200).execute();
  return { items: rows.map((o) => view(o, ctx.clock())) };
}

/** Open objections on a case (collection pauses while there is one). */
export async function openObjectionCount(db: Executor, caseId: number): Promise<number> {
  const r = await db.selectFrom('objections').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** All objections on a case's events. */
export async function objectionsOfCase(db: Executor, caseId: number) {
  return (await db.selectFrom('objections').selectAll().where('case_id', '=', caseId).where('record_kind', '=', 'case_event').orderBy('id').execute()).map((o) => view(o));
}

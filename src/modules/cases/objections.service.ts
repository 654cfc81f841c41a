/**
 * A debtor objects to a single timeline event, from the event itself. The objection is recorded
 * on the timeline (and in the evidence log) in the same transaction; while it is open no collection
 * action is accepted on the case. Review is due within 3 working days on the mainland calendar.
 */
import { addWorkingDays, endOfDayShanghai, shanghaiDate } from '../../domain/working-days.js';
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { loadCase } from './case-access.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';
import { appendTimelineEvent, inCaseTransaction } from './timeline.js';

/** Working days a review may take (the platform's promise; the regulation's outer limit is 20). */
export const OBJECTION_REVIEW_WORKING_DAYS = 3;

/** The debtor objects to event `eventId` of case `caseId`. */
export async function objectToEvent(ctx: ServiceContext, deps: CaseDeps, caseId: number, eventId: number, reason: string) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'debtor' || ctx.actor.kind !== 'user') throw new AppError('forbidden', 'Only the debtor of a case objects to its events.');
  const event = await repo.findEvent(ctx.db, eventId);
  if (!event || event.case_id !== kase.id) throw new AppError('not_found', `No event ${eventId} on case ${kase.reference}.`);
  if (event.kind === 'objection_filed') throw new AppError('invalid_input', 'An objection cannot itself be objected to.');
  const open = await ctx.db.selectFrom('event_objections').select('id').where('event_id', '=', eventId).where('status', '=', 'open').executeTakeFirst();
  if (open) throw new AppError('conflict', `Objection ${open.id} to this event is already under review.`);
  const now = ctx.clock();
  const dueOn = addWorkingDays(deps.calendar, shanghaiDate(now), OBJECTION_REVIEW_WORKING_DAYS);
  const userId = ctx.actor.userId;
  return inCaseTransaction(ctx, deps, async (trx, after) => {
    const id = (await trx.insertInto('event_objections').values({ event_id: eventId, case_id: kase.id, user_id: userId, reason, status: 'open', due_on: dueOn, outcome_reason: null, decided_by: null, decided_at: null, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
    const e = await appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'objection_filed', occurredAt: now.toISOString(), notes: reason, evidence: [], details: { objection: id, event: eventId, dueOn } }, after);
    return { id, eventId, caseId: kase.id, status: 'open' as const, dueOn, deadline: endOfDayShanghai(dueOn), timelineEventId: e.eventId };
  });
}

/** A regulator decides an objection: upheld (the record stands), corrected or removed. */
export async function decideObjection(ctx: ServiceContext, objectionId: number, outcome: 'upheld' | 'corrected' | 'removed', reason: string) {
  if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'Objections are decided by the regulator.');
  const now = ctx.clock().toISOString();
  const r = await ctx.db.updateTable('event_objections').set({ status: outcome, outcome_reason: reason, decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decided_at: now }).where('id', '=', objectionId).where('status', '=', 'open').executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const o = await ctx.db.selectFrom('event_objections').select('status').where('id', '=', objectionId).executeTakeFirst();
    throw o ? new AppError('conflict', `Objection ${objectionId} was already decided (${o.status}).`) : new AppError('not_found', `No objection ${objectionId}.`);
  }
  return { id: objectionId, status: outcome, decidedAt: now };
}

/** Objections on a case, for its timeline. */
export function objectionsOf(ctx: ServiceContext, caseId: number) {
  return ctx.db.selectFrom('event_objections').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

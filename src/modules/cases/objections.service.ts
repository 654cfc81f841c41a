/**
 * A debtor objects to a single timeline event, from the event itself. The objection (objections module) and
 * its timeline event are written in one transaction; while it is open no collection action is accepted.
 */
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { fileObjection } from '../objections/objections.service.js';
import { loadCase } from './case-access.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';
import { appendTimelineEvent, inCaseTransaction } from './timeline.js';

/** The debtor objects to event `eventId` of case `caseId`. */
export async function objectToEvent(ctx: ServiceContext, deps: CaseDeps, caseId: number, eventId: number, reason: string) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'debtor' || ctx.actor.kind !== 'user') throw new AppError('forbidden', 'Only the debtor of a case objects to its events.');
  const event = await repo.findEvent(ctx.db, eventId);
  if (!event || event.case_id !== kase.id) throw new AppError('not_found', `No event ${eventId} on case ${kase.reference}.`);
  if (event.kind === 'objection_filed') throw new AppError('invalid_input', 'An objection cannot itself be objected to.');
  const userId = ctx.actor.userId;
  return inCaseTransaction(ctx, deps, async (trx, after) => {
    const o = await fileObjection(ctx, deps.calendar, trx, { recordKind: 'case_event', recordId: eventId, subjectKey: debt.debtor_key, caseId: kase.id, userId, reason });
    const e = await appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'objection_filed', occurredAt: o.createdAt, notes: reason, evidence: [], details: { objection: o.id, event: eventId, dueOn: o.dueOn } }, after);
    return { ...o, eventId, timelineEventId: e.eventId };
  });
}

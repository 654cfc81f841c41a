/**
 * Complaints about an agency: by a party to one of its cases (also on the case timeline) or by anyone signed in.
 * The agency must respond within 48 hours; the deadline is stored with the complaint and a minute job escalates
 * what is overdue to the regulator — state lives in the database, so a restart loses nothing.
 */
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { actingAgency, loadCase } from '../cases/case-access.js';
import { appendTimelineEvent, inCaseTransaction } from '../cases/timeline.js';
import { missingBlobs } from '../evidence/evidence.service.js';
import { deliverNotifications, notifyRegulators, queueNotification } from '../notifications/notifications.service.js';
import { agencySummary } from '../registry/registry.service.js';
import type { RecourseDeps } from './recourse.deps.js';

/** Hours an agency has to respond (the commission agreement's mandatory clause). */
export const RESPONSE_HOURS = 48;

type Row = { id: number; agency_id: number; case_id: number | null; complainant_role: string; text: string; evidence: string; status: string; due_at: string; response: string | null; responded_at: string | null; escalated_at: string | null; resolution: string | null; resolved_at: string | null; created_at: string };
const view = (c: Row, now: Date) => ({
  id: c.id, agencyId: c.agency_id, caseId: c.case_id, complainantRole: c.complainant_role, text: c.text, evidence: JSON.parse(c.evidence) as string[], status: c.status, dueAt: c.due_at,
  response: c.response, respondedAt: c.responded_at, respondedLate: Boolean(c.responded_at && c.responded_at > c.due_at), escalatedAt: c.escalated_at, resolution: c.resolution, resolvedAt: c.resolved_at, createdAt: c.created_at,
  overdue: c.status === 'open' && Date.parse(c.due_at) < now.getTime(),
});

/** Agency accounts acting for an agency (they are told of complaints). */
async function agencyUserIds(ctx: ServiceContext, agencyId: number): Promise<number[]> {
  const agency = await agencySummary(ctx, agencyId);
  if (!agency) return [];
  const users = await ctx.db.selectFrom('users').select('id').where('role', '=', 'agency').where('enterprise_credit_code', '=', agency.creditCode).where('verification_status', '=', 'verified').where('status', '=', 'active').execute();
  return users.map((u) => u.id);
}

/** Files a complaint about a case's agency (case parties) or about any agency (anyone signed in). */
export async function fileComplaint(ctx: ServiceContext, deps: RecourseDeps, input: { caseId?: number | undefined; agencyId?: number | undefined; text: string; evidence: string[] }) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const missing = await missingBlobs(ctx, input.evidence);
  if (missing.length) throw new AppError('invalid_input', `Evidence not stored: ${missing.join(', ')}.`, [{ field: 'body.evidence', detail: 'unknown SHA-256' }]);
  const now = ctx.clock();
  const dueAt = new Date(now.getTime() + RESPONSE_HOURS * 3_600_000).toISOString();
  const role = roleOf(ctx.actor);
  const userId = ctx.actor.userId;
  const base = { complainant_user_id: userId, complainant_role: role, text: input.text, evidence: JSON.stringify(input.evidence), status: 'open' as const, due_at: dueAt, created_at: now.toISOString() };
  let result: { id: number; agencyId: number };
  if (input.caseId !== undefined) {
    const { kase, debt, party } = await loadCase(ctx, input.caseId);
    if (party !== 'creditor' && party !== 'debtor') throw new AppError('forbidden', 'The creditor or the debtor of a case complains about its agency.');
    const notify = await agencyUserIds(ctx, kase.agency_id);
    result = await inCaseTransaction(ctx, deps, async (trx, after) => {
      const id = (await trx.insertInto('complaints').values({ ...base, agency_id: kase.agency_id, case_id: kase.id }).returning('id').executeTakeFirstOrThrow()).id;
      await appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'complaint_filed', occurredAt: base.created_at, notes: input.text, evidence: input.evidence, details: { complaint: id, dueAt } }, after);
      for (const u of notify) after.notificationIds.push(await queueNotification(trx, { user_id: u, case_id: kase.id, kind: 'complaint_filed', title: `收到投诉，请于 48 小时内答复 · ${kase.reference}`, body: input.text, evidence: input.evidence, created_at: base.created_at }));
      return { id, agencyId: kase.agency_id };
    });
  } else {
    const agency = input.agencyId === undefined ? null : await agencySummary(ctx, input.agencyId);
    if (!agency) throw new AppError('invalid_input', 'Name the agency (agencyId) or the case (caseId) the complaint is about.', [{ field: 'body.agencyId', detail: 'unknown or missing agency' }]);
    const notify = await agencyUserIds(ctx, agency.id);
    const ids: number[] = [];
    result = await ctx.db.transaction().execute(async (trx) => {
      const id = (await trx.insertInto('complaints').values({ ...base, agency_id: agency.id, case_id: null }).returning('id').executeTakeFirstOrThrow()).id;
      for (const u of notify) ids.push(await queueNotification(trx, { user_id: u, kind: 'complaint_filed', title: '收到公众投诉，请于 48 小时内答复', body: input.text, evidence: input.evidence, created_at: base.created_at }));
      return { id, agencyId: agency.id };
    });
    await deliverNotifications(ctx, deps, ids).catch((err: unknown) => ctx.log.warn({ err }, 'notification delivery failed; the scheduler retries'));
  }
  return { id: result.id, agencyId: result.agencyId, caseId: input.caseId ?? null, status: 'open', dueAt };
}

/** The agency responds (late responses are accepted and shown as late). */
export async function respondToComplaint(ctx: ServiceContext, deps: RecourseDeps, id: number, response: string) {
  const agency = await actingAgency(ctx);
  const c = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || !agency || c.agency_id !== agency.id) throw new AppError('not_found', `No complaint ${id} about your agency.`);
  if (c.responded_at) throw new AppError('conflict', `Complaint ${id} was already answered at ${c.responded_at}.`);
  if (c.status === 'resolved') throw new AppError('conflict', `Complaint ${id} is resolved.`);
  const now = ctx.clock().toISOString();
  const ids = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('complaints').set({ response, responded_at: now, status: c.status === 'escalated' ? 'escalated' : 'responded' }).where('id', '=', id).execute();
    return [await queueNotification(trx, { user_id: c.complainant_user_id, case_id: c.case_id, kind: 'complaint_answered', title: `${agency.name} 已答复您的投诉`, body: response, created_at: now })];
  });
  await deliverNotifications(ctx, deps, ids).catch((err: unknown) => ctx.log.warn({ err }, 'notification delivery failed; the scheduler retries'));
  return view({ ...c, response, responded_at: now, status: c.status === 'escalated' ? 'escalated' : 'responded' }, ctx.clock());
}

/** A regulator closes a complaint with its resolution. */
export async function resolveComplaint(ctx: ServiceContext, id: number, resolution: string) {
  if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'Complaints are resolved by the regulator.');
  const now = ctx.clock().toISOString();
  const c = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('not_found', `No complaint ${id}.`);
  if (c.status === 'resolved') throw new AppError('conflict', `Complaint ${id} is already resolved.`);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('complaints').set({ status: 'resolved', resolution, resolved_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, resolved_at: now }).where('id', '=', id).execute();
    await queueNotification(trx, { user_id: c.complainant_user_id, case_id: c.case_id, kind: 'complaint_resolved', title: '您的投诉已处理完毕', body: resolution, created_at: now });
  });
  return view({ ...c, status: 'resolved', resolution, resolved_at: now }, ctx.clock());
}

/** Escalates every open complaint past its deadline to the regulator (minute job; idempotent). */
export async function escalateOverdueComplaints(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock().toISOString();
  const due = await ctx.db.selectFrom('complaints').selectAll().where('status', '=', 'open').where('due_at', '<', now).execute();
  let n = 0;
  for (const c of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('complaints').set({ status: 'escalated', escalated_at: now }).where('id', '=', c.id).where('status', '=', 'open').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return; // another process escalated it
      await notifyRegulators(trx, { case_id: c.case_id, kind: 'complaint_escalated', title: `投诉 #${c.id} 超过 48 小时未答复，已提交监管`, body: c.text, created_at: now });
      await queueNotification(trx, { user_id: c.complainant_user_id, case_id: c.case_id, kind: 'complaint_escalated', title: '机构未在 48 小时内答复，您的投诉已自动提交监管部门', body: c.text, created_at: now });
      n++;
    });
  }
  return n;
}

/** Complaints the caller may follow: its own; its agency's; all open and escalated (regulator). */
export async function listComplaints(ctx: ServiceContext, scope: 'mine' | 'agency' | 'queue') {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  let q = ctx.db.selectFrom('complaints').selectAll();
  if (scope === 'mine') q = q.where('complainant_user_id', '=', ctx.actor.userId);
  else if (scope === 'agency') {
    const agency = await actingAgency(ctx);
    if (!agency) throw new AppError('forbidden', 'Your account does not act for a verified, filed agency.');
    q = q.where('agency_id', '=', agency.id);
  } else {
    if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'The complaint queue is the regulator’s.');
    q = q.where('status', 'in', ['open', 'escalated']);
  }
  const rows = await q.orderBy('due_at').orderBy('id').limit(200).execute();
  return { items: rows.map((c) => view(c, ctx.clock())) };
}

/**
 * Data-subject requests (PIPL arts. 45–47): export, correction, deletion. Each is due 15 working days
 * after it is made (mainland calendar); a refusal must give its reasons.
 */
import { addWorkingDaysLenient, endOfDayShanghai, shanghaiDate, type WorkingCalendar } from '../../domain/working-days.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { listAccesses } from './access-log.repository.js';
import { listRelatedParties } from './related-parties.repository.js';
import type { PiiCipher } from './pii-cipher.js';

/** Working days within which a request must be answered. */
export const DATA_REQUEST_WORKING_DAYS = 15;

function userId(ctx: ServiceContext): number {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return ctx.actor.userId;
}

const view = (r: { id: number; kind: string; details: string; status: string; due_on: string; deadline: string; outcome_reason: string | null; decided_at: string | null; created_at: string }) => ({
  id: r.id, kind: r.kind, details: r.details, status: r.status, dueOn: r.due_on, deadline: r.deadline, outcomeReason: r.outcome_reason, decidedAt: r.decided_at, createdAt: r.created_at,
});

/** Files a request; the due date is computed on the working-day calendar. */
export async function createDataRequest(ctx: ServiceContext, calendar: WorkingCalendar, input: { kind: 'export' | 'correction' | 'deletion'; details: string }) {
  const uid = userId(ctx);
  const now = ctx.clock();
  // Past the calendar's years the date is provisional (weekdays and fixed holidays only): never refuse a request for it.
  const { date: due, provisional } = addWorkingDaysLenient(calendar, shanghaiDate(now), DATA_REQUEST_WORKING_DAYS);
  if (provisional) ctx.log.warn({ due }, 'data-request deadline runs past the holiday calendar; add next year’s arrangements to calendar.json');
  const row = await ctx.db
    .insertInto('data_requests')
    .values({ user_id: uid, kind: input.kind, details: input.details.trim(), status: 'open', due_on: due, deadline: endOfDayShanghai(due), outcome_reason: null, decided_by: null, decided_at: null, created_at: now.toISOString() })
    .returning(['id', 'kind', 'details', 'status', 'due_on', 'deadline', 'outcome_reason', 'decided_at', 'created_at'])
    .executeTakeFirstOrThrow();
  return view(row);
}

/** My requests, newest first. */
export async function listMyDataRequests(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('data_requests').selectAll().where('user_id', '=', userId(ctx)).orderBy('id', 'desc').execute();
  return rows.map(view);
}

/** Requests for administrators, oldest due first; overdue ones are flagged. */
export async function listDataRequests(ctx: ServiceContext, status: 'open' | 'completed' | 'refused') {
  const rows = await ctx.db.selectFrom('data_requests').selectAll().where('status', '=', status).orderBy('due_on').orderBy('id').execute();
  const today = shanghaiDate(ctx.clock());
  return rows.map((r) => ({ ...view(r), userId: r.user_id, overdue: r.status === 'open' && r.due_on < today }));
}

/** Completes or refuses a request; a refusal without reasons is not accepted. */
export async function decideDataRequest(ctx: ServiceContext, id: number, input: { decision: 'completed' | 'refused'; reason: string }) {
  const r = await ctx.db.selectFrom('data_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found', `No data request with id ${id}.`);
  if (r.status !== 'open') throw new AppError('conflict', `Request ${id} was already ${r.status}.`);
  if (input.decision === 'refused' && input.reason.trim().length < 10) throw new AppError('invalid_input', 'A refusal must explain its reasons (at least 10 characters).', [{ field: 'body.reason', detail: 'too short for a refusal' }]);
  const now = ctx.clock().toISOString();
  await ctx.db.updateTable('data_requests').set({ status: input.decision, outcome_reason: input.reason.trim(), decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decided_at: now }).where('id', '=', id).execute();
  return view({ ...r, status: input.decision, outcome_reason: input.reason.trim(), decided_at: now });
}

/** Everything the platform holds about the signed-in user, as JSON (PIPL art. 45 portability). */
export async function exportMyData(ctx: ServiceContext, cipher: PiiCipher) {
  const uid = userId(ctx);
  const user = await findUserById(ctx.db, uid);
  if (!user) throw new AppError('not_found', 'Account not found.');
  const person = user.person_id ? await ctx.db.selectFrom('persons').selectAll().where('id', '=', user.person_id).executeTakeFirst() : undefined;
  const sessions = await ctx.db.selectFrom('sessions').select(['created_at', 'last_seen_at', 'expires_at', 'revoked_at', 'ip', 'user_agent']).where('user_id', '=', uid).orderBy('created_at', 'desc').execute();
  return {
    exportedAt: ctx.clock().toISOString(),
    account: { id: user.id, email: user.email, displayName: user.display_name, role: user.role, enterpriseCreditCode: user.enterprise_credit_code, verificationStatus: user.verification_status, totpEnabled: user.totp_enabled === 1, createdAt: user.created_at },
    person: person ? { name: person.name, idNumber: cipher.decrypt(person.id_number_enc), phone: person.phone_enc ? cipher.decrypt(person.phone_enc) : null, address: person.address_enc ? cipher.decrypt(person.address_enc) : null } : null,
    sessions,
    relatedParties: await listRelatedParties(ctx.db, uid),
    dataRequests: await listMyDataRequests(ctx),
    accessesToMyPersonalInformation: person ? await listAccesses(ctx.db, { kind: 'person', key: String(person.id) }, 1000) : [],
    accessesToMyEnterprise: user.enterprise_credit_code && user.verification_status === 'verified' ? await listAccesses(ctx.db, { kind: 'enterprise', key: user.enterprise_credit_code }, 1000) : [],
  };
}

/**
 * Law firms register their specialties, regions, capacity, fees and clients; a creditor sees the firms ranked for
 * a case with the reasons, firms acting for the debtor or its related parties excluded; picking one moves the case
 * into that firm's queue.
 */
import { matchFirms, type FirmProfile } from '../../domain/mediation/law-firm-matching.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { loadCase } from '../cases/case-access.js';
import type { CaseDeps } from '../cases/cases.deps.js';
import { transitionInTransaction } from '../cases/lifecycle.service.js';
import { inCaseTransaction } from '../cases/timeline.js';
import { relatedCodesOf } from '../registry/registry.service.js';
import { bayesianAverage, DEFAULT_RATING_POLICY, type RatingPolicy } from '../../domain/reputation.js';

/** A firm's registration. */
export interface FirmInput {
  name: string;
  specialties: string[];
  cityCodes: string[];
  capacity: number;
  feeBps: number;
  clientCodes: string[];
}

/** The signed-in law firm registers or updates its profile. */
export async function upsertMyFirm(ctx: ServiceContext, input: FirmInput) {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'law_firm') throw new AppError('forbidden', 'Only law-firm accounts register a firm profile.');
  const now = ctx.clock().toISOString();
  const row = { user_id: ctx.actor.userId, name: input.name, specialties: JSON.stringify(input.specialties), city_codes: JSON.stringify(input.cityCodes), capacity: input.capacity, fee_bps: input.feeBps, client_codes: JSON.stringify(input.clientCodes.map((c) => c.toUpperCase())), updated_at: now };
  await ctx.db.insertInto('law_firms').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet({ name: row.name, specialties: row.specialties, city_codes: row.city_codes, capacity: row.capacity, fee_bps: row.fee_bps, client_codes: row.client_codes, updated_at: now })).execute();
  const firm = await ctx.db.selectFrom('law_firms').select('id').where('user_id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  return { id: firm.id, ...input };
}

/** The creditor rates the firm that handled its case, once, after the case ended. */
export async function rateLawFirm(ctx: ServiceContext, caseId: number, input: { score: number; comment: string }) {
  const { kase, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor' || ctx.actor.kind !== 'user') throw new AppError('forbidden', 'The creditor rates the law firm of its case.');
  const assignment = await ctx.db.selectFrom('law_firm_assignments').select('firm_id').where('case_id', '=', kase.id).executeTakeFirst();
  if (!assignment) throw new AppError('conflict', 'No law firm handled this case.');
  if (kase.status !== 'closed') throw new AppError('conflict', `Rate the firm once the case is closed; it is ${kase.status}.`);
  if (await ctx.db.selectFrom('law_firm_ratings').select('id').where('case_id', '=', kase.id).executeTakeFirst()) throw new AppError('conflict', 'You have already rated the firm for this case.');
  await ctx.db.insertInto('law_firm_ratings').values({ case_id: kase.id, firm_id: assignment.firm_id, creditor_user_id: ctx.actor.userId, score: input.score, comment: input.comment, created_at: ctx.clock().toISOString() }).execute();
  return { caseId: kase.id, firmId: assignment.firm_id, score: input.score };
}

async function firmProfiles(ctx: ServiceContext, policy: RatingPolicy): Promise<FirmProfile[]> {
  const firms = await ctx.db.selectFrom('law_firms').selectAll().orderBy('id').execute();
  const load = await ctx.db.selectFrom('law_firm_assignments').innerJoin('cases', 'cases.id', 'law_firm_assignments.case_id').select(['law_firm_assignments.firm_id', (eb) => eb.fn.countAll<number>().as('n')]).where('cases.status', '=', 'transferred_to_law_firm').groupBy('law_firm_assignments.firm_id').execute();
  const ratings = await ctx.db.selectFrom('law_firm_ratings').select(['firm_id', (eb) => eb.fn.sum<number>('score').as('sum'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy('firm_id').execute();
  // Ratings are caseload-adjusted like agencies': a firm without ratings stands at the prior.
  const adjusted = (id: number) => {
    const r = ratings.find((x) => x.firm_id === id);
    return bayesianAverage(Number(r?.sum ?? 0), Number(r?.n ?? 0), policy.priorMean, policy.priorWeight);
  };
  return firms.map((f) => ({ id: f.id, name: f.name, specialties: JSON.parse(f.specialties) as string[], cityCodes: JSON.parse(f.city_codes) as string[], capacity: f.capacity, activeCases: Number(load.find((l) => l.firm_id === f.id)?.n ?? 0), adjustedRating: adjusted(f.id), feeBps: f.fee_bps, clientCodes: JSON.parse(f.client_codes) as string[] }));
}

/** Firms ranked for a case, with every component of the score and the exclusions. */
export async function matchesForCase(ctx: ServiceContext, caseId: number, input: { disputeType: string; maxFeeBps: number }, policy: RatingPolicy = DEFAULT_RATING_POLICY) {
  const { debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor' && party !== 'regulator') throw new AppError('forbidden', 'The creditor chooses the law firm.');
  const debtorCode = debt.debtor_credit_code ?? debt.debtor_key;
  const cityCode = debt.debtor_credit_code ? `${debt.debtor_credit_code.slice(2, 6)}00` : '';
  const related = debt.debtor_credit_code ? await relatedCodesOf(ctx, debt.debtor_credit_code) : [];
  return { items: matchFirms({ disputeType: input.disputeType, cityCode, debtorCode, relatedCodes: related, maxFeeBps: input.maxFeeBps }, await firmProfiles(ctx, policy)) };
}

/** The creditor picks a firm: the case moves to it (status "with a law firm") and into its queue. */
export async function assignFirm(ctx: ServiceContext, deps: CaseDeps, caseId: number, firmId: number, input: { disputeType: string; maxFeeBps: number }) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor') throw new AppError('forbidden', 'The creditor chooses the law firm.');
  const match = (await matchesForCase(ctx, caseId, input)).items.find((m) => m.firmId === firmId);
  if (!match) throw new AppError('not_found', `No law firm ${firmId}.`);
  if (match.excluded) throw new AppError('conflict', `${match.name} cannot take this case: ${match.reason}.`);
  const now = ctx.clock().toISOString();
  return inCaseTransaction(ctx, deps, async (trx, after) => {
    await transitionInTransaction(ctx, deps, trx, after, kase, debt, 'transferred_to_law_firm', 'transferred_to_law_firm', `转交 ${match.name}（匹配得分 ${match.score}）。`);
    await trx.insertInto('law_firm_assignments').values({ case_id: kase.id, firm_id: firmId, score: JSON.stringify(match), assigned_at: now }).execute();
    return { caseId: kase.id, firmId, status: 'transferred_to_law_firm' as const, score: match.score };
  });
}

/** The signed-in firm's profile, or null before it registers. */
export async function myFirm(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const f = await ctx.db.selectFrom('law_firms').selectAll().where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  return f ? { id: f.id, name: f.name, specialties: JSON.parse(f.specialties) as string[], cityCodes: JSON.parse(f.city_codes) as string[], capacity: f.capacity, feeBps: f.fee_bps, clientCodes: JSON.parse(f.client_codes) as string[] } : null;
}

/** The signed-in firm's queue. */
export async function myQueue(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const firm = await ctx.db.selectFrom('law_firms').select('id').where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  if (!firm) throw new AppError('not_found', 'Register your firm first (POST /law-firms/me).');
  const rows = await ctx.db.selectFrom('law_firm_assignments').innerJoin('cases', 'cases.id', 'law_firm_assignments.case_id').innerJoin('debts', 'debts.id', 'cases.debt_id')
    .select(['cases.id', 'cases.reference', 'cases.status', 'debts.debtor_name', 'debts.principal_fen', 'debts.interest_fen', 'law_firm_assignments.assigned_at']).where('law_firm_assignments.firm_id', '=', firm.id).orderBy('law_firm_assignments.assigned_at', 'desc').execute();
  return { items: rows.map((r) => ({ caseId: r.id, reference: r.reference, status: r.status, debtorName: r.debtor_name, owedFen: r.principal_fen + r.interest_fen, assignedAt: r.assigned_at })) };
}

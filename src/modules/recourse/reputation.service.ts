/**
 * Two-way ratings after a case ends, caseload-adjusted agency reputation (Bayesian rating, complaint rate per
 * 100 cases with a Wilson interval), and the recommended list: an agency is recommended when it is certified,
 * its verification is not red and ratings have not delisted it. Every change of that status is kept in history.
 */
import { complaintRate, delistingDecision, bayesianAverage, type RatingPolicy } from '../../domain/reputation.js';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { loadCase } from '../cases/case-access.js';
import { agencyListing, recommendationHistory, setAgencyRecommended } from '../registry/record-objection-state.js';
import { agencySummary, verifyAgencyById } from '../registry/registry.service.js';
import type { RecourseDeps } from './recourse.deps.js';

const ENDED = ['settled', 'closed', 'transferred_to_law_firm'];

/** Sum and count of creditors' ratings of an agency. */
async function agencyRatings(db: Executor, agencyId: number): Promise<{ sum: number; n: number }> {
  const r = await db.selectFrom('ratings').select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('score'), eb.lit(0)).as('sum'), eb.fn.countAll<number>().as('n')]).where('agency_id', '=', agencyId).where('rater_role', '=', 'creditor').executeTakeFirstOrThrow();
  return { sum: Number(r.sum), n: Number(r.n) };
}

/**
 * Recomputes an agency's place on the recommended list inside `trx`; `grade` must be read before the
 * transaction (verification reads outside it). Records history when the status changes.
 */
export async function refreshRecommended(trx: Executor, agencyId: number, grade: 'green' | 'yellow' | 'red', policy: RatingPolicy, actor: string, at: string) {
  const listing = await agencyListing(trx, agencyId);
  if (!listing) return null;
  const ratings = delistingDecision(await agencyRatings(trx, agencyId), policy);
  const delisted = ratings.delist;
  const should = listing.certification_level !== null && grade !== 'red' && !delisted;
  const reason = delisted ? `delisted by ratings: ${ratings.reason}` : listing.certification_level === null ? 'not certified' : grade === 'red' ? 'verification is red' : `certified ${listing.certification_level}, verification ${grade}, ${ratings.reason}`;
  const wasDelisted = listing.delisted_at !== null;
  if ((listing.recommended === 1) !== should || wasDelisted !== delisted) await setAgencyRecommended(trx, agencyId, should, reason, actor, at, delisted);
  return { recommended: should, delisted, reason };
}

/** A party rates the other side after the case ended: the creditor rates the agency, the agency the creditor. */
export async function rateCase(ctx: ServiceContext, deps: RecourseDeps, caseId: number, input: { score: number; comment: string }) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor' && party !== 'agency') throw new AppError('forbidden', 'The creditor and the agency of a case rate each other.');
  if (!ENDED.includes(kase.status)) throw new AppError('conflict', `Rate a case once it has ended; this one is ${kase.status}.`);
  const existing = await ctx.db.selectFrom('ratings').select('id').where('case_id', '=', kase.id).where('rater_role', '=', party).executeTakeFirst();
  if (existing) throw new AppError('conflict', 'You have already rated this case.');
  const grade = party === 'creditor' ? (await verifyAgencyById(ctx, kase.agency_id)).grade : null;
  const now = ctx.clock().toISOString();
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : 0;
  return ctx.db.transaction().execute(async (trx) => {
    const id = (await trx.insertInto('ratings').values({ case_id: kase.id, rater_user_id: userId, rater_role: party, agency_id: kase.agency_id, creditor_user_id: debt.creditor_user_id, score: input.score, comment: input.comment, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const listing = grade ? await refreshRecommended(trx, kase.agency_id, grade, deps.ratingPolicy, 'system:ratings', now) : null;
    return { id, caseId: kase.id, raterRole: party, score: input.score, agencyListing: listing };
  });
}

/** The public reputation of an agency. */
export async function agencyReputation(ctx: ServiceContext, deps: Pick<RecourseDeps, 'ratingPolicy'>, agencyId: number) {
  const agency = await agencySummary(ctx, agencyId);
  if (!agency) throw new AppError('not_found', `No filed agency with id ${agencyId}.`);
  const [ratings, cases, complaints, listing, history] = await Promise.all([
    agencyRatings(ctx.db, agencyId),
    ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('agency_id', '=', agencyId).where('status', 'not in', ['open', 'revoked']).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow(),
    agencyListing(ctx.db, agencyId),
    recommendationHistory(ctx.db, agencyId),
  ]);
  const p = deps.ratingPolicy;
  return {
    agencyId, name: agency.name,
    ratings: { count: ratings.n, mean: ratings.n ? ratings.sum / ratings.n : null, adjusted: bayesianAverage(ratings.sum, ratings.n, p.priorMean, p.priorWeight), policy: p },
    complaints: complaintRate(Number(complaints.n), Number(cases.n)),
    recommended: listing?.recommended === 1, delistedAt: listing?.delisted_at ?? null, certificationLevel: listing?.certification_level ?? null,
    history: history.map((h) => ({ recommended: h.recommended === 1, reason: h.reason, actor: h.actor, at: h.at })),
  };
}

/** How agencies rated a creditor (shown to agencies deciding whether to take a case, and to regulators). */
export async function creditorReputation(ctx: ServiceContext, deps: Pick<RecourseDeps, 'ratingPolicy'>, creditorUserId: number) {
  const r = await ctx.db.selectFrom('ratings').select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('score'), eb.lit(0)).as('sum'), eb.fn.countAll<number>().as('n')]).where('creditor_user_id', '=', creditorUserId).where('rater_role', '=', 'agency').executeTakeFirstOrThrow();
  const n = Number(r.n);
  return { creditorUserId, count: n, mean: n ? Number(r.sum) / n : null, adjusted: bayesianAverage(Number(r.sum), n, deps.ratingPolicy.priorMean, deps.ratingPolicy.priorWeight) };
}

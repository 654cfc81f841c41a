/** An agency's risk grade with its reasons, recomputed on demand and by the daily job; changes are kept as history. */
import { agencyGrade, type GradeReason } from '../../domain/agency-grade.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { agencySummary, riskFactsOf } from '../registry/registry.service.js';
import type { RecourseDeps } from './recourse.deps.js';
import { agencyReputation } from './reputation.service.js';

/** Recomputes agency `id`'s grade; stores it when it changed. */
export async function agencyRiskGrade(ctx: ServiceContext, deps: Pick<RecourseDeps, 'ratingPolicy'>, agencyId: number) {
  const agency = await agencySummary(ctx, agencyId);
  if (!agency) throw new AppError('not_found', `No filed agency with id ${agencyId}.`);
  const rep = await agencyReputation(ctx, deps, agencyId);
  const ent = await ctx.db.selectFrom('agencies').select('enterprise_id').where('id', '=', agencyId).executeTakeFirstOrThrow();
  const facts = await riskFactsOf(ctx, ent.enterprise_id);
  const refused = await ctx.db.selectFrom('compliance_refusals').innerJoin('cases', 'cases.id', 'compliance_refusals.case_id').select((eb) => eb.fn.countAll<number>().as('n')).where('cases.agency_id', '=', agencyId).executeTakeFirstOrThrow();
  const cases = rep.complaints.cases;
  const result = agencyGrade({
    complaintsPer100: rep.complaints.per100, adjustedRating: rep.ratings.adjusted, ratings: rep.ratings.count,
    penalties3y: facts?.penalties3y ?? 0, enforcementOpen: facts?.enforcementOpen ?? 0,
    refusedActionsPer100: cases ? (Number(refused.n) / cases) * 100 : null, certificationLevel: rep.certificationLevel as 'A' | 'AA' | 'AAA' | null,
  });
  const last = await ctx.db.selectFrom('agency_grade_history').select(['grade', 'score']).where('agency_id', '=', agencyId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const now = ctx.clock().toISOString();
  if (!last || last.grade !== result.grade || last.score !== result.score) {
    await ctx.db.insertInto('agency_grade_history').values({ agency_id: agencyId, grade: result.grade, score: result.score, reasons: JSON.stringify(result.reasons), computed_at: now }).execute();
  }
  const history = await ctx.db.selectFrom('agency_grade_history').selectAll().where('agency_id', '=', agencyId).orderBy('id', 'desc').limit(20).execute();
  return { agencyId, name: agency.name, ...result, computedAt: now, history: history.map((h) => ({ grade: h.grade, score: h.score, reasons: JSON.parse(h.reasons) as GradeReason[], computedAt: h.computed_at })) };
}

/** Recomputes every filed agency's grade (daily job). */
export async function recomputeAgencyGrades(ctx: ServiceContext, deps: Pick<RecourseDeps, 'ratingPolicy'>): Promise<number> {
  const agencies = await ctx.db.selectFrom('agencies').select('id').where('status', '=', 'filed').execute();
  for (const a of agencies) await agencyRiskGrade(ctx, deps, a.id);
  return agencies.length;
}

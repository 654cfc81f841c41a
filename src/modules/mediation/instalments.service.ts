/**
 * Following an accepted mediation plan: payments recorded on the case since the agreement are set against the
 * schedule. A missed instalment (past the end of its due day, Asia/Shanghai) reopens the case — collection resumes
 * and a law firm is suggested — and the creditor is told; a plan paid in full is completed. Run by the minute job.
 */
import type { InstalmentPlan, LumpSum } from '../../domain/mediation/repayment-plan.js';
import { routeDebt } from '../../domain/mediation/routing.js';
import { endOfDayShanghai } from '../../domain/working-days.js';
import type { ServiceContext } from '../../shared/context.js';
import type { CaseDeps } from '../cases/cases.deps.js';
import { findCase, findDebt } from '../cases/cases.repository.js';
import { appendTimelineEvent, inCaseTransaction } from '../cases/timeline.js';
import { assertOfferTransition } from './mediation.service.js';

/** The schedule as (due instant, cumulative amount). */
function cumulative(plan: LumpSum | InstalmentPlan): Array<{ n: number; dueAt: string; dueOn: string; cumulativeFen: number }> {
  if (plan.kind === 'lump_sum') return [{ n: 1, dueOn: plan.dueOn, dueAt: endOfDayShanghai(plan.dueOn), cumulativeFen: plan.payFen }];
  let sum = 0;
  return plan.instalments.map((i) => ({ n: i.n, dueOn: i.dueOn, dueAt: endOfDayShanghai(i.dueOn), cumulativeFen: (sum += i.amountFen) }));
}

/** Checks every running plan; returns how many defaulted and how many completed. */
export async function checkInstalments(ctx: ServiceContext, deps: CaseDeps): Promise<{ defaulted: number; completed: number }> {
  const running = await ctx.db.selectFrom('mediation_offers').selectAll().where('status', '=', 'accepted').execute();
  const now = ctx.clock();
  let defaulted = 0;
  let completed = 0;
  for (const offer of running) {
    const plan = JSON.parse(offer.plan) as LumpSum | InstalmentPlan;
    const paid = await ctx.db.selectFrom('ledger_transactions').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n')).where('case_id', '=', offer.case_id).where('created_at', '>=', offer.answered_at!).executeTakeFirstOrThrow();
    const paidFen = Number(paid.n);
    const schedule = cumulative(plan);
    const target = schedule.at(-1)!.cumulativeFen;
    const missed = schedule.find((s) => Date.parse(s.dueAt) < now.getTime() && paidFen < s.cumulativeFen);
    if (!missed && paidFen < target) continue;
    const kase = (await findCase(ctx.db, offer.case_id))!;
    const debt = (await findDebt(ctx.db, kase.debt_id))!;
    const system: ServiceContext = { ...ctx, actor: { kind: 'system', name: 'mediation' } };
    await inCaseTransaction(system, deps, async (trx, after) => {
      const next = missed ? 'defaulted' : 'completed';
      assertOfferTransition(offer.id, offer.status, next);
      const r = await trx.updateTable('mediation_offers').set({ status: next }).where('id', '=', offer.id).where('status', '=', 'accepted').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return; // another process handled it
      if (missed) {
        const route = routeDebt(debt.principal_fen + debt.interest_fen, { mediationFailed: true });
        await appendTimelineEvent(system, deps, trx, kase, debt, { kind: 'mediation_defaulted', occurredAt: now.toISOString(), notes: `第 ${missed.n} 期（${missed.dueOn} 前累计应付 ${(missed.cumulativeFen / 100).toFixed(2)} 元）未按期支付，已付 ${(paidFen / 100).toFixed(2)} 元。案件恢复催收。${route.reason['zh-CN']}`, evidence: [], details: { offer: offer.id, instalment: missed.n, dueOn: missed.dueOn, dueFen: missed.cumulativeFen, paidFen, route: route.to } }, after);
        defaulted++;
      } else {
        await appendTimelineEvent(system, deps, trx, kase, debt, { kind: 'mediation_completed', occurredAt: now.toISOString(), notes: `调解协议已全部履行（${(paidFen / 100).toFixed(2)} 元）。`, evidence: [], details: { offer: offer.id, paidFen } }, after);
        completed++;
      }
    });
  }
  return { defaulted, completed };
}

/** Mediation figures for the dashboard: cases mediated, share settled, days to settle, outcomes. */
export async function mediationStats(ctx: ServiceContext) {
  const offers = await ctx.db.selectFrom('mediation_offers').select(['case_id', 'status', 'created_at', 'answered_at']).orderBy('id').execute();
  const failedCases = new Set((await ctx.db.selectFrom('case_events').select('case_id').where('kind', '=', 'mediation_failed').execute()).map((r) => r.case_id));
  const byCase = new Map<number, typeof offers>();
  for (const o of offers) byCase.set(o.case_id, [...(byCase.get(o.case_id) ?? []), o]);
  const days: number[] = [];
  const outcomes = { negotiating: 0, performing: 0, completed: 0, defaulted: 0, failed: 0 };
  for (const [caseId, list] of byCase) {
    const agreed = list.find((o) => ['accepted', 'completed', 'defaulted'].includes(o.status));
    if (!agreed) {
      if (failedCases.has(caseId)) outcomes.failed++;
      else outcomes.negotiating++;
      continue;
    }
    outcomes[agreed.status === 'accepted' ? 'performing' : (agreed.status as 'completed' | 'defaulted')]++;
    days.push((Date.parse(agreed.answered_at!) - Date.parse(list[0]!.created_at)) / 86_400_000);
  }
  days.sort((a, b) => a - b);
  const settled = days.length;
  // Days from the first offer to the agreement, in the bands a regulator reports (Suzhou: 87 days before, 23 after).
  const bands = [{ label: '≤3', max: 3 }, { label: '4–7', max: 7 }, { label: '8–14', max: 14 }, { label: '15–30', max: 30 }, { label: '>30', max: Infinity }];
  const daysToSettle = bands.map((b, i) => ({ band: b.label, cases: days.filter((d) => d <= b.max && (i === 0 || d > bands[i - 1]!.max)).length }));
  return {
    casesMediated: byCase.size, settled, settledShare: byCase.size ? settled / byCase.size : null,
    medianDaysToSettle: days.length ? days[Math.floor((days.length - 1) / 2)]! : null,
    completed: outcomes.completed, defaulted: outcomes.defaulted, outcomes, daysToSettle,
  };
}

/**
 * Case figures: the recovery cycle (days from activation to settlement) for regulators, and a creditor's own cases,
 * recoveries, fees and net amounts per month.
 */
import { countIntoBands, lastMonths, shanghaiMonth } from '../../domain/statistics.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';

const CYCLE_BANDS = [{ label: '≤30', max: 30 }, { label: '31–60', max: 60 }, { label: '61–90', max: 90 }, { label: '91–180', max: 180 }, { label: '>180', max: Infinity }];

/** Days from activation to settlement of every settled case, in bands, with the median. */
export async function recoveryCycle(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('cases').select(['activated_at', 'ended_at']).where('status', '=', 'settled').where('activated_at', 'is not', null).where('ended_at', 'is not', null).execute();
  const days = rows.map((r) => (Date.parse(r.ended_at!) - Date.parse(r.activated_at!)) / 86_400_000).sort((a, b) => a - b);
  return { settled: days.length, medianDays: days.length ? days[Math.floor((days.length - 1) / 2)]! : null, bands: countIntoBands(days, CYCLE_BANDS).map((b) => ({ band: b.band, cases: b.count })) };
}

/** The signed-in creditor's cases by status, and per month what was recovered, the fees and what reached it. */
export async function creditorFigures(ctx: ServiceContext, months = 12) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const userId = ctx.actor.userId;
  const cases = await ctx.db.selectFrom('cases').innerJoin('debts', 'debts.id', 'cases.debt_id').select(['cases.id', 'cases.status', 'debts.principal_fen', 'debts.interest_fen']).where('debts.creditor_user_id', '=', userId).execute();
  const byStatus = new Map<string, number>();
  for (const c of cases) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  const span = lastMonths(ctx.clock(), months);
  const payments = cases.length
    ? await ctx.db.selectFrom('ledger_transactions').select(['amount_fen', 'fee_fen', 'net_fen', 'received_at']).where('case_id', 'in', cases.map((c) => c.id)).execute()
    : [];
  const perMonth = span.map((month) => {
    const inMonth = payments.filter((p) => shanghaiMonth(p.received_at) === month);
    return { month, recoveredFen: inMonth.reduce((s, p) => s + p.amount_fen, 0), feeFen: inMonth.reduce((s, p) => s + p.fee_fen, 0), netFen: inMonth.reduce((s, p) => s + p.net_fen, 0) };
  });
  return {
    cases: cases.length,
    owedFen: cases.reduce((s, c) => s + c.principal_fen + c.interest_fen, 0),
    recoveredFen: payments.reduce((s, p) => s + p.amount_fen, 0),
    feeFen: payments.reduce((s, p) => s + p.fee_fen, 0),
    netFen: payments.reduce((s, p) => s + p.net_fen, 0),
    byStatus: [...byStatus.entries()].sort((a, b) => b[1] - a[1]).map(([status, n]) => ({ status, cases: n })),
    perMonth,
  };
}

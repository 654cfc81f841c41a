/** Objection figures for regulators: per month of filing, how many were reviewed within 3 working days. */
import { lastMonths, onTimeShare, shanghaiMonth } from '../../domain/statistics.js';
import type { ServiceContext } from '../../shared/context.js';

/** Objection deadlines met over the last `months` months. */
export async function objectionFigures(ctx: ServiceContext, months = 12) {
  const now = ctx.clock();
  const span = lastMonths(now, months);
  const since = new Date(Date.parse(`${span[0]}-01T00:00:00+08:00`)).toISOString();
  const rows = await ctx.db.selectFrom('objections').select(['created_at', 'deadline', 'decided_at']).where('created_at', '>=', since).execute();
  return span.map((month) => {
    const inMonth = rows.filter((r) => shanghaiMonth(r.created_at) === month);
    const t = onTimeShare(inMonth.map((r) => ({ deadline: r.deadline, handledAt: r.decided_at })), now);
    return { month, filed: inMonth.length, due: t.due, onTime: t.onTime, share: t.share };
  });
}

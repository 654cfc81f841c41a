/**
 * Complaint figures for regulators: complaints per agency per month (the agencies with the most complaints in the
 * period), and the share answered within the 48-hour deadline, per month of filing (Asia/Shanghai).
 */
import { lastMonths, onTimeShare, shanghaiMonth } from '../../domain/statistics.js';
import type { ServiceContext } from '../../shared/context.js';
import { agencySummary } from '../registry/registry.service.js';

const TOP_AGENCIES = 5;

/** Complaint figures over the last `months` months. */
export async function complaintFigures(ctx: ServiceContext, months = 12) {
  const now = ctx.clock();
  const span = lastMonths(now, months);
  const since = new Date(Date.parse(`${span[0]}-01T00:00:00+08:00`)).toISOString();
  const rows = await ctx.db.selectFrom('complaints').select(['agency_id', 'created_at', 'due_at', 'responded_at']).where('created_at', '>=', since).execute();
  const perAgency = new Map<number, number>();
  for (const r of rows) perAgency.set(r.agency_id, (perAgency.get(r.agency_id) ?? 0) + 1);
  const top = [...perAgency.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TOP_AGENCIES);
  const names = new Map(await Promise.all(top.map(async ([id]) => [id, (await agencySummary(ctx, id))?.name ?? `#${id}`] as const)));
  const perAgencyMonth = span.flatMap((month) => top.map(([agencyId]) => ({
    month, agencyId, agency: names.get(agencyId)!,
    complaints: rows.filter((r) => r.agency_id === agencyId && shanghaiMonth(r.created_at) === month).length,
  })));
  const deadlines = span.map((month) => {
    const inMonth = rows.filter((r) => shanghaiMonth(r.created_at) === month);
    const t = onTimeShare(inMonth.map((r) => ({ deadline: r.due_at, handledAt: r.responded_at })), now);
    return { month, filed: inMonth.length, due: t.due, onTime: t.onTime, share: t.share };
  });
  return { months: span, perAgencyMonth, deadlines };
}

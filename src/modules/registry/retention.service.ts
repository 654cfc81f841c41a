/**
 * Retention of negative information (Credit Reporting Industry Regulation art. 16): records leave
 * public view 5 years after the event ended; a dishonest-debtor entry leaves it as soon as the
 * debtor is delisted (the daily run keeps that within the 3-working-day promise). Idempotent, so
 * several processes may run it at once.
 */
import type { ServiceContext } from '../../shared/context.js';

/** Years after the end of an event that negative information stays public. */
export const RETENTION_YEARS = 5;

/** Withdraws what is due; returns the number of records withdrawn per table. */
export async function withdrawExpiredRecords(ctx: ServiceContext): Promise<Record<string, number>> {
  const now = ctx.clock();
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - RETENTION_YEARS);
  const day = cutoff.toISOString().slice(0, 10);
  const at = now.toISOString();
  const run = async (table: 'penalties' | 'abnormal_entries' | 'licence_revocations' | 'enforcement_records' | 'dishonest_entries' | 'lawsuits', column: string | null, extra?: (q: any) => any) => {
    let q: any = ctx.db.updateTable(table).set({ withdrawn_at: at }).where('withdrawn_at', 'is', null);
    if (column) q = q.where(column, 'is not', null).where(column, '<=', day);
    if (extra) q = extra(q);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  };
  const result = {
    penalties: await run('penalties', 'decided_on'),
    abnormal_entries: await run('abnormal_entries', 'removed_on'),
    licence_revocations: await run('licence_revocations', 'revoked_on'),
    enforcement_records: await run('enforcement_records', 'closed_on', (q) => q.where('status', '=', 'closed')),
    lawsuits: await run('lawsuits', 'closed_on', (q) => q.where('status', '=', 'closed')),
    // Delisted debtors leave public view at once.
    dishonest_entries: await run('dishonest_entries', null, (q) => q.where('removed_on', 'is not', null)),
  };
  ctx.log.info({ withdrawn: result }, 'retention run finished');
  return result;
}

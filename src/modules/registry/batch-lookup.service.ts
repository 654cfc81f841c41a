/**
 * Bulk lookups for batch checks: many credit codes or exact names in a few indexed queries, and each found
 * enterprise's record counts in one query per table — so 10,000 rows take a handful of round trips, not 60,000.
 */
import { foldText } from '../../domain/search-text.js';
import type { ServiceContext } from '../../shared/context.js';

const CHUNK = 500;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** A found enterprise. */
export interface FoundEnterprise {
  id: number;
  creditCode: string;
  name: string;
  status: string;
  businessScope: string;
  cityCode: string;
}

const COLUMNS = ['id', 'credit_code', 'name', 'status', 'business_scope', 'city_code'] as const;
const found = (r: { id: number; credit_code: string; name: string; status: string; business_scope: string; city_code: string }): FoundEnterprise => ({ id: r.id, creditCode: r.credit_code, name: r.name, status: r.status, businessScope: r.business_scope, cityCode: r.city_code });

/** Enterprises by credit code. */
export async function enterprisesByCodes(ctx: ServiceContext, codes: string[]): Promise<Map<string, FoundEnterprise>> {
  const out = new Map<string, FoundEnterprise>();
  for (const part of chunks([...new Set(codes)])) {
    for (const r of await ctx.db.selectFrom('enterprises').select(COLUMNS).where('credit_code', 'in', part).execute()) out.set(r.credit_code, found(r));
  }
  return out;
}

/** Enterprises whose current name, folded, equals a folded query (all of them: two may share a name). */
export async function enterprisesByExactNames(ctx: ServiceContext, names: string[]): Promise<Map<string, FoundEnterprise[]>> {
  const out = new Map<string, FoundEnterprise[]>();
  const folded = [...new Set(names.map(foldText).filter(Boolean))];
  for (const part of chunks(folded)) {
    for (const r of await ctx.db.selectFrom('enterprises').select([...COLUMNS, 'search_name']).where('search_name', 'in', part).execute()) {
      out.set(r.search_name, [...(out.get(r.search_name) ?? []), found(r)]);
    }
  }
  return out;
}

/** Public record counts per enterprise (records still in public view). */
export interface RecordCounts {
  openLawsuits: number;
  enforcementOpen: number;
  dishonestCurrent: number;
  penalties3y: number;
  abnormalCurrent: number;
}

/** Record counts for many enterprises. */
export async function recordCountsFor(ctx: ServiceContext, ids: number[]): Promise<Map<number, RecordCounts>> {
  const out = new Map<number, RecordCounts>(ids.map((id) => [id, { openLawsuits: 0, enforcementOpen: 0, dishonestCurrent: 0, penalties3y: 0, abnormalCurrent: 0 }]));
  const since = new Date(ctx.clock().getTime() - 3 * 365.25 * 86_400_000).toISOString().slice(0, 10);
  const add = (rows: Array<{ enterprise_id: number; n: number | string }>, key: keyof RecordCounts) => {
    for (const r of rows) out.get(r.enterprise_id)![key] = Number(r.n);
  };
  for (const part of chunks([...new Set(ids)])) {
    add(await ctx.db.selectFrom('lawsuits').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')]).where('enterprise_id', 'in', part).where('withdrawn_at', 'is', null).where('status', '=', 'open').where('role', '=', 'defendant').groupBy('enterprise_id').execute(), 'openLawsuits');
    add(await ctx.db.selectFrom('enforcement_records').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')]).where('enterprise_id', 'in', part).where('withdrawn_at', 'is', null).where('status', '=', 'open').groupBy('enterprise_id').execute(), 'enforcementOpen');
    add(await ctx.db.selectFrom('dishonest_entries').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')]).where('enterprise_id', 'in', part).where('withdrawn_at', 'is', null).where('removed_on', 'is', null).groupBy('enterprise_id').execute(), 'dishonestCurrent');
    add(await ctx.db.selectFrom('penalties').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')]).where('enterprise_id', 'in', part).where('withdrawn_at', 'is', null).where('decided_on', '>=', since).groupBy('enterprise_id').execute(), 'penalties3y');
    add(await ctx.db.selectFrom('abnormal_entries').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')]).where('enterprise_id', 'in', part).where('withdrawn_at', 'is', null).where('removed_on', 'is', null).groupBy('enterprise_id').execute(), 'abnormalCurrent');
  }
  return out;
}

/** Enterprises whose folded name starts with a folded prefix (a near-name's distinctive part), via the name index. */
export async function enterprisesByNamePrefix(ctx: ServiceContext, prefix: string, limit: number): Promise<FoundEnterprise[]> {
  if (!prefix) return [];
  let q = ctx.db.selectFrom('enterprises').select(COLUMNS);
  // SQLite compares text bytewise, so a range is an index scan; PostgreSQL's trigram index serves LIKE 'x%'.
  q = ctx.dialect === 'sqlite' ? q.where('search_name', '>=', prefix).where('search_name', '<', `${prefix}\u{10FFFF}`) : q.where('search_name', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return (await q.orderBy('search_name').limit(limit).execute()).map(found);
}

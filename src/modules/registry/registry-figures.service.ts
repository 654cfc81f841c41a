/**
 * Public registry figures for the statistics page: enterprises by city and by status, filed agencies by
 * certification level, and new adverse records per month. Whole-table counts on a million rows take a few hundred
 * milliseconds, so the answer is kept for five minutes per process (figures, not facts anyone acts on).
 */
import { decodeDivision } from '../../domain/division.js';
import { lastMonths } from '../../domain/statistics.js';
import type { ServiceContext } from '../../shared/context.js';

const TTL_MS = 5 * 60_000;
let cached: { at: number; key: unknown; value: RegistryFigures } | null = null;

/** The figures. */
export interface RegistryFigures {
  enterprisesByCity: Array<{ cityCode: string; zh: string; en: string; enterprises: number }>;
  enterprisesByStatus: Array<{ status: string; enterprises: number }>;
  agenciesByCertification: Array<{ level: string; agencies: number; recommended: number }>;
  recordsByMonth: Array<{ month: string; penalties: number; dishonest: number; abnormal: number }>;
}

/** Registry figures, at most five minutes old. */
export async function registryFigures(ctx: ServiceContext): Promise<RegistryFigures> {
  const now = ctx.clock();
  if (cached && cached.key === ctx.db && now.getTime() - cached.at < TTL_MS) return cached.value;
  const byCityStatus = await ctx.db.selectFrom('enterprises').select(['city_code', 'status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['city_code', 'status']).execute();
  const cities = new Map<string, number>();
  const statuses = new Map<string, number>();
  for (const r of byCityStatus) {
    cities.set(r.city_code, (cities.get(r.city_code) ?? 0) + Number(r.n));
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + Number(r.n));
  }
  const ranked = [...cities.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked.slice(0, 10).map(([code, n]) => {
    const d = decodeDivision(code);
    return { cityCode: code, zh: d?.city ?? d?.province ?? code, en: d?.cityEn ?? d?.provinceEn ?? code, enterprises: n };
  });
  const rest = ranked.slice(10).reduce((s, [, n]) => s + n, 0);
  if (rest > 0) top.push({ cityCode: 'other', zh: '其他', en: 'Other', enterprises: rest });

  const agencies = await ctx.db.selectFrom('agencies').select(['certification_level', 'recommended', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'filed').groupBy(['certification_level', 'recommended']).execute();
  const levels = ['AAA', 'AA', 'A', 'none'].map((level) => {
    const rows = agencies.filter((a) => (a.certification_level ?? 'none') === level);
    return { level, agencies: rows.reduce((s, r) => s + Number(r.n), 0), recommended: rows.filter((r) => r.recommended === 1).reduce((s, r) => s + Number(r.n), 0) };
  });

  // Dates of decisions and listings are calendar dates already (Asia/Shanghai), so their month is their prefix.
  const months = lastMonths(now, 12);
  const from = `${months[0]}-01`;
  const perMonth = async (table: 'penalties' | 'dishonest_entries' | 'abnormal_entries', column: 'decided_on' | 'listed_on') => {
    const rows = await ctx.db.selectFrom(table).select((eb) => [eb.fn<string>('substr', [eb.ref(column), eb.val(1), eb.val(7)]).as('month'), eb.fn.countAll<number>().as('n')]).where(column, '>=', from).groupBy('month').execute();
    return new Map(rows.map((r) => [r.month, Number(r.n)]));
  };
  const [penalties, dishonest, abnormal] = await Promise.all([perMonth('penalties', 'decided_on'), perMonth('dishonest_entries', 'listed_on'), perMonth('abnormal_entries', 'listed_on')]);
  const value: RegistryFigures = {
    enterprisesByCity: top,
    enterprisesByStatus: [...statuses.entries()].sort((a, b) => b[1] - a[1]).map(([status, enterprises]) => ({ status, enterprises })),
    agenciesByCertification: levels,
    recordsByMonth: months.map((month) => ({ month, penalties: penalties.get(month) ?? 0, dishonest: dishonest.get(month) ?? 0, abnormal: abnormal.get(month) ?? 0 })),
  };
  cached = { at: now.getTime(), key: ctx.db, value };
  return value;
}

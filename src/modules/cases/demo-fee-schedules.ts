/** Demo data: every filed agency publishes a plausible fee schedule (deterministic from its id). */
import type { Executor } from '../../db/database.js';
import type { PublishedSchedule } from './fee-schedules.service.js';

/** The demo schedule of agency `id`: rates vary by agency, half progressive and half flat. */
export function demoSchedule(id: number): PublishedSchedule {
  const base = 2400 + (id % 5) * 200; // 24 %–32 % on the first 50,000 yuan
  return {
    mode: id % 2 === 0 ? 'progressive' : 'flat',
    brackets: [{ upToFen: 5_000_000, rateBps: base }, { upToFen: 20_000_000, rateBps: base - 500 }, { upToFen: null, rateBps: base - 1000 }],
    minFeeFen: 20_000,
    ...(id % 3 === 0 ? { capFen: 50_000_000 } : {}),
    ...(id % 4 === 0 ? { hourly: { rateFenPerHour: 30_000, minFen: 60_000, maxFen: 600_000, description: '资信调查（按小时计费，需另行书面约定）' } } : {}),
  };
}

/** Publishes version 1 for every filed agency that has none. */
export async function seedDemoFeeSchedules(db: Executor, now: string): Promise<number> {
  const agencies = await db.selectFrom('agencies').leftJoin('agency_fee_schedules', 'agency_fee_schedules.agency_id', 'agencies.id').select('agencies.id').where('agency_fee_schedules.id', 'is', null).where('agencies.status', '=', 'filed').execute();
  for (let i = 0; i < agencies.length; i += 200) {
    await db.insertInto('agency_fee_schedules').values(agencies.slice(i, i + 200).map((a) => ({ agency_id: a.id, version: 1, schedule: JSON.stringify(demoSchedule(a.id)), published_at: now, published_by: null }))).execute();
  }
  return agencies.length;
}

/**
 * Small, exact helpers for dashboard figures: calendar months in Asia/Shanghai (times are stored in UTC, so a
 * complaint filed at 01:00 on 1 March Beijing time belongs to March, not February), the last n months, counting
 * into bands, and on-time shares that leave out what is not yet due.
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has had no daylight saving time since 1991.

/** "YYYY-MM" of an instant in Asia/Shanghai. */
export function shanghaiMonth(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** The `n` months ending with the month of `now` (Asia/Shanghai), oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  const [y, m] = shanghaiMonth(now.toISOString()).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** A band with an inclusive upper bound; the last band is open (max = Infinity). */
export interface Band { label: string; max: number }

/** Counts values into bands: each value goes to the first band whose max it does not exceed. */
export function countIntoBands(values: number[], bands: Band[]): Array<{ band: string; count: number }> {
  const counts = bands.map((b) => ({ band: b.label, count: 0 }));
  for (const v of values) {
    const i = bands.findIndex((b) => v <= b.max);
    if (i >= 0) counts[i]!.count++;
  }
  return counts;
}

/**
 * Share handled on time among items whose deadline has passed or that were handled: an open item still inside its
 * deadline is neither on time nor late yet. Null when nothing counts.
 */
export function onTimeShare(items: Array<{ deadline: string; handledAt: string | null }>, now: Date): { due: number; onTime: number; share: number | null } {
  let due = 0;
  let onTime = 0;
  for (const it of items) {
    const deadline = Date.parse(it.deadline);
    if (it.handledAt === null && deadline >= now.getTime()) continue;
    due++;
    if (it.handledAt !== null && Date.parse(it.handledAt) <= deadline) onTime++;
  }
  return { due, onTime, share: due ? onTime / due : null };
}

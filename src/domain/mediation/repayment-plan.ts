/**
 * Repayment plans the mediator proposes from the debtor's stated monthly capacity: a lump sum with a discount, or
 * instalments whose amounts sum exactly to the total (integer fen; the remainder goes one fen at a time to the
 * first instalments) and whose due dates fall on working days (a date on a weekend or holiday moves to the next
 * working day).
 */
import { addWorkingDaysLenient, isWorkingDay, type WorkingCalendar } from '../working-days.js';

/** A lump-sum offer. */
export interface LumpSum {
  kind: 'lump_sum';
  totalFen: number;
  discountBps: number;
  payFen: number;
  dueOn: string;
}

/** One instalment. */
export interface Instalment {
  n: number;
  dueOn: string;
  amountFen: number;
}

/** An instalment plan. */
export interface InstalmentPlan {
  kind: 'instalments';
  totalFen: number;
  instalments: Instalment[];
}

/** The first working day on or after a date. */
function onWorkingDay(cal: WorkingCalendar, date: string): string {
  return cal.years.has(Number(date.slice(0, 4))) ? (isWorkingDay(cal, date) ? date : addWorkingDaysLenient(cal, date, 1).date) : addWorkingDaysLenient(cal, addDays(date, -1), 1).date;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = (m - 1) + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A lump sum of the total less a discount (half-up to the fen), due on the first working day after `days`. */
export function lumpSumOffer(cal: WorkingCalendar, totalFen: number, discountBps: number, from: string, days = 7): LumpSum {
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) throw new RangeError('The total must be a positive whole number of fen.');
  if (!Number.isInteger(discountBps) || discountBps < 0 || discountBps > 5000) throw new RangeError('The discount must be 0–5000 basis points (at most half).');
  const discount = Number((BigInt(totalFen) * BigInt(discountBps) + 5_000n) / 10_000n);
  return { kind: 'lump_sum', totalFen, discountBps, payFen: totalFen - discount, dueOn: onWorkingDay(cal, addDays(from, days)) };
}

/** Monthly instalments within the debtor's capacity; refuses when more than `maxMonths` would be needed. */
export function instalmentPlan(cal: WorkingCalendar, totalFen: number, monthlyCapacityFen: number, firstDue: string, maxMonths = 24): InstalmentPlan {
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) throw new RangeError('The total must be a positive whole number of fen.');
  if (!Number.isSafeInteger(monthlyCapacityFen) || monthlyCapacityFen <= 0) throw new RangeError('The monthly capacity must be a positive whole number of fen.');
  const n = Math.ceil(totalFen / monthlyCapacityFen);
  if (n > maxMonths) throw new RangeError(`At this capacity repayment takes ${n} months, more than the ${maxMonths} a plan may run; propose a larger monthly amount or a discount.`);
  const base = Math.floor(totalFen / n);
  const remainder = totalFen - base * n;
  const instalments = Array.from({ length: n }, (_, i) => ({ n: i + 1, dueOn: onWorkingDay(cal, addMonths(firstDue, i)), amountFen: base + (i < remainder ? 1 : 0) }));
  return { kind: 'instalments', totalFen, instalments };
}

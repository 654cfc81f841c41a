/**
 * Working days on the mainland China calendar: Monday–Friday that is not a public holiday, plus the
 * weekend make-up working days (调休) — both as data, so a new year's State Council notice is a data
 * change. Dates are calendar dates in Asia/Shanghai.
 */

/** Holiday data for some years. */
export interface HolidayCalendar {
  years: number[];
  holidays: string[];
  makeUpWorkingDays: string[];
}

/** A calendar prepared for fast lookups. */
export interface WorkingCalendar {
  years: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  makeUp: ReadonlySet<string>;
}

/** Prepares calendar data; rejects malformed or contradictory dates. */
export function workingCalendar(data: HolidayCalendar): WorkingCalendar {
  for (const d of [...data.holidays, ...data.makeUpWorkingDays]) if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw new Error(`calendar: "${d}" is not a date YYYY-MM-DD`);
  const both = data.holidays.filter((d) => data.makeUpWorkingDays.includes(d));
  if (both.length) throw new Error(`calendar: ${both.join(', ')} is both a holiday and a make-up working day`);
  return { years: new Set(data.years), holidays: new Set(data.holidays), makeUp: new Set(data.makeUpWorkingDays) };
}

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** True for a working day. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  if (cal.makeUp.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The n-th working day after `start` (the start day itself never counts); throws outside the calendar's years. */
export function addWorkingDays(cal: WorkingCalendar, start: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  let date = start;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (!cal.years.has(Number(date.slice(0, 4)))) throw new RangeError(`The holiday calendar has no data for ${date.slice(0, 4)}; add that year's arrangements.`);
    if (isWorkingDay(cal, date)) left--;
  }
  return date;
}

/** The end of a due date in China time, as an ISO instant with offset. */
export function endOfDayShanghai(date: string): string {
  return `${date}T23:59:59+08:00`;
}

/** Statutory holidays whose dates never move (New Year, Labour Day, National Day 1–3 October). */
const FIXED_HOLIDAYS = ['01-01', '05-01', '10-01', '10-02', '10-03'];

/**
 * Like addWorkingDays, but past the calendar's years it counts Monday–Friday except the fixed-date statutory
 * holidays and says the result is provisional — so a deadline near the year's end is never refused while the
 * next year's arrangements are not yet in the data. Lunar holidays and make-up days are unknown there.
 */
export function addWorkingDaysLenient(cal: WorkingCalendar, start: string, n: number): { date: string; provisional: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  let date = start;
  let left = n;
  let provisional = false;
  while (left > 0) {
    date = addDays(date, 1);
    if (cal.years.has(Number(date.slice(0, 4)))) {
      if (isWorkingDay(cal, date)) left--;
      continue;
    }
    provisional = true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && !FIXED_HOLIDAYS.includes(date.slice(5))) left--;
  }
  return { date, provisional };
}

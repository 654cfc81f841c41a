import { describe, expect, it } from 'vitest';
import data from './calendar/cn-mainland.json' with { type: 'json' };
import { addWorkingDays, endOfDayShanghai, isWorkingDay, shanghaiDate, workingCalendar } from './working-days.js';

const cal = workingCalendar(data);

describe('mainland working days', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(isWorkingDay(cal, '2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay(cal, '2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2026-10-05')).toBe(false); // National Day (Monday)
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true); // make-up Sunday before Spring Festival
  });

  it('never counts the start day and skips the National Day week', () => {
    expect(addWorkingDays(cal, '2026-11-23', 3)).toBe('2026-11-26');
    expect(addWorkingDays(cal, '2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays(cal, '2026-09-30', 3)).toBe('2026-10-10'); // Oct 1-7 off, 8 Thu, 9 Fri, 10 make-up Sat
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14'); // make-up Saturday before Spring Festival
    expect(addWorkingDays(cal, '2026-02-14', 1)).toBe('2026-02-24');
  });

  it('gives 15 working days for data requests across Spring Festival', () => {
    // 11, 12, 13, 14 (make-up Sat), [15–23 off], 24, 25, 26, 27, 28 (make-up Sat), Mar 2, 3, 4, 5, 6, 9 → the 15th is Mar 9.
    expect(addWorkingDays(cal, '2026-02-10', 15)).toBe('2026-03-09');
  });

  it('uses the Shanghai calendar date of an instant', () => {
    expect(shanghaiDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(endOfDayShanghai('2026-11-26')).toBe('2026-11-26T23:59:59+08:00');
  });

  it('refuses to guess beyond its data and rejects contradictory data', () => {
    expect(() => addWorkingDays(cal, '2026-12-20', 15)).toThrow(/no data for 2027/);
    expect(() => workingCalendar({ years: [2026], holidays: ['2026-10-10'], makeUpWorkingDays: ['2026-10-10'] })).toThrow(/both/);
  });
});

describe('working days past the calendar data', () => {
  it('counts weekdays without the fixed holidays and says the date is provisional', async () => {
    const { addWorkingDaysLenient, workingCalendar: make } = await import('./working-days.js');
    const cal = make({ years: [2026], holidays: ['2026-12-31'], makeUpWorkingDays: [] });
    // Wednesday 2026-12-30 + 3: 31 Dec holiday (data), 1 Jan 2027 fixed holiday, weekend → Mon 4, Tue 5, Wed 6.
    expect(addWorkingDaysLenient(cal, '2026-12-30', 3)).toEqual({ date: '2027-01-06', provisional: true });
    expect(addWorkingDaysLenient(cal, '2026-12-01', 2)).toEqual({ date: '2026-12-03', provisional: false });
  });
});


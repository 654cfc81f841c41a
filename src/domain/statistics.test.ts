import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIntoBands, lastMonths, onTimeShare, shanghaiMonth } from './statistics.js';

describe('dashboard statistics', () => {
  it('puts an instant in its Beijing-time month', () => {
    expect(shanghaiMonth('2026-02-28T16:30:00.000Z')).toBe('2026-03'); // 00:30 on 1 March in Beijing
    expect(shanghaiMonth('2026-02-28T15:59:59.000Z')).toBe('2026-02');
    expect(shanghaiMonth('2025-12-31T16:00:00.000Z')).toBe('2026-01');
  });
  it('lists the last months across a year boundary, oldest first', () => {
    expect(lastMonths(new Date('2026-02-10T00:00:00Z'), 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths(new Date('2026-11-30T17:00:00Z'), 1)).toEqual(['2026-12']);
  });
  it('counts every value into exactly one band', () => {
    const bands = [{ label: '≤30', max: 30 }, { label: '31–90', max: 90 }, { label: '>90', max: Infinity }];
    expect(countIntoBands([0, 30, 31, 90, 91, 400], bands)).toEqual([{ band: '≤30', count: 2 }, { band: '31–90', count: 2 }, { band: '>90', count: 2 }]);
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true })), (values) => countIntoBands(values, bands).reduce((n, b) => n + b.count, 0) === values.length));
  });
  it('counts on-time handling among what is due, leaving open items inside their deadline out', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    const r = onTimeShare([
      { deadline: '2026-11-20T00:00:00Z', handledAt: '2026-11-19T00:00:00Z' }, // on time
      { deadline: '2026-11-20T00:00:00Z', handledAt: '2026-11-21T00:00:00Z' }, // late
      { deadline: '2026-11-20T00:00:00Z', handledAt: null }, // overdue, open
      { deadline: '2026-11-25T00:00:00Z', handledAt: null }, // not yet due
      { deadline: '2026-11-25T00:00:00Z', handledAt: '2026-11-22T00:00:00Z' }, // handled early
    ], now);
    expect(r).toEqual({ due: 4, onTime: 2, share: 0.5 });
    expect(onTimeShare([], now).share).toBeNull();
  });
});

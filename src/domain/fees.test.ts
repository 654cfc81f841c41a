import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteFee, validateSchedule, type FeeSchedule } from './fees.js';

const EXAMPLE: FeeSchedule = { mode: 'progressive', brackets: [{ upToFen: 4_999_999, rateBps: 3000 }, { upToFen: 10_000_000, rateBps: 2500 }, { upToFen: null, rateBps: 2000 }] };

describe('fee quotes', () => {
  it('charges progressively like tax brackets and rounds once, half up', () => {
    // 4,999,999 × 30% = 1,499,999.7; 5,000,001 × 25% = 1,250,000.25; 2,345,678 × 20% = 469,135.6 → 3,219,135.55 → 3,219,136.
    const q = quoteFee(12_345_678, EXAMPLE);
    expect(q.lines.map((l) => [l.portionFen, l.exactFeeFen])).toEqual([[4_999_999, '1499999.7'], [5_000_001, '1250000.25'], [2_345_678, '469135.6']]);
    expect(q.feeFen).toBe(3_219_136);
    expect(q.netFen).toBe(12_345_678 - 3_219_136);
    expect(q.lines[1]!.text['zh-CN']).toContain('× 25%');
  });

  it('charges the whole amount at one bracket in flat mode, bounds inclusive', () => {
    const flat = { ...EXAMPLE, mode: 'flat' as const };
    expect(quoteFee(4_999_999, flat).feeFen).toBe(1_500_000); // 1,499,999.7 → 1,500,000
    expect(quoteFee(5_000_000, flat).feeFen).toBe(1_250_000);
    expect(quoteFee(10_000_000, flat).lines[0]!.rateBps).toBe(2500);
    expect(quoteFee(10_000_001, flat).lines[0]!.rateBps).toBe(2000);
  });

  it('applies a minimum and a cap, never charging more than the amount', () => {
    const s: FeeSchedule = { mode: 'flat', brackets: [{ upToFen: null, rateBps: 1000 }], minFeeFen: 50_000, capFen: 2_000_000 };
    expect(quoteFee(100_000, s).feeFen).toBe(50_000);
    expect(quoteFee(30_000, s).feeFen).toBe(30_000);
    expect(quoteFee(100_000_000, s)).toMatchObject({ feeFen: 2_000_000, adjustments: [{ kind: 'cap' }] });
  });

  it('names every malformed schedule', () => {
    const faults = (s: FeeSchedule) => validateSchedule(s).map((p) => p.fault);
    expect(faults({ mode: 'flat', brackets: [] })).toEqual(['no_brackets']);
    expect(faults({ mode: 'flat', brackets: [{ upToFen: 100, rateBps: 10_001 }, { upToFen: null, rateBps: 0 }] })).toEqual(['rate_out_of_range']);
    expect(faults({ mode: 'flat', brackets: [{ upToFen: 200, rateBps: 1 }, { upToFen: 100, rateBps: 1 }, { upToFen: null, rateBps: 1 }] })).toEqual(['unsorted_brackets']);
    expect(faults({ mode: 'flat', brackets: [{ upToFen: 100, rateBps: 1 }, { upToFen: 100, rateBps: 2 }, { upToFen: null, rateBps: 1 }] })).toEqual(['overlapping_brackets']);
    expect(faults({ mode: 'flat', brackets: [{ upToFen: 100, rateBps: 1 }] })).toEqual(['no_open_ended_last_bracket']);
    expect(faults({ mode: 'flat', brackets: [{ upToFen: null, rateBps: 1 }, { upToFen: null, rateBps: 1 }] })).toContain('open_bracket_not_last');
  });

  const schedule = fc
    .tuple(fc.constantFrom<'progressive' | 'flat'>('progressive', 'flat'), fc.uniqueArray(fc.integer({ min: 1, max: 1e12 }), { maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 6, maxLength: 6 }))
    .map(([mode, bounds, rates]): FeeSchedule => ({ mode, brackets: [...[...bounds].sort((a, b) => a - b).map((b, i) => ({ upToFen: b, rateBps: rates[i]! })), { upToFen: null, rateBps: rates[5]! }] }));

  it('property: fee + net = amount, 0 ≤ fee ≤ amount, and progressive fees never decrease as the amount grows', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 1e6 }), (s, amount, extra) => {
        const q = quoteFee(amount, s);
        expect(q.feeFen + q.netFen).toBe(amount);
        expect(q.feeFen).toBeGreaterThanOrEqual(0);
        expect(q.feeFen).toBeLessThanOrEqual(amount);
        if (s.mode === 'progressive') {
          expect(quoteFee(amount + extra, s).feeFen).toBeGreaterThanOrEqual(q.feeFen);
          expect(q.lines.reduce((sum, l) => sum + l.portionFen, 0)).toBe(amount);
        }
      }),
      { numRuns: 500 },
    );
  });
});

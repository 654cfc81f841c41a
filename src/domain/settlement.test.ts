import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteFee, type FeeSchedule } from './fees.js';
import { balanced, postingsFor, splitPayment } from './settlement.js';

/** Random valid schedules: sorted distinct bounds, an open last bracket, optional min and cap. */
const schedule = (withMinCap: boolean): fc.Arbitrary<FeeSchedule> =>
  fc.record({
    mode: fc.constantFrom<'progressive' | 'flat'>('progressive', 'flat'),
    bounds: fc.uniqueArray(fc.integer({ min: 1, max: 100_000_000 }), { maxLength: 4 }),
    rates: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
    min: withMinCap ? fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }) : fc.constant(undefined),
    cap: withMinCap ? fc.option(fc.integer({ min: 100_000, max: 10_000_000 }), { nil: undefined }) : fc.constant(undefined),
  }).map(({ mode, bounds, rates, min, cap }) => ({
    mode,
    brackets: [...[...bounds].sort((a, b) => a - b).map((upToFen, i) => ({ upToFen, rateBps: rates[i]! })), { upToFen: null, rateBps: rates[4]! }],
    ...(min !== undefined ? { minFeeFen: min } : {}),
    ...(cap !== undefined ? { capFen: cap } : {}),
  }));
const payments = fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 8 });

function run(s: FeeSchedule, amounts: number[]) {
  let before = { recoveredFen: 0, feesFen: 0 };
  return amounts.map((a) => {
    const split = splitPayment(s, a, before);
    before = { recoveredFen: split.recoveredAfterFen, feesFen: split.feesAfterFen };
    return split;
  });
}

describe('settlement split', () => {
  it('fee + net is exactly the payment, both whole and non-negative, postings balance', () => {
    fc.assert(fc.property(schedule(true), payments, (s, amounts) => {
      run(s, amounts).forEach((split, i) => {
        expect(split.feeFen + split.netFen).toBe(amounts[i]);
        expect(Number.isInteger(split.feeFen) && split.feeFen >= 0 && split.netFen >= 0).toBe(true);
        expect(balanced(postingsFor(1, split))).toBe(true);
      });
    }));
  });

  it('under a progressive schedule the fees of all payments add up to the fee on the total', () => {
    fc.assert(fc.property(schedule(false).map((s) => ({ ...s, mode: 'progressive' as const })), payments, (s, amounts) => {
      const splits = run(s, amounts);
      const total = amounts.reduce((a, b) => a + b, 0);
      expect(splits.reduce((sum, x) => sum + x.feeFen, 0)).toBe(quoteFee(total, s).feeFen);
    }));
  });

  it('never charges more in total than the schedule allows on the amounts recovered so far (or the payments)', () => {
    fc.assert(fc.property(schedule(true), payments, (s, amounts) => {
      const splits = run(s, amounts);
      let fees = 0;
      splits.forEach((x) => {
        fees += x.feeFen;
        expect(fees).toBeLessThanOrEqual(Math.max(quoteFee(x.recoveredAfterFen, s).feeFen, fees - x.feeFen));
      });
    }));
  });

  it('splits a worked example exactly', () => {
    const s: FeeSchedule = { mode: 'progressive', brackets: [{ upToFen: 4_999_999, rateBps: 3000 }, { upToFen: 10_000_000, rateBps: 2500 }, { upToFen: null, rateBps: 2000 }] };
    const [a, b] = run(s, [3_000_000, 4_000_000]);
    expect(a).toMatchObject({ feeFen: 900_000, netFen: 2_100_000 });
    // Fee on 70,000.00 yuan: 49,999.99 × 30 % + 20,000.01 × 25 % = 14,999.997 + 5,000.0025 → 20,000.00 yuan.
    expect(b).toMatchObject({ feeFen: 2_000_000 - 900_000, netFen: 4_000_000 - 1_100_000 });
    expect(() => splitPayment(s, 0, { recoveredFen: 0, feesFen: 0 })).toThrow(/positive/);
  });
});

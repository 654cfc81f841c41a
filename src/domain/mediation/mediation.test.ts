import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import data from '../calendar/cn-mainland.json' with { type: 'json' };
import { isWorkingDay, workingCalendar } from '../working-days.js';
import { matchFirms, type FirmProfile } from './law-firm-matching.js';
import { addMonths, instalmentPlan, lumpSumOffer } from './repayment-plan.js';
import { routeDebt } from './routing.js';

const cal = workingCalendar(data);

describe('repayment plans', () => {
  it('instalments always sum to the total, are positive, within capacity, on increasing working days', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500_000_000 }), fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 0, max: 600 }), (total, capacity, offset) => {
      const first = new Date(Date.parse('2025-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
      let plan;
      try {
        plan = instalmentPlan(cal, total, capacity, first);
      } catch (err) {
        expect((err as Error).message).toMatch(/more than the 24/);
        expect(Math.ceil(total / capacity)).toBeGreaterThan(24);
        return;
      }
      expect(plan.instalments.reduce((s, i) => s + i.amountFen, 0)).toBe(total);
      for (const i of plan.instalments) {
        expect(i.amountFen).toBeGreaterThan(0);
        expect(i.amountFen).toBeLessThanOrEqual(capacity);
        if (Number(i.dueOn.slice(0, 4)) <= 2026) expect(isWorkingDay(cal, i.dueOn)).toBe(true);
      }
      for (let k = 1; k < plan.instalments.length; k++) expect(plan.instalments[k]!.dueOn > plan.instalments[k - 1]!.dueOn).toBe(true);
    }), { numRuns: 300 });
  });

  it('moves a due date off the National Day holiday and spreads the remainder one fen at a time', () => {
    const plan = instalmentPlan(cal, 1_000_001, 400_000, '2025-08-01');
    expect(plan.instalments.map((i) => i.amountFen)).toEqual([333_334, 333_334, 333_333]);
    const oct = instalmentPlan(cal, 300, 100, '2025-09-01').instalments[1]!;
    expect(oct.dueOn).toBe('2025-10-09'); // 1 October falls in the holiday (1–8 October)
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('discounts a lump sum half-up and dates it on a working day', () => {
    expect(lumpSumOffer(cal, 1_000_005, 1000, '2026-02-10')).toMatchObject({ payFen: 900_004, dueOn: '2026-02-24' });
    expect(() => lumpSumOffer(cal, 100, 6000, '2026-02-10')).toThrow(/at most half/);
  });
});

describe('routing', () => {
  it('sends small debts to mediation, large and failed ones to law firms, and respects the creditor', () => {
    expect(routeDebt(4_999_999).to).toBe('mediation');
    expect(routeDebt(5_000_000).to).toBe('law_firm');
    expect(routeDebt(100, { mediationFailed: true }).to).toBe('law_firm');
    expect(routeDebt(100_000_000, { creditorChoice: 'mediation' })).toMatchObject({ to: 'mediation' });
    expect(routeDebt(1_000_000, { thresholdFen: 500_000 }).to).toBe('law_firm');
  });
});

describe('law-firm matching', () => {
  const firm = (id: number, over: Partial<FirmProfile> = {}): FirmProfile => ({ id, name: `律所${id}`, specialties: ['goods_payment'], cityCodes: ['320500'], capacity: 20, activeCases: 5, adjustedRating: 4.2, feeBps: 1500, clientCodes: [], ...over });
  const kase = { disputeType: 'goods_payment', cityCode: '320500', debtorCode: '91320500DEBTOR0000', relatedCodes: ['91320500RELATED000'], maxFeeBps: 2000 };

  it('excludes conflicts of interest and full firms, explains every score, and is deterministic', () => {
    const firms = [firm(1), firm(2, { clientCodes: ['91320500DEBTOR0000'] }), firm(3, { clientCodes: ['91320500RELATED000'] }), firm(4, { cityCodes: ['320700'] }), firm(5, { specialties: ['rent'] }), firm(6, { activeCases: 20 }), firm(7)];
    const ranked = matchFirms(kase, firms);
    expect(ranked.filter((m) => m.excluded).map((m) => [m.firmId, m.excluded && m.reason])).toEqual([[2, 'acts for the debtor'], [3, 'acts for a related party of the debtor (91320500RELATED000)'], [6, 'at capacity']]);
    expect(ranked.slice(0, 2).map((m) => m.firmId)).toEqual([1, 7]); // equal scores: lower id first
    const top = ranked[0]!;
    expect(!top.excluded && top.components).toEqual({ specialty: 1, region: 1, load: 0.75, rating: 0.8, fee: 1 });
    expect(matchFirms(kase, [...firms].reverse())).toEqual(ranked);
    expect(ranked.findIndex((m) => m.firmId === 4)).toBeLessThan(ranked.findIndex((m) => m.firmId === 5));
  });
});

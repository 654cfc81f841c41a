import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../domain/credit-code.js';
import { generateDemo } from './generate.js';

const opts = { enterprises: 3000, seed: 42, asOf: new Date('2026-11-01T00:00:00Z') };
const all = (o = opts) => [...generateDemo(o)];

describe('demo generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = all();
    const b = all();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(all({ ...opts, seed: 43 }))).not.toBe(JSON.stringify(a));
  });

  it('makes valid, unique credit codes whose division is the enterprise\'s own', () => {
    const enterprises = all().flatMap((b) => b.enterprises);
    expect(enterprises).toHaveLength(3000);
    expect(new Set(enterprises.map((e) => e.creditCode)).size).toBe(3000);
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(3000);
    for (const e of enterprises) {
      const check = checkCreditCode(e.creditCode);
      expect(check.valid, e.creditCode).toBe(true);
      expect(check.division!.code).toBe(e.divisionCode);
    }
  });

  it('files 217 agencies in Suzhou and 37 in Lianyungang, each in its own city', () => {
    const batches = all();
    const agencies = batches.flatMap((b) => b.agencies);
    const byCode = new Map(batches.flatMap((b) => b.enterprises).map((e) => [e.creditCode, e]));
    expect(agencies.filter((a) => a.filingCityCode === '320500')).toHaveLength(217);
    expect(agencies.filter((a) => a.filingCityCode === '320700')).toHaveLength(37);
    for (const a of agencies) expect(byCode.get(a.creditCode)!.divisionCode.slice(0, 4)).toBe(a.filingCityCode.slice(0, 4));
  });

  it('attaches records in plausible proportions and only to generated enterprises', () => {
    const batches = all({ ...opts, enterprises: 20_000 });
    const codes = new Set(batches.flatMap((b) => b.enterprises.map((e) => e.creditCode)));
    const count = (k: 'penalties' | 'abnormal' | 'enforcement' | 'dishonest' | 'lawsuits'): Array<{ creditCode: string }> => batches.flatMap((b) => b[k] as Array<{ creditCode: string }>);
    for (const k of ['penalties', 'abnormal', 'enforcement', 'dishonest', 'lawsuits'] as const) for (const r of count(k)) expect(codes.has(r.creditCode)).toBe(true);
    const share = (n: number) => n / 20_000;
    expect(share(count('penalties').length)).toBeGreaterThan(0.02);
    expect(share(count('penalties').length)).toBeLessThan(0.06);
    expect(share(count('abnormal').length)).toBeGreaterThan(0.03);
    expect(share(count('dishonest').length)).toBeGreaterThan(0.002);
    expect(share(count('dishonest').length)).toBeLessThan(0.02);
  });
});

describe('demo shareholders', () => {
  it('name corporate shareholders after real generated enterprises and shares add up to 100%', () => {
    const enterprises = all().flatMap((b) => b.enterprises);
    const byCode = new Map(enterprises.map((e) => [e.creditCode, e.name]));
    const corporate = enterprises.flatMap((e) => e.shareholders.filter((h) => h.kind === 'enterprise'));
    expect(corporate.length).toBeGreaterThan(10);
    for (const h of corporate) expect(byCode.get(h.creditCode!)).toBe(h.name);
    for (const e of enterprises) expect(e.shareholders.reduce((s, h) => s + h.shareBasisPoints, 0)).toBe(10_000);
  });
});

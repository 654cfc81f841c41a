import { describe, expect, it } from 'vitest';
import { DISPUTE_TYPES, LIBRARY_SIZE, script, SITUATIONS, STAGES } from './scripts.js';

describe('mediation script library', () => {
  it('renders every combination with no placeholder left', () => {
    let n = 0;
    for (const type of DISPUTE_TYPES) for (const stage of STAGES) for (const situation of SITUATIONS) for (const amountFen of [50_000, 2_000_000, 9_000_000]) {
      const text = script(type, stage, situation, { debtorName: '张三', creditorName: '苏州小微贸易有限公司', amountFen, dueOn: '2026-06-30', plan: '分 3 期，每月 15 日前各付 10,000.00 元', deadline: '2026-11-30' });
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text.length).toBeGreaterThan(20);
      n++;
    }
    expect(n).toBe(LIBRARY_SIZE);
    expect(LIBRARY_SIZE).toBe(300);
  });

  it('fills the case facts and the amount band', () => {
    const t = script('private_loan', 'opening', 'hardship', { debtorName: '李四', creditorName: '王五', amountFen: 300_000, dueOn: '2026-03-01' });
    expect(t).toContain('李四您好');
    expect(t).toContain('人民币 3,000.00 元');
    expect(t).toContain('经济困难');
    expect(t).toContain('金额不大');
  });
});

describe('script library validation', () => {
  it('accepts the bundled library and names every gap of a broken one', async () => {
    const { BUNDLED_LIBRARY, libraryProblems } = await import('./scripts.js');
    expect(libraryProblems(BUNDLED_LIBRARY)).toEqual([]);
    const broken = structuredClone(BUNDLED_LIBRARY);
    broken.base.rent!.counter = '';
    broken.situations.hardship!.opening = '请联系 {{phone}}';
    broken.amountBands = { small: { below: 100, text: 'x' } };
    expect(libraryProblems(broken)).toEqual(['base.rent.counter: text is required', 'situations.hardship.opening: unknown placeholder {{phone}}', 'amountBands: one band must be open-ended (below: null)']);
  });
});

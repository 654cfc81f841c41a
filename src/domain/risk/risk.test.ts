import { describe, expect, it } from 'vitest';
import { featuresOf } from './features.js';
import { generateHistory } from './history-generator.js';
import { auc, brier, calibration, ks } from './metrics.js';
import { predict } from './scorecard.js';
import { trainAndEvaluate } from './train.js';

describe('risk metrics', () => {
  it('computes AUC, KS and Brier on known cases', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 10);
    expect(ks([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(brier([1, 0], [1, 0])).toBe(0);
    expect(brier([0.5, 0.5], [1, 0])).toBe(0.25);
    expect(calibration([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], 2)).toEqual([{ bin: 1, count: 2, predicted: 0.15000000000000002, observed: 0 }, { bin: 2, count: 2, predicted: 0.35, observed: 1 }]);
  });
});

describe('default-risk scorecard', () => {
  const history = generateHistory(6000, 42);
  const { model, metrics } = trainAndEvaluate(history, { version: 'test', trainedAt: '2026-11-23T00:00:00Z' });

  it('learns the documented process: hold-out AUC above 0.70, calibrated', () => {
    expect(metrics.testSize).toBe(1200);
    expect(metrics.auc).toBeGreaterThan(0.7);
    expect(metrics.ks).toBeGreaterThan(0.25);
    expect(metrics.brier).toBeLessThan(0.22);
    for (const c of metrics.calibration) expect(Math.abs(c.predicted - c.observed)).toBeLessThan(0.15);
  });

  it('is deterministic for a seed', () => {
    expect(trainAndEvaluate(generateHistory(6000, 42), { version: 'test', trainedAt: '2026-11-23T00:00:00Z' }).model).toEqual(model);
  });

  it('explains a prediction: more open lawsuits raise the risk and say by how much', () => {
    const facts = { openLawsuits: 0, enforcementOpen: 0, dishonestCurrent: false, penalties3y: 0, abnormalCurrent: false, priorSettled: 2, businessScope: '企业管理咨询', cityCode: '320500' };
    const clean = predict(model, featuresOf({ amountFen: 10_000_000, ageDays: 90 }, facts));
    const sued = predict(model, featuresOf({ amountFen: 10_000_000, ageDays: 90 }, { ...facts, openLawsuits: 4, dishonestCurrent: true }));
    expect(sued.probability).toBeGreaterThan(clean.probability + 0.1);
    expect(['high', 'very_high']).toContain(sued.band);
    const lawsuits = sued.contributions.find((c) => c.feature === 'openLawsuits')!;
    expect(lawsuits.value).toBe(4);
    expect(lawsuits.probability).toBeGreaterThan(0);
    expect(sued.contributions[0]!.probability).toBeGreaterThanOrEqual(Math.abs(sued.contributions.at(-1)!.probability));
  });
});

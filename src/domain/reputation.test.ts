import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bayesianAverage, complaintRate, DEFAULT_RATING_POLICY, delistingDecision, wilsonInterval } from './reputation.js';

describe('reputation', () => {
  it('does not let 2 perfect reviews outrank 2,000 good ones', () => {
    const few = bayesianAverage(10, 2, 4, 10);
    const many = bayesianAverage(4.6 * 2000, 2000, 4, 10);
    expect(few).toBeCloseTo(4.1667, 3);
    expect(many).toBeGreaterThan(few);
    expect(bayesianAverage(0, 0, 4, 10)).toBe(4);
  });

  it('keeps the Bayesian average between the prior and the raw mean', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), fc.double({ min: 1, max: 5, noNaN: true }), fc.integer({ min: 0, max: 50 }), (scores, prior, weight) => {
      const sum = scores.reduce((a, b) => a + b, 0);
      const mean = sum / scores.length;
      const adj = bayesianAverage(sum, scores.length, prior, weight);
      expect(adj).toBeGreaterThanOrEqual(Math.min(mean, prior) - 1e-9);
      expect(adj).toBeLessThanOrEqual(Math.max(mean, prior) + 1e-9);
    }));
  });

  it('gives Wilson intervals that contain the rate and narrow with more cases', () => {
    const small = wilsonInterval(1, 10);
    const large = wilsonInterval(100, 1000);
    expect(small.low).toBeLessThan(0.1);
    expect(small.high).toBeGreaterThan(0.1);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(wilsonInterval(0, 20).low).toBe(0);
    // Known value: 0 of 10 → upper bound 0.2775 (Wilson, z = 1.96).
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(complaintRate(3, 200)).toMatchObject({ per100: 1.5 });
    expect(complaintRate(0, 0)).toMatchObject({ per100: null, ci95Per100: null });
  });

  it('delists only with enough ratings and an adjusted score below the threshold', () => {
    expect(delistingDecision({ sum: 4, n: 4 }, DEFAULT_RATING_POLICY).delist).toBe(false); // too few
    expect(delistingDecision({ sum: 5 * 1, n: 5 }, DEFAULT_RATING_POLICY)).toMatchObject({ delist: false }); // (40 + 5) / 15 = 3.0
    expect(delistingDecision({ sum: 20, n: 20 }, DEFAULT_RATING_POLICY)).toMatchObject({ delist: true }); // (40 + 20) / 30 = 2.0
  });
});

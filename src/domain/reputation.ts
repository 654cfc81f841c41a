/**
 * Reputation arithmetic, adjusted for caseload. A Bayesian average pulls an agency with few ratings toward
 * the platform's prior, so 2 five-star reviews do not outrank 2,000 reviews averaging 4.6; complaint rates are
 * given per 100 cases with a Wilson score interval, which stays honest for small counts (and never goes below 0).
 */

/** Bayesian (damped) mean: (priorWeight × priorMean + sum) / (priorWeight + n). */
export function bayesianAverage(sum: number, n: number, priorMean: number, priorWeight: number): number {
  if (n < 0 || priorWeight < 0) throw new RangeError('counts must not be negative');
  if (n + priorWeight === 0) return priorMean;
  return (priorWeight * priorMean + sum) / (priorWeight + n);
}

/** Wilson score interval for k successes in n trials (z = 1.96 → 95 %), as proportions. */
export function wilsonInterval(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  if (k < 0 || k > n) throw new RangeError('k must be between 0 and n');
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Complaint rate per 100 cases with its 95 % interval (complaints may exceed cases for public complaints: capped). */
export function complaintRate(complaints: number, cases: number) {
  const k = Math.min(complaints, cases);
  const ci = wilsonInterval(k, cases);
  return { complaints, cases, per100: cases === 0 ? null : (complaints / cases) * 100, ci95Per100: cases === 0 ? null : { low: ci.low * 100, high: ci.high * 100 } };
}

/** Rating policy (configurable per deployment). */
export interface RatingPolicy {
  priorMean: number;
  priorWeight: number;
  delistBelow: number;
  minRatings: number;
}

/** Default policy: prior 4.0 weighted as 10 ratings; delist below 3.0 once there are at least 5 ratings. */
export const DEFAULT_RATING_POLICY: RatingPolicy = { priorMean: 4, priorWeight: 10, delistBelow: 3, minRatings: 5 };

/** Whether an agency's ratings take it off the recommended list, and why. */
export function delistingDecision(ratings: { sum: number; n: number }, policy: RatingPolicy): { delist: boolean; adjusted: number; reason: string } {
  const adjusted = bayesianAverage(ratings.sum, ratings.n, policy.priorMean, policy.priorWeight);
  if (ratings.n < policy.minRatings) return { delist: false, adjusted, reason: `only ${ratings.n} rating(s); at least ${policy.minRatings} are needed before ratings can delist` };
  return adjusted < policy.delistBelow
    ? { delist: true, adjusted, reason: `adjusted rating ${adjusted.toFixed(2)} from ${ratings.n} ratings is below ${policy.delistBelow}` }
    : { delist: false, adjusted, reason: `adjusted rating ${adjusted.toFixed(2)} from ${ratings.n} ratings is at or above ${policy.delistBelow}` };
}

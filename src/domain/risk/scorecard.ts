/**
 * A default-risk scorecard: weight-of-evidence (WOE) binning of each feature, then logistic regression on the
 * WOE values. Pure and deterministic. A prediction returns the probability, a band and every feature's
 * contribution, so "3 open lawsuits: +0.18" can be shown to the creditor and to the debtor.
 */

/** One training example: feature values and whether the debt defaulted (1) or was repaid (0). */
export interface Example {
  features: Record<string, number | string>;
  defaulted: 0 | 1;
}

/** A bin of a numeric feature (upper bound inclusive; null = no bound) or one category value. */
export type Bin = { kind: 'numeric'; upTo: number | null; woe: number; count: number; badRate: number } | { kind: 'category'; value: string; woe: number; count: number; badRate: number };

/** One feature of a trained model. */
export interface ModelFeature {
  name: string;
  bins: Bin[];
  coefficient: number;
  informationValue: number;
}

/** A trained scorecard. */
export interface Scorecard {
  version: string;
  trainedAt: string;
  intercept: number;
  features: ModelFeature[];
  /** Probability thresholds of the bands low < medium < high < very high. */
  bandCuts: [number, number, number];
}

const SMOOTH = 0.5;

/** Quantile cut points (distinct) of a numeric column. */
function quantileCuts(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let i = 1; i < bins; i++) cuts.add(sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / bins))]!);
  return [...cuts].sort((a, b) => a - b);
}

/** WOE bins of one feature: ln(share of payers / share of defaulters), smoothed so empty cells stay finite. */
export function binFeature(name: string, examples: readonly Example[], maxBins = 6): Bin[] {
  const values = examples.map((e) => e.features[name]!);
  const totalBad = examples.filter((e) => e.defaulted).length;
  const totalGood = examples.length - totalBad;
  const woe = (bad: number, good: number) => Math.log(((good + SMOOTH) / (totalGood + SMOOTH)) / ((bad + SMOOTH) / (totalBad + SMOOTH)));
  if (typeof values[0] === 'string') {
    const groups = new Map<string, { bad: number; good: number }>();
    examples.forEach((e) => {
      const g = groups.get(String(e.features[name])) ?? { bad: 0, good: 0 };
      if (e.defaulted) g.bad++;
      else g.good++;
      groups.set(String(e.features[name]), g);
    });
    return [...groups].sort((a, b) => a[0].localeCompare(b[0])).map(([value, g]) => ({ kind: 'category' as const, value, woe: woe(g.bad, g.good), count: g.bad + g.good, badRate: g.bad / (g.bad + g.good) }));
  }
  const cuts = quantileCuts(values as number[], maxBins);
  const bounds: Array<number | null> = [...cuts, null];
  return bounds.map((upTo, i) => {
    const lower = i === 0 ? -Infinity : cuts[i - 1]!;
    const inBin = examples.filter((e) => {
      const v = e.features[name] as number;
      return v > lower && (upTo === null || v <= upTo);
    });
    const bad = inBin.filter((e) => e.defaulted).length;
    return { kind: 'numeric' as const, upTo, woe: woe(bad, inBin.length - bad), count: inBin.length, badRate: inBin.length ? bad / inBin.length : 0 };
  }).filter((b) => b.count > 0);
}

/** The WOE of a value under a feature's bins (unknown categories count as neutral, 0). */
export function woeOf(bins: readonly Bin[], value: number | string): number {
  for (const b of bins) {
    if (b.kind === 'category' && b.value === String(value)) return b.woe;
    if (b.kind === 'numeric' && (b.upTo === null || (value as number) <= b.upTo)) return b.woe;
  }
  return 0;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Fits logistic regression on WOE columns by batch gradient descent with a small L2 penalty. */
function fitLogistic(x: number[][], y: number[], iterations = 600, rate = 0.5, l2 = 1e-3): { intercept: number; weights: number[] } {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  let intercept = 0;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    let gi = 0;
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const row = x[i]!;
      let z = intercept;
      for (let j = 0; j < d; j++) z += w[j]! * row[j]!;
      const err = sigmoid(z) - y[i]!;
      gi += err;
      for (let j = 0; j < d; j++) g[j]! += err * row[j]!;
    }
    intercept -= (rate * gi) / n;
    for (let j = 0; j < d; j++) w[j]! -= rate * (g[j]! / n + l2 * w[j]!);
  }
  return { intercept, weights: w };
}

/** Trains a scorecard on examples. */
export function trainScorecard(examples: readonly Example[], featureNames: readonly string[], meta: { version: string; trainedAt: string }): Scorecard {
  if (examples.length < 50) throw new RangeError(`Too few examples to train (${examples.length}); at least 50 closed cases are needed.`);
  const binned = featureNames.map((name) => ({ name, bins: binFeature(name, examples) }));
  // Information value: how much a feature separates payers from defaulters (kept for the model card).
  const totalBad = examples.filter((e) => e.defaulted).length;
  const totalGood = examples.length - totalBad;
  const iv = (bins: Bin[]) => bins.reduce((s, b) => {
    const bad = b.badRate * b.count;
    const good = b.count - bad;
    return s + ((good + SMOOTH) / (totalGood + SMOOTH) - (bad + SMOOTH) / (totalBad + SMOOTH)) * b.woe;
  }, 0);
  const x = examples.map((e) => binned.map((f) => woeOf(f.bins, e.features[f.name]!)));
  // WOE is "log-odds of paying", so the regression on default gets negative weights; we keep the sign as fitted.
  const fit = fitLogistic(x, examples.map((e) => e.defaulted));
  const probs = x.map((row) => sigmoid(fit.intercept + row.reduce((s, v, j) => s + v * fit.weights[j]!, 0)));
  const sorted = [...probs].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;
  return {
    version: meta.version,
    trainedAt: meta.trainedAt,
    intercept: fit.intercept,
    features: binned.map((f, j) => ({ name: f.name, bins: f.bins, coefficient: fit.weights[j]!, informationValue: iv(f.bins) })),
    bandCuts: [q(0.5), q(0.8), q(0.95)],
  };
}

/** A risk band. */
export type Band = 'low' | 'medium' | 'high' | 'very_high';

/** One feature's part in a prediction. */
export interface Contribution {
  feature: string;
  value: number | string;
  /** Log-odds added by this feature. */
  logOdds: number;
  /** Change in probability against leaving the feature neutral (WOE 0). */
  probability: number;
}

/** A prediction with its explanation. */
export interface Prediction {
  probability: number;
  band: Band;
  modelVersion: string;
  contributions: Contribution[];
}

/** Scores one set of features; contributions sorted by size, largest first. */
export function predict(model: Scorecard, features: Record<string, number | string>): Prediction {
  const terms = model.features.map((f) => ({ f, value: features[f.name] ?? 0, logOdds: f.coefficient * woeOf(f.bins, features[f.name] ?? 0) }));
  const z = model.intercept + terms.reduce((s, t) => s + t.logOdds, 0);
  const p = sigmoid(z);
  const band: Band = p <= model.bandCuts[0] ? 'low' : p <= model.bandCuts[1] ? 'medium' : p <= model.bandCuts[2] ? 'high' : 'very_high';
  const contributions = terms.map((t) => ({ feature: t.f.name, value: t.value, logOdds: t.logOdds, probability: p - sigmoid(z - t.logOdds) })).sort((a, b) => Math.abs(b.probability) - Math.abs(a.probability));
  return { probability: p, band, modelVersion: model.version, contributions };
}

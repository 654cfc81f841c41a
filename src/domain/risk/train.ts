/** Training with an honest evaluation: split by time (older cases train, the newest 20 % test), then measure. */
import { FEATURES } from './features.js';
import { auc, brier, calibration, ks } from './metrics.js';
import { predict, trainScorecard, type Example, type Scorecard } from './scorecard.js';

/** Hold-out metrics of a model. */
export interface ModelMetrics {
  trainSize: number;
  testSize: number;
  defaultRate: number;
  auc: number;
  ks: number;
  brier: number;
  calibration: ReturnType<typeof calibration>;
}

/** Trains on the older part of time-ordered examples and evaluates on the newest part. */
export function trainAndEvaluate(examples: ReadonlyArray<Example & { closedOn: string }>, meta: { version: string; trainedAt: string }, holdOut = 0.2): { model: Scorecard; metrics: ModelMetrics } {
  const ordered = [...examples].sort((a, b) => a.closedOn.localeCompare(b.closedOn));
  const cut = Math.floor(ordered.length * (1 - holdOut));
  const train = ordered.slice(0, cut);
  const test = ordered.slice(cut);
  const model = trainScorecard(train, FEATURES, meta);
  const probs = test.map((e) => predict(model, e.features).probability);
  const labels = test.map((e) => e.defaulted);
  return {
    model,
    metrics: { trainSize: train.length, testSize: test.length, defaultRate: ordered.filter((e) => e.defaulted).length / Math.max(1, ordered.length), auc: auc(probs, labels), ks: ks(probs, labels), brier: brier(probs, labels), calibration: calibration(probs, labels) },
  };
}

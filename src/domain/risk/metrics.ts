/** Evaluation of probability forecasts: AUC (Mann–Whitney), KS, Brier score and a calibration table. */

/** Area under the ROC curve: the chance a random defaulter scores above a random payer (ties count half). */
export function auc(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && idx[j]![0] === idx[i]![0]) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 … j share their average
    for (let k = i; k < j; k++) if (idx[k]![1] === 1) rankSum += avgRank;
    i = j;
  }
  for (const l of labels) (l === 1 ? pos++ : neg++);
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Kolmogorov–Smirnov statistic: the largest gap between the score distributions of defaulters and payers. */
export function ks(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return 0;
  let cp = 0;
  let cn = 0;
  let best = 0;
  for (let i = 0; i < idx.length; i++) {
    if (idx[i]![1] === 1) cp++;
    else cn++;
    if (i + 1 < idx.length && idx[i + 1]![0] === idx[i]![0]) continue;
    best = Math.max(best, Math.abs(cp / pos - cn / neg));
  }
  return best;
}

/** Mean squared error of the probabilities. */
export function brier(probs: readonly number[], labels: readonly number[]): number {
  return probs.reduce((s, p, i) => s + (p - labels[i]!) ** 2, 0) / Math.max(1, probs.length);
}

/** Calibration by deciles of predicted probability: mean predicted vs observed default rate per bin. */
export function calibration(probs: readonly number[], labels: readonly number[], bins = 10): Array<{ bin: number; count: number; predicted: number; observed: number }> {
  const order = probs.map((p, i) => [p, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  const out: Array<{ bin: number; count: number; predicted: number; observed: number }> = [];
  for (let b = 0; b < bins; b++) {
    const part = order.slice(Math.floor((b * order.length) / bins), Math.floor(((b + 1) * order.length) / bins));
    if (!part.length) continue;
    out.push({ bin: b + 1, count: part.length, predicted: part.reduce((s, x) => s + x[0], 0) / part.length, observed: part.reduce((s, x) => s + x[1], 0) / part.length });
  }
  return out;
}

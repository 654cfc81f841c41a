/**
 * Demo case histories for training, from a documented process with noise (docs/risk.md), so the model has
 * something real to learn and its hold-out metrics mean something. The true default log-odds is
 *   −1.6 + 0.35·min(lawsuits,6) + 0.7·min(enforcement,3) + 1.3·dishonest + 0.15·min(penalties,5) + 0.8·abnormal
 *   − 0.35·min(priorSettled,4) + 0.25·(log10 amount − 5) + 0.0015·(age − 180) + industry + region + N(0, 0.9²)
 * and a case defaults with the logistic of it. The noise term is information the model cannot see.
 */
import { Rng } from '../prng.js';
import type { Example } from './scorecard.js';

const INDUSTRY_EFFECT: Record<string, number> = { trade: 0, manufacturing: -0.2, services: 0.1, construction: 0.45 };
const REGION_EFFECT: Record<string, number> = { '320500': -0.1, '320700': 0.1, '320100': 0, '320200': -0.05, '321000': 0.15 };
const BUSINESS: Record<string, string> = { trade: '日用百货销售', manufacturing: '电子元件制造', services: '企业管理咨询', construction: '建筑工程施工' };

function geometric(rng: Rng, p: number, max: number): number {
  let n = 0;
  while (n < max && rng.float() > p) n++;
  return n;
}

/** A closed case of the demo history, with the date it closed (for the time split). */
export interface HistoricalCase extends Example {
  closedOn: string;
  businessScope: string;
}

/** Generates n closed cases between two dates, deterministic in the seed. */
export function generateHistory(n: number, seed: number, from = new Date('2023-01-01T00:00:00Z'), to = new Date('2026-10-31T00:00:00Z')): HistoricalCase[] {
  const rng = new Rng(seed);
  const out: HistoricalCase[] = [];
  for (let i = 0; i < n; i++) {
    const industry = rng.pick(Object.keys(INDUSTRY_EFFECT));
    const region = rng.pick(Object.keys(REGION_EFFECT));
    const enforcementOpen = rng.chance(0.15) ? 1 + geometric(rng, 0.6, 4) : 0;
    const f = {
      amountLog10: 3.5 + rng.float() * 3,
      debtAgeDays: rng.int(10, 720),
      openLawsuits: geometric(rng, 0.55, 9),
      enforcementOpen,
      dishonestCurrent: rng.chance(enforcementOpen ? 0.25 : 0.04) ? 1 : 0,
      penalties3y: geometric(rng, 0.7, 6),
      abnormalCurrent: rng.chance(0.08) ? 1 : 0,
      priorSettled: geometric(rng, 0.5, 6),
      industry,
      region,
    };
    // Box–Muller: one standard normal from two uniforms.
    const noise = Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float()) * 0.9;
    const logit = -1.6 + 0.35 * Math.min(f.openLawsuits, 6) + 0.7 * Math.min(f.enforcementOpen, 3) + 1.3 * f.dishonestCurrent + 0.15 * Math.min(f.penalties3y, 5) + 0.8 * f.abnormalCurrent
      - 0.35 * Math.min(f.priorSettled, 4) + 0.25 * (f.amountLog10 - 5) + 0.0015 * (f.debtAgeDays - 180) + INDUSTRY_EFFECT[industry]! + REGION_EFFECT[region]! + noise;
    const closed = new Date(from.getTime() + rng.float() * (to.getTime() - from.getTime()));
    out.push({ features: f, defaulted: rng.float() < 1 / (1 + Math.exp(-logit)) ? 1 : 0, closedOn: closed.toISOString().slice(0, 10), businessScope: BUSINESS[industry]! });
  }
  return out.sort((a, b) => a.closedOn.localeCompare(b.closedOn));
}

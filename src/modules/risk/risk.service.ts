/**
 * Default-risk scores: training (`xinqiao risk train`) on the platform's ended cases — topped up with the documented
 * demo history while the platform has too few — and explained predictions for an enterprise and a debt.
 */
import { featuresOf } from '../../domain/risk/features.js';
import { generateHistory } from '../../domain/risk/history-generator.js';
import { predict, type Scorecard } from '../../domain/risk/scorecard.js';
import { trainAndEvaluate, type ModelMetrics } from '../../domain/risk/train.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { endedCasesForTraining, settledCasesOf } from '../cases/case-views.service.js';
import { findEnterpriseSummary, riskFactsOf } from '../registry/registry.service.js';

/** Below this many ended cases, training adds the demo history (and says so). */
export const MIN_REAL_CASES = 500;

let cached: { version: string; model: Scorecard; metrics: ModelMetrics; trainedAt: string; source: string } | null = null;

/** Trains, evaluates on the newest 20 % and stores the model as the active one. */
export async function trainModel(ctx: ServiceContext, options: { demoCases?: number; seed?: number } = {}) {
  const real = [];
  for (const c of await endedCasesForTraining(ctx)) {
    const ent = await findEnterpriseSummary(ctx, c.creditCode);
    if (!ent) continue;
    const idRow = await ctx.db.selectFrom('enterprises').select('id').where('credit_code', '=', c.creditCode).executeTakeFirst();
    const facts = idRow ? await riskFactsOf(ctx, idRow.id) : null;
    if (!facts) continue;
    real.push({ features: featuresOf({ amountFen: c.amountFen, ageDays: c.ageDays }, { ...facts, priorSettled: await settledCasesOf(ctx, c.debtorKey) }), defaulted: c.defaulted, closedOn: c.closedOn });
  }
  const demo = real.length < MIN_REAL_CASES ? generateHistory(options.demoCases ?? 8000, options.seed ?? 20_261_123) : [];
  const source = demo.length ? `${real.length} ended platform cases + ${demo.length} generated demo cases (documented process, docs/risk.md)` : `${real.length} ended platform cases`;
  const trainedAt = ctx.clock().toISOString();
  const version = `risk-${trainedAt.slice(0, 19).replace(/[-:T]/g, '')}`;
  const { model, metrics } = trainAndEvaluate([...demo, ...real], { version, trainedAt });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('risk_models').set({ active: 0 }).where('active', '=', 1).execute();
    await trx.insertInto('risk_models').values({ version, trained_at: trainedAt, model: JSON.stringify(model), metrics: JSON.stringify(metrics), training_source: source, active: 1 })
      .onConflict((oc) => oc.column('version').doUpdateSet({ model: JSON.stringify(model), metrics: JSON.stringify(metrics), training_source: source, active: 1 })).execute();
  });
  cached = { version, model, metrics, trainedAt, source };
  return { version, source, metrics };
}

/** The active model (cached per process; a newer active version is picked up). */
export async function activeModel(ctx: ServiceContext) {
  const row = await ctx.db.selectFrom('risk_models').select(['version', 'model', 'metrics', 'trained_at', 'training_source']).where('active', '=', 1).executeTakeFirst();
  if (!row) return null;
  if (cached?.version !== row.version) cached = { version: row.version, model: JSON.parse(row.model) as Scorecard, metrics: JSON.parse(row.metrics) as ModelMetrics, trainedAt: row.trained_at, source: row.training_source };
  return cached;
}

/** Trains the demo model when none exists (a fresh install shows risk scores at once). */
export async function ensureModel(ctx: ServiceContext) {
  if (await activeModel(ctx)) return null;
  return trainModel(ctx);
}

/** The default risk of a debt of `amountFen`, `ageDays` overdue, owed by enterprise `id`, explained. */
export async function enterpriseRisk(ctx: ServiceContext, id: number, debt: { amountFen: number; ageDays: number }) {
  const facts = await riskFactsOf(ctx, id);
  if (!facts) throw new AppError('not_found', `No enterprise with id ${id}.`);
  const m = await activeModel(ctx);
  if (!m) throw new AppError('unavailable', 'No risk model has been trained yet; run `xinqiao risk train`.');
  const features = featuresOf(debt, { ...facts, priorSettled: await settledCasesOf(ctx, `ent:${facts.creditCode}`) });
  const p = predict(m.model, features);
  return {
    enterpriseId: id, creditCode: facts.creditCode, debt, ...p,
    contributions: p.contributions.slice(0, 6),
    model: { version: m.version, trainedAt: m.trainedAt, trainingSource: m.source, auc: m.metrics.auc, ks: m.metrics.ks, brier: m.metrics.brier, testSize: m.metrics.testSize },
  };
}

/** The active model's card: metrics and calibration, for transparency. */
export async function modelCard(ctx: ServiceContext) {
  const m = await activeModel(ctx);
  if (!m) throw new AppError('not_found', 'No risk model has been trained yet.');
  return { version: m.version, trainedAt: m.trainedAt, trainingSource: m.source, metrics: m.metrics, features: m.model.features.map((f) => ({ name: f.name, coefficient: f.coefficient, informationValue: f.informationValue, bins: f.bins })), bandCuts: m.model.bandCuts };
}

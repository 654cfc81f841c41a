/** `xinqiao risk train`: train the default-risk model, print its hold-out metrics, store it as the active model. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Database } from '../db/database.js';
import { trainModel } from '../modules/risk/risk.service.js';
import type { ServiceContext } from '../shared/context.js';

type WithDatabase = <T>(fn: (database: Database, ctx: ServiceContext) => Promise<T>) => Promise<T>;

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 100) throw new InvalidArgumentError('must be a whole number ≥ 100');
  return n;
};

/** Adds the risk commands. */
export function addRiskCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('risk')
    .description('default-risk model')
    .command('train')
    .description('train on ended cases (plus the documented demo history while there are fewer than 500), split by time, print AUC, KS, Brier and calibration on the newest 20 %, and activate the model')
    .option('--demo-cases <n>', 'size of the generated history when it is used', count, 8000)
    .option('--seed <n>', 'seed of the generated history', (v) => Number(v), 20_261_123)
    .option('--json', 'print the result as JSON')
    .action((opts: { demoCases: number; seed: number; json?: boolean }) =>
      withDatabase(async (_db, ctx) => {
        const r = await trainModel(ctx, { demoCases: opts.demoCases, seed: opts.seed });
        if (opts.json) return console.log(JSON.stringify(r, null, 2));
        const m = r.metrics;
        console.log(`Model ${r.version}, trained on ${r.source}.`);
        console.log(`Hold-out (newest ${m.testSize} cases, trained on ${m.trainSize}): AUC ${m.auc.toFixed(3)}, KS ${m.ks.toFixed(3)}, Brier ${m.brier.toFixed(4)}, default rate ${(m.defaultRate * 100).toFixed(1)} %`);
        console.log('Calibration (deciles of predicted probability):');
        console.log('  bin   cases  predicted  observed');
        for (const c of m.calibration) console.log(`  ${String(c.bin).padStart(3)}  ${String(c.count).padStart(6)}  ${(c.predicted * 100).toFixed(1).padStart(8)} %  ${(c.observed * 100).toFixed(1).padStart(7)} %`);
      }),
    );
}

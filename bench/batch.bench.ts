/**
 * `npm run bench:batch [-- --enterprises N --rows R]`: a batch check of R supplier rows (default 10,000: half
 * credit codes, a third exact names, the rest near-names and typos) against a registry of N enterprises (default
 * 1,000,000; generated once under data/bench-N and shared with bench:search). Target: < 3 s. Prints the time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Rng } from '../src/domain/prng.js';
import { runBatchCheck } from '../src/modules/batch/batch-check.service.js';
import { openBenchRegistry } from './bench-registry.js';
import { ensureModel } from '../src/modules/risk/risk.service.js';
import { packageRoot } from '../src/shared/paths.js';
import { numberOption } from './bench-args.js';

const enterprises = numberOption('enterprises', 1_000_000);
const rowsWanted = numberOption('rows', 10_000);
const log = { debug() {}, info() {}, warn() {}, error() {} };

async function main(): Promise<void> {
  const database = await openBenchRegistry(enterprises);
  const ctx = { db: database.db, dialect: database.dialect, actor: { kind: 'system' as const, name: 'bench' }, clock: () => new Date(), log };
  await ensureModel(ctx);
  const rng = new Rng(7);
  const sample = await database.db.selectFrom('enterprises').select(['credit_code', 'name']).where('id', '>', rng.int(1, Math.max(1, enterprises - rowsWanted * 3))).orderBy('id').limit(rowsWanted).execute();
  const inputs = sample.map((e, i) => ({ line: i + 2, value: i % 2 === 0 ? e.credit_code : i % 6 === 1 ? e.name : i % 6 === 3 ? e.name.replace('有限公司', '公司') : `${e.credit_code.slice(0, 17)}0` }));
  const t0 = performance.now();
  const result = await runBatchCheck(ctx, inputs);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`Batch check: ${inputs.length.toLocaleString('en')} rows against ${enterprises.toLocaleString('en')} enterprises in ${seconds.toFixed(2)} s  (target < 3 s)`);
  console.log(`  ${JSON.stringify(result.summary)}`);
  const out = path.join(packageRoot(), 'bench', 'results', `batch-${enterprises}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ enterprises, rows: inputs.length, seconds, summary: result.summary }, null, 2));
  await database.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

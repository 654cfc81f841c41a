/**
 * `npm run bench:search [-- --enterprises N]`: search latency per query kind on a generated registry
 * (default 1,000,000 enterprises; the database is generated once under data/bench-N and reused).
 * Prints p50/p99/max per kind and writes bench/results/search-*.json. Target: p99 < 20 ms.
 * A benchmark, not a test: it measures and reports, it does not pass or fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Converter } from 'opencc-js/cn2t';
import { Rng } from '../src/domain/prng.js';
import { pinyinTokens, foldText } from '../src/domain/search-text.js';
import { openBenchRegistry } from './bench-registry.js';
import * as registry from '../src/modules/registry/registry.service.js';
import { packageRoot } from '../src/shared/paths.js';
import { numberOption } from './bench-args.js';

const enterprises = numberOption('enterprises', 1_000_000);
const perKind = numberOption('queries', 300);
const databaseUrl = process.env.DATABASE_URL ?? null;
const toTraditional = Converter({ from: 'cn', to: 't' });
const log = { debug() {}, info() {}, warn() {}, error() {} };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const database = await openBenchRegistry(enterprises, databaseUrl);
  const ctx = { db: database.db, dialect: database.dialect, actor: { kind: 'system' as const, name: 'bench' }, clock: () => new Date(), log };

  // Realistic queries drawn from the data itself: what a user would type about a firm they know.
  const rng = new Rng(99);
  const sample = await database.db.selectFrom('enterprises').select(['credit_code', 'name']).where('id', 'in', Array.from({ length: perKind }, () => rng.int(1, enterprises))).execute();
  const brand = (name: string) => foldText(name).replace(/^(苏州|连云港|南京|无锡|徐州|常州|南通|淮安|盐城|扬州|镇江|泰州|宿迁|昆山|常熟|张家港|太仓|[\p{Script=Han}]{2})/u, '').slice(0, 3);
  const kinds: Record<string, string[]> = {
    'credit code (exact)': sample.map((s) => s.credit_code),
    'credit code prefix (10)': sample.map((s) => s.credit_code.slice(0, 10)),
    'name, 3+ characters': sample.map((s) => brand(s.name)),
    'name, 2 characters': sample.map((s) => brand(s.name).slice(0, 2)),
    'traditional characters': sample.map((s) => toTraditional(brand(s.name))),
    'pinyin initials': sample.map((s) => pinyinTokens(brand(s.name)).head[1] ?? 'jds'),
    'full pinyin': sample.map((s) => pinyinTokens(brand(s.name)).head[0] ?? 'jindingsheng'),
  };

  const results: Record<string, { queries: number; p50: number; p99: number; max: number; meanTotal: number }> = {};
  console.log(`\nSearch latency on ${enterprises.toLocaleString('en')} enterprises (${database.dialect}), ${perKind} queries per kind, page size 20:\n`);
  console.log('kind'.padEnd(26) + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + 'max ms'.padStart(9) + '  mean matches');
  for (const [kind, queries] of Object.entries(kinds)) {
    for (const q of queries.slice(0, 20)) await registry.search(ctx, { q, page: 1, pageSize: 20 }); // warm-up
    const times: number[] = [];
    let totals = 0;
    for (const q of queries) {
      const t0 = performance.now();
      const r = await registry.search(ctx, { q, page: 1, pageSize: 20 });
      times.push(performance.now() - t0);
      totals += r.total;
    }
    times.sort((a, b) => a - b);
    results[kind] = { queries: times.length, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1]!, meanTotal: totals / times.length };
    const r = results[kind]!;
    console.log(kind.padEnd(26) + r.p50.toFixed(2).padStart(9) + r.p99.toFixed(2).padStart(9) + r.max.toFixed(2).padStart(9) + `  ${r.meanTotal.toFixed(0)}`);
  }
  const out = path.join(packageRoot(), 'bench', 'results', `search-${database.dialect}-${enterprises}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ enterprises, dialect: database.dialect, node: process.version, at: new Date().toISOString(), target: 'p99 < 20 ms', results }, null, 2));
  console.log(`\nTarget p99 < 20 ms. Results written to ${path.relative(process.cwd(), out)}`);
  await database.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/** `xinqiao sync [source] [--since]` with a progress bar, and `xinqiao sync-fixture` (the local test feed). */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { pino } from 'pino';
import { loadConfig } from '../config/env.js';
import type { Database } from '../db/database.js';
import { LogSender } from '../modules/notifications/notification-sender.js';
import { loadSources } from '../modules/ingest/sources.config.js';
import { runSync, sourceNamed } from '../modules/ingest/sync.service.js';
import { startFeedServer } from '../modules/ingest/test-feed-server.js';
import type { ServiceContext } from '../shared/context.js';

type WithDatabase = <T>(fn: (database: Database, ctx: ServiceContext) => Promise<T>) => Promise<T>;

const wholeNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return n;
};

/** Adds the sync commands. */
export function addSyncCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('sync')
    .description('pull data sources (sources.json in the data directory, or $XINQIAO_SOURCES): one source, or all in turn; exit 1 if any failed')
    .argument('[source]', 'the source name (default: every configured source)')
    .option('--since <cursor>', 'start from this cursor instead of the stored one ("" for a full re-sync)')
    .action((name: string | undefined, opts: { since?: string }) =>
      withDatabase(async (_database, ctx) => {
        const config = loadConfig();
        const sources = loadSources(config.sourcesPath);
        if (sources.length === 0) throw new Error(`No data sources are configured: create ${config.sourcesPath} (see docs/ingestion.md).`);
        const names = name ? [sourceNamed({ sources }, name).name] : sources.map((s) => s.name);
        const deps = { sources, secret: config.secret, leaseMs: config.syncLeaseMs, sender: new LogSender(pino({ level: 'warn' }, pino.destination(2))) };
        let failed = 0;
        for (const n of names) {
          const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: `${n} | {value} rows | {pages} pages | +{inserted} ~{updated} −{removed} ✗{rejected}`, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
          bar?.start(0, 0, { pages: 0, inserted: 0, updated: 0, removed: 0, rejected: 0 });
          const run = await runSync(ctx, deps, n, { since: opts.since, onPage: (p) => bar?.update(p.read, p) });
          bar?.stop();
          console.log(`${n}: ${run.status} — read ${run.read}, inserted ${run.inserted}, updated ${run.updated}, removed ${run.removed}, quarantined ${run.rejected} in ${(run.durationMs / 1000).toFixed(1)} s${run.error ? `; error: ${run.error}` : ''}`);
          if (run.status === 'failed') failed++;
        }
        if (failed) process.exitCode = 1;
      }),
    );

  program
    .command('sync-fixture')
    .description('serve the deterministic test feed (/feeds/enterprises, /feeds/dishonest) for trying sync locally; Ctrl-C stops it')
    .option('--port <n>', 'port', wholeNumber, 4010)
    .option('--enterprises <n>', 'enterprises in the feed', wholeNumber, 2000)
    .option('--seed <n>', 'seed', wholeNumber, 11)
    .option('--token <token>', 'require Authorization: Bearer <token>')
    .option('--fail-every <n>', 'answer 503 to every Nth request', wholeNumber)
    .action(async (opts: { port: number; enterprises: number; seed: number; token?: string; failEvery?: number }) => {
      const feed = await startFeedServer({ port: opts.port, enterprises: opts.enterprises, seed: opts.seed, token: opts.token, ...(opts.failEvery ? { failEvery: opts.failEvery } : {}) });
      console.log(`Test feed at ${feed.url}/feeds/enterprises and ${feed.url}/feeds/dishonest (Ctrl-C to stop).`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => void feed.close().then(resolve)));
    });
}

/**
 * `npm start`: configure, migrate, seed an empty database, listen. With XINQIAO_WORKERS=N (0: one per CPU) the
 * primary process prepares the database once and forks N HTTP workers sharing the port (node:cluster); the first
 * worker also runs the scheduled jobs. Workers share nothing in memory: sessions, scheduler locks and the evidence
 * log live in the database, rate limits and cache invalidations in Redis when REDIS_URL is set.
 */
import cluster from 'node:cluster';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config/env.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedIfEmpty } from '../modules/registry/demo/seed-if-empty.js';
import { loadPiiCipher } from '../modules/privacy/pii-cipher.js';
import { loadCalendar } from '../shared/calendar.js';
import { FsBlobStore } from '../modules/evidence/blob-store.js';
import { loadOrCreateLogKey } from '../modules/evidence/signing-key.js';
import { TransparencyLog } from '../modules/evidence/transparency-log.js';
import { buildApp, caseDepsOf, type AppDeps } from './app.js';
import { generateDemoActivity } from './demo-activity.js';
import { scheduleAgencyGrades, scheduleAlerts, scheduleCaseJobs, scheduleRetention, scheduleSync } from './scheduler.js';
import { loadSources } from '../modules/ingest/sources.config.js';
import { ensureModel } from '../modules/risk/risk.service.js';
import { loadComplianceRules } from '../shared/compliance-rules.js';
import { LogSender, MemorySender } from '../modules/notifications/notification-sender.js';

/** Everything the app and the jobs need, over an open database. */
async function appDepsFor(config: Config, database: Database, logger: Logger) {
  const pii = loadPiiCipher({ keys: config.piiKeys, indexKey: config.piiIndexKey }, config.dataDir);
  const calendar = loadCalendar(config.dataDir);
  const log = new TransparencyLog(loadOrCreateLogKey(config.dataDir, config.logOrigin));
  await log.sync(database.db);
  const evidence = { log, store: new FsBlobStore(path.join(config.dataDir, 'blobs')), maxBytes: config.evidenceMaxBytes };
  const sender = new LogSender(logger);
  const sync = { sources: loadSources(config.sourcesPath), secret: config.secret, leaseMs: config.syncLeaseMs, sender };
  return { config, database, logger, pii, calendar, evidence, complianceRules: loadComplianceRules(config.dataDir), sender, sync } satisfies AppDeps;
}

/** Once per instance, before serving: migrations, the demo registry and activity on an empty database, the risk model. */
async function prepare(config: Config, logger: Logger): Promise<void> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, onPoolError: (err) => logger.warn({ err }, 'idle PostgreSQL connection failed; it will be replaced') });
  try {
    logger.info({ database: database.location, dialect: database.dialect }, 'opening database');
    await migrateToLatest(database);
    const seeded = config.autoSeed && (await seedIfEmpty(database, { enterprises: config.seedEnterprises, log: logger }));
    const trained = await ensureModel({ db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'risk' }, clock: () => new Date(), log: logger });
    if (trained) logger.info(`Trained the default-risk model ${trained.version} on ${trained.source}: hold-out AUC ${trained.metrics.auc.toFixed(3)}`);
    if (seeded) {
      // A fresh demo gets a year of cases, recourse and mediation through the API, and accounts to sign in with.
      try {
        const demo = await generateDemoActivity({ ...(await appDepsFor(config, database, logger)), sender: new MemorySender() });
        logger.info(`Demo activity ready: ${demo.cases} cases. Demo accounts (shown only now):\n${demo.accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email}  ${a.password}  (${a.name})`).join('\n')}`);
      } catch (err) {
        // The registry is what the demo needs; a failed activity run must not stop the server.
        logger.warn({ err }, 'demo activity could not be generated; the registry demo is unaffected');
      }
    }
  } finally {
    await database.close();
  }
}

/** One HTTP process: the app, and the scheduled jobs when this process runs them. */
async function serve(config: Config, logger: Logger, runJobs: boolean): Promise<void> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, onPoolError: (err) => logger.warn({ err }, 'idle PostgreSQL connection failed; it will be replaced') });
  const appDeps = await appDepsFor(config, database, logger);
  const app = await buildApp(appDeps);
  if (runJobs) {
    scheduleRetention(database, logger);
    scheduleCaseJobs(database, logger, caseDepsOf(appDeps));
    scheduleSync(database, logger, appDeps.sync);
    scheduleAlerts(database, logger, appDeps.pii, config.webhookClaimMs);
    scheduleAgencyGrades(database, logger, config.ratingPolicy);
    if (appDeps.sync.sources.length) logger.info(`${appDeps.sync.sources.length} data source(s) scheduled from ${config.sourcesPath}`);
  }
  const close = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  // A deep accept queue: thousands of people connecting at once must wait, not be dropped (capped by net.core.somaxconn).
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  if (config.workers <= 1) {
    await prepare(config, logger);
    await serve(config, logger, config.scheduler);
    logger.info(`Xinqiao is serving ${url} (API docs at /api/docs)`);
    return;
  }
  if (cluster.isPrimary) {
    await prepare(config, logger);
    const fork = (index: number) => cluster.fork({ XINQIAO_WORKER_INDEX: String(index) });
    const indexOf = new Map<number, number>();
    for (let i = 0; i < config.workers; i++) indexOf.set(fork(i).id, i);
    let online = 0;
    cluster.on('listening', () => {
      if (++online === config.workers) logger.info(`Xinqiao is serving ${url} with ${config.workers} worker processes (API docs at /api/docs)`);
    });
    // A worker that dies is replaced (with its index, so the job runner comes back too), unless we are stopping.
    let stopping = false;
    cluster.on('exit', (worker, code, signal) => {
      const index = indexOf.get(worker.id) ?? 0;
      indexOf.delete(worker.id);
      if (stopping) return;
      logger.warn({ index, code, signal }, 'worker exited; starting a new one');
      indexOf.set(fork(index).id, index);
    });
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      setTimeout(() => process.exit(0), 5000).unref();
      cluster.on('exit', () => { if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0); });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    return;
  }
  const index = Number(process.env.XINQIAO_WORKER_INDEX ?? 0);
  await serve(config, logger.child({ worker: index }), config.scheduler && index === 0);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});

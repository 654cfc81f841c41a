/** `npm start`: configure, migrate, seed an empty database, listen. */
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedIfEmpty } from '../modules/registry/demo/seed-if-empty.js';
import { loadPiiCipher } from '../modules/privacy/pii-cipher.js';
import { loadCalendar } from '../shared/calendar.js';
import path from 'node:path';
import { FsBlobStore } from '../modules/evidence/blob-store.js';
import { loadOrCreateLogKey } from '../modules/evidence/signing-key.js';
import { TransparencyLog } from '../modules/evidence/transparency-log.js';
import { buildApp, caseDepsOf } from './app.js';
import { generateDemoActivity } from './demo-activity.js';
import { scheduleAgencyGrades, scheduleAlerts, scheduleCaseJobs, scheduleRetention, scheduleSync } from './scheduler.js';
import { loadSources } from '../modules/ingest/sources.config.js';
import { ensureModel } from '../modules/risk/risk.service.js';
import { loadComplianceRules } from '../shared/compliance-rules.js';
import { LogSender, MemorySender } from '../modules/notifications/notification-sender.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, onPoolError: (err) => logger.warn({ err }, 'idle PostgreSQL connection failed; it will be replaced') });
  logger.info({ database: database.location, dialect: database.dialect }, 'opening database');
  await migrateToLatest(database);
  const seeded = config.autoSeed && (await seedIfEmpty(database, { enterprises: config.seedEnterprises, log: logger }));
  const pii = loadPiiCipher({ keys: config.piiKeys, indexKey: config.piiIndexKey }, config.dataDir);
  const calendar = loadCalendar(config.dataDir);
  const log = new TransparencyLog(loadOrCreateLogKey(config.dataDir, config.logOrigin));
  await log.sync(database.db);
  const evidence = { log, store: new FsBlobStore(path.join(config.dataDir, 'blobs')), maxBytes: config.evidenceMaxBytes };
  const trained = await ensureModel({ db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'risk' }, clock: () => new Date(), log: logger });
  if (trained) logger.info(`Trained the default-risk model ${trained.version} on ${trained.source}: hold-out AUC ${trained.metrics.auc.toFixed(3)}`);
  const sender = new LogSender(logger);
  const sync = { sources: loadSources(config.sourcesPath), secret: config.secret, leaseMs: config.syncLeaseMs, sender };
  const appDeps = { config, database, logger, pii, calendar, evidence, complianceRules: loadComplianceRules(config.dataDir), sender, sync };
  if (seeded) {
    // A fresh demo gets a year of cases, recourse and mediation through the API, and accounts to sign in with.
    try {
      const demo = await generateDemoActivity({ ...appDeps, sender: new MemorySender() });
      logger.info(`Demo activity ready: ${demo.cases} cases. Demo accounts (shown only now):\n${demo.accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email}  ${a.password}  (${a.name})`).join('\n')}`);
    } catch (err) {
      // The registry is what the demo needs; a failed activity run must not stop the server.
      logger.warn({ err }, 'demo activity could not be generated; the registry demo is unaffected');
    }
  }
  const app = await buildApp(appDeps);
  scheduleRetention(database, logger);
  scheduleCaseJobs(database, logger, caseDepsOf(appDeps));
  scheduleSync(database, logger, sync);
  scheduleAlerts(database, logger, pii, config.webhookClaimMs);
  scheduleAgencyGrades(database, logger, config.ratingPolicy);
  if (sync.sources.length) logger.info(`${sync.sources.length} data source(s) scheduled from ${config.sourcesPath}`);
  const close = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  logger.info(`Xinqiao is serving http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port} (API docs at /api/docs)`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});

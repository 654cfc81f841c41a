/** Daily jobs of the server process (croner, Asia/Shanghai). Jobs are idempotent, so several processes may run them. */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { withdrawExpiredRecords } from '../modules/registry/retention.service.js';
import { recomputeAgencyGrades } from '../modules/recourse/agency-grade.service.js';
import type { RatingPolicy } from '../domain/reputation.js';
import type { CaseDeps } from '../modules/cases/cases.deps.js';
import { activateDueCases } from '../modules/cases/lifecycle.service.js';
import { flagOverdueFirstReports } from '../modules/cases/case-views.service.js';
import { deliverNotifications } from '../modules/notifications/notifications.service.js';
import { escalateOverdueComplaints } from '../modules/recourse/complaints.service.js';
import { checkInstalments } from '../modules/mediation/instalments.service.js';
import { runSync, type SyncDeps } from '../modules/ingest/sync.service.js';
import { AppError } from '../shared/app-error.js';
import { evaluateAlerts } from '../modules/alerts/alerts.service.js';
import { deliverWebhooks } from '../modules/alerts/webhooks.service.js';
import type { PiiCipher } from '../modules/privacy/pii-cipher.js';
import { notifyDataChanged } from '../shared/data-changes.js';

/** Runs retention once now and then daily at 03:10 China time. */
export function scheduleRetention(database: Database, logger: Logger): Cron {
  const run = async (): Promise<void> => {
    try {
      await withdrawExpiredRecords({ db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'retention' }, clock: () => new Date(), log: logger });
      notifyDataChanged();
    } catch (err) {
      logger.error({ err }, 'retention run failed; it will be retried at the next run');
    }
  };
  void run();
  return new Cron('10 3 * * *', { timezone: 'Asia/Shanghai', protect: true }, run);
}

/**
 * Every minute: end cooling-off periods, flag overdue first reports, escalate complaints unanswered after 48
 * hours, retry undelivered notifications.
 * State lives in the database, so a restart loses nothing: the next run picks up whatever is due.
 */
export function scheduleCaseJobs(database: Database, logger: Logger, deps: CaseDeps): Cron {
  const run = async (): Promise<void> => {
    const ctx = { db: database.db, dialect: database.dialect, actor: { kind: 'system' as const, name: 'case-jobs' }, clock: () => new Date(), log: logger };
    try {
      const activated = await activateDueCases(ctx, deps);
      const flagged = await flagOverdueFirstReports(ctx);
      const escalated = await escalateOverdueComplaints(ctx);
      const plans = await checkInstalments(ctx, deps);
      const delivered = await deliverNotifications(ctx, deps);
      if (activated + flagged + escalated + delivered + plans.defaulted + plans.completed) {
        logger.info({ activated, flagged, escalated, delivered, plans }, 'case jobs ran');
        notifyDataChanged();
      }
    } catch (err) {
      logger.error({ err }, 'case jobs failed; they run again in a minute');
    }
  };
  void run();
  return new Cron('* * * * *', { timezone: 'Asia/Shanghai', protect: true }, run);
}

/** Each data source on its cron (Asia/Shanghai); a run already going elsewhere is skipped, not doubled. */
export function scheduleSync(database: Database, logger: Logger, deps: SyncDeps): Cron[] {
  return deps.sources.map((source) =>
    new Cron(source.cron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
      const ctx = { db: database.db, dialect: database.dialect, actor: { kind: 'system' as const, name: 'sync' }, clock: () => new Date(), log: logger };
      try {
        const run = await runSync(ctx, deps, source.name);
        logger.info({ run }, `sync of ${source.name} ${run.status}`);
        notifyDataChanged();
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') logger.info(`sync of ${source.name} skipped: ${err.detail}`);
        else logger.error({ err }, `sync of ${source.name} could not start`);
      }
    }),
  );
}

/** Alerts: re-evaluate watches every 10 minutes; send due webhook deliveries every minute (from the outbox). */
export function scheduleAlerts(database: Database, logger: Logger, pii: PiiCipher, claimMs = 60_000): Cron[] {
  const ctx = () => ({ db: database.db, dialect: database.dialect, actor: { kind: 'system' as const, name: 'alerts' }, clock: () => new Date(), log: logger });
  return [
    new Cron('*/10 * * * *', { protect: true }, async () => {
      try {
        const r = await evaluateAlerts(ctx());
        if (r.raised + r.withdrawn) logger.info(r, 'alerts evaluated');
      } catch (err) {
        logger.error({ err }, 'alert evaluation failed; it runs again in 10 minutes');
      }
    }),
    new Cron('* * * * *', { protect: true }, async () => {
      try {
        await deliverWebhooks(ctx(), pii, fetch, claimMs);
      } catch (err) {
        logger.error({ err }, 'webhook delivery failed; pending deliveries stay in the outbox');
      }
    }),
  ];
}

/** Agencies' risk grades, recomputed daily at 04:20 China time (and whenever someone opens a grade). */
export function scheduleAgencyGrades(database: Database, logger: Logger, ratingPolicy: RatingPolicy): Cron {
  return new Cron('20 4 * * *', { timezone: 'Asia/Shanghai', protect: true }, async () => {
    try {
      const n = await recomputeAgencyGrades({ db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'agency-grades' }, clock: () => new Date(), log: logger }, { ratingPolicy });
      logger.info(`recomputed ${n} agency grades`);
      notifyDataChanged();
    } catch (err) {
      logger.error({ err }, 'agency grade recomputation failed; it runs again tomorrow');
    }
  });
}

/** Daily jobs of the server process (croner, Asia/Shanghai). Jobs are idempotent, so several processes may run them. */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { withdrawExpiredRecords } from '../modules/registry/retention.service.js';

/** Runs retention once now and then daily at 03:10 China time. */
export function scheduleRetention(database: Database, logger: Logger): Cron {
  const run = async (): Promise<void> => {
    try {
      await withdrawExpiredRecords({ db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'retention' }, clock: () => new Date(), log: logger });
    } catch (err) {
      logger.error({ err }, 'retention run failed; it will be retried at the next run');
    }
  };
  void run();
  return new Cron('10 3 * * *', { timezone: 'Asia/Shanghai', protect: true }, run);
}

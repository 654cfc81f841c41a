/** `xinqiao alerts evaluate|deliver`: the alert jobs the server runs on a timer, for operators and tests. */
import type { Command } from 'commander';
import { loadConfig } from '../config/env.js';
import type { Database } from '../db/database.js';
import { evaluateAlerts } from '../modules/alerts/alerts.service.js';
import { deliverWebhooks } from '../modules/alerts/webhooks.service.js';
import { loadPiiCipher } from '../modules/privacy/pii-cipher.js';
import type { ServiceContext } from '../shared/context.js';

type WithDatabase = <T>(fn: (database: Database, ctx: ServiceContext) => Promise<T>) => Promise<T>;

/** Adds the alert commands. */
export function addAlertCommands(program: Command, withDatabase: WithDatabase): void {
  const alerts = program.command('alerts').description('watchlist alerts and partner webhooks');
  alerts.command('evaluate').description('raise and withdraw alerts for every watchlist now').action(() =>
    withDatabase(async (_db, ctx) => {
      const r = await evaluateAlerts(ctx);
      console.log(`Raised ${r.raised} alert(s), withdrew ${r.withdrawn}.`);
    }),
  );
  alerts.command('deliver').description('send every due webhook delivery from the outbox, until none is due').action(() =>
    withDatabase(async (_db, ctx) => {
      const config = loadConfig();
      const pii = loadPiiCipher({ keys: config.piiKeys, indexKey: config.piiIndexKey }, config.dataDir);
      let total = 0;
      for (;;) {
        const n = await deliverWebhooks(ctx, pii, fetch, config.webhookClaimMs);
        total += n;
        if (n === 0) break;
      }
      console.log(`Delivered ${total} webhook(s).`);
    }),
  );
}

/** `xinqiao fees quote …` (no database) and `xinqiao cases run-jobs` (for deployments without the server's scheduler). */
import fs from 'node:fs';
import type { Command } from 'commander';
import { pino } from 'pino';
import { loadConfig } from '../config/env.js';
import type { Database } from '../db/database.js';
import { quoteFee, validateSchedule, type FeeSchedule } from '../domain/fees.js';
import { fenToYuanString, yuanToFen } from '../domain/money.js';
import { flagOverdueFirstReports } from '../modules/cases/case-views.service.js';
import { activateDueCases } from '../modules/cases/lifecycle.service.js';
import { LogSender } from '../modules/notifications/notification-sender.js';
import { deliverNotifications } from '../modules/notifications/notifications.service.js';
import { escalateOverdueComplaints } from '../modules/recourse/complaints.service.js';
import { checkInstalments } from '../modules/mediation/instalments.service.js';
import { loadOrCreateLogKey } from '../modules/evidence/signing-key.js';
import { TransparencyLog } from '../modules/evidence/transparency-log.js';
import { loadPiiCipher } from '../modules/privacy/pii-cipher.js';
import { AppError } from '../shared/app-error.js';
import { loadCalendar } from '../shared/calendar.js';
import { loadComplianceRules } from '../shared/compliance-rules.js';
import type { ServiceContext } from '../shared/context.js';

type WithDatabase = <T>(fn: (database: Database, ctx: ServiceContext) => Promise<T>) => Promise<T>;

/** Adds the fee and case commands. */
export function addCaseCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('fees')
    .description('commission fee schedules')
    .command('quote')
    .description('quote the fee on an amount under a schedule file ({"mode","brackets":[{"upToFen","rateBps"}],"minFeeFen","capFen"}), exactly as the API and the settlement do')
    .argument('<amount>', 'amount recovered in yuan, e.g. 80000 or 80000.50')
    .requiredOption('--schedule <file>', 'JSON schedule file')
    .option('--json', 'print the quote as JSON')
    .action((amount: string, opts: { schedule: string; json?: boolean }) => {
      const amountFen = yuanToFen(amount);
      if (amountFen === null) throw new AppError('invalid_input', `“${amount}” is not an amount in yuan with at most two decimals.`);
      let schedule: FeeSchedule;
      try {
        schedule = JSON.parse(fs.readFileSync(opts.schedule, 'utf8')) as FeeSchedule;
      } catch (err) {
        throw new AppError('invalid_input', `Cannot read ${opts.schedule} as JSON: ${(err as Error).message}`);
      }
      const problems = Array.isArray(schedule?.brackets) ? validateSchedule(schedule) : [{ detail: 'The schedule needs a "brackets" array.' }];
      if (problems.length) throw new AppError('invalid_input', `The schedule is malformed: ${problems.map((p) => p.detail).join(' ')}`);
      const q = quoteFee(amountFen, schedule);
      if (opts.json) return console.log(JSON.stringify(q, null, 2));
      for (const line of q.lines) console.log(`  ${line.text.en}: ${line.exactFeeFen} fen`);
      for (const a of q.adjustments) console.log(`  ${a.text.en}`);
      console.log(`Fee ¥${fenToYuanString(q.feeFen)}, creditor keeps ¥${fenToYuanString(q.netFen)} of ¥${fenToYuanString(q.amountFen)} (rounded half-up once, on the total).`);
    });

  program
    .command('cases')
    .description('collection cases')
    .command('run-jobs')
    .description('end due cooling-off periods, flag overdue first reports, escalate complaints past 48 hours and deliver pending notifications once (the server does this every minute)')
    .action(() =>
      withDatabase(async (_database, ctx) => {
        const config = loadConfig();
        const log = new TransparencyLog(loadOrCreateLogKey(config.dataDir, config.logOrigin));
        await log.sync(ctx.db);
        const deps = { log, rules: loadComplianceRules(config.dataDir), pii: loadPiiCipher({ keys: config.piiKeys, indexKey: config.piiIndexKey }, config.dataDir), calendar: loadCalendar(config.dataDir), sender: new LogSender(pino({ level: 'info' }, pino.destination(2))) };
        const activated = await activateDueCases(ctx, deps);
        const flagged = await flagOverdueFirstReports(ctx);
        const escalated = await escalateOverdueComplaints(ctx);
        const plans = await checkInstalments(ctx, deps);
        const delivered = await deliverNotifications(ctx, deps);
        console.log(`Activated ${activated} case(s), flagged ${flagged} overdue first report(s), escalated ${escalated} complaint(s), ${plans.defaulted} mediation plan(s) defaulted and ${plans.completed} completed, delivered ${delivered} notification(s).`);
      }),
    );
}

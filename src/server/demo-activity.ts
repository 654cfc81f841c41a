/**
 * A year of demo activity for `npm start`, so cases, dashboards, the mediator's desk and the regulator's queues have
 * something to show. Everything goes through the HTTP API of an app whose clock walks forward from eleven months
 * ago: every case event, payment, complaint, objection and mediation offer passes the same rules, deadlines and
 * evidence log as a real one. Deterministic for a seed (docs/decisions.md: "Demo activity through the API").
 *
 * The demo accounts get random passwords, printed once in the log; a real deployment starts empty
 * (XINQIAO_AUTO_SEED=0) and never has them.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { Rng } from '../domain/prng.js';
import { createUserAsAdmin } from '../modules/accounts/register.service.js';
import { findUserById, updateUser } from '../modules/accounts/accounts.repository.js';
import { startSession } from '../modules/accounts/session.service.js';
import type { ServiceContext } from '../shared/context.js';
import { buildApp, type AppDeps } from './app.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A demo account, with its password (shown once). */
export interface DemoAccount { role: string; email: string; password: string; name: string }

interface Step { at: number; run: () => Promise<void> }

/** `t` if it falls between 09:00 and 18:00 Beijing time, else 09:30 of the next working morning. */
function workingHours(t: number): number {
  const hour = new Date(t + 8 * HOUR).getUTCHours();
  if (hour >= 9 && hour < 18) return t;
  const midnight = Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  return (hour < 9 ? midnight : midnight + DAY) + 9.5 * HOUR;
}

/** Generates the activity; returns the demo accounts and what was made. */
export async function generateDemoActivity(deps: AppDeps, options: { seed?: number; cases?: number; now?: Date } = {}) {
  const rng = new Rng(options.seed ?? 20261123);
  const end = (options.now ?? new Date()).getTime();
  const start = end - 330 * DAY;
  let now = start;
  const clock = () => new Date(now);
  const app = await buildApp({ ...deps, logger: false, clock });
  const db = deps.database.db;
  const ctx: ServiceContext = { db, dialect: deps.database.dialect, actor: { kind: 'system', name: 'demo' }, clock, log: pino({ level: 'silent' }) };
  try {
    // Agencies that can be commissioned: filed, recommended, with a published fee schedule.
    const agencies = await db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id')
      .select(['agencies.id', 'enterprises.credit_code', 'enterprises.name'])
      .where('agencies.status', '=', 'filed').where('agencies.recommended', '=', 1)
      .where((eb) => eb.exists(eb.selectFrom('agency_fee_schedules').select('agency_fee_schedules.id').whereRef('agency_fee_schedules.agency_id', '=', 'agencies.id')))
      .orderBy('agencies.id').limit(4).execute();
    if (agencies.length === 0) return { accounts: [], cases: 0 };
    const agencyCodes = new Set(agencies.map((a) => a.credit_code));
    const debtors = (await db.selectFrom('enterprises').select(['credit_code', 'name']).where('status', '=', 'active').orderBy('id', 'desc').limit(400).execute()).filter((e) => !agencyCodes.has(e.credit_code));
    const troubled = debtors[0]!; // the debtor with an account: objects, negotiates

    const accounts: DemoAccount[] = [];
    const users = new Map<string, number>();
    const account = async (key: string, role: 'creditor' | 'agency' | 'debtor' | 'regulator' | 'mediator', name: string, creditCode?: string) => {
      const password = randomBytes(9).toString('base64url');
      const email = `${key}@demo.xinqiao.local`;
      const { id } = await createUserAsAdmin(ctx, { email, password, displayName: name, role, enterpriseCreditCode: creditCode });
      if (creditCode) await updateUser(db, id, { verification_status: 'verified' });
      users.set(key, id);
      accounts.push({ role, email, password, name });
    };
    const creditorNames = ['苏州恒远纺织有限公司', '连云港海韵贸易有限公司', '苏州锦程建材有限公司'];
    for (const [i, name] of creditorNames.entries()) await account(`creditor${i + 1}`, 'creditor', name);
    for (const [i, a] of agencies.entries()) await account(`agency${i + 1}`, 'agency', a.name, a.credit_code);
    await account('debtor', 'debtor', troubled.name, troubled.credit_code);
    await account('regulator', 'regulator', '市信用办');
    await account('mediator', 'mediator', '人民调解员 周敏');

    // Sessions are started at the moment of each request, as if the person had just signed in.
    const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) => {
      const user = (await findUserById(db, users.get(who)!))!;
      const { session } = await startSession(db, user, { ip: '127.0.0.1', userAgent: 'demo', mfaPassed: true }, clock());
      const res = await app.inject({ method, url: `/api/v1${url}`, headers: { cookie: `xq_session=${session.cookieValue}`, 'x-csrf-token': session.csrfToken, ...headers }, ...(payload ? { payload } : {}) });
      if (res.statusCode >= 400) throw new Error(`demo activity: ${method} ${url} as ${who} → ${res.statusCode} ${res.body}`);
      return res.json() as Record<string, any>;
    };

    const steps: Step[] = [];
    const at = (t: number, run: () => Promise<void>) => steps.push({ at: t, run });
    // Working hours in Beijing (the compliance engine refuses contact at night).
    const daytime = (t: number) => Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR + (9 + rng.int(0, 8)) * HOUR + rng.int(0, 59) * 60_000;
    const count = options.cases ?? 60;
    for (let i = 0; i < count; i++) {
      const opened = start + Math.floor((i * (end - start - 60 * DAY)) / count) + rng.int(0, 3) * DAY;
      const creditor = `creditor${(i % creditorNames.length) + 1}`;
      const agencyIndex = i % agencies.length;
      const agencyKey = `agency${agencyIndex + 1}`;
      const outcome = rng.weighted([['repaid', 40], ['mediation', 20], ['complaint', 15], ['objection', 10], ['open', 15]] as const);
      const debtor = outcome === 'mediation' || outcome === 'objection' ? troubled : rng.pick(debtors);
      const principalFen = outcome === 'mediation' ? rng.int(80, 450) * 10_000 : rng.int(80, 3000) * 10_000;
      const state: { caseId?: number; eventId?: number; complaintId?: number; objectionId?: number; offerId?: number } = {};
      at(daytime(opened), async () => {
        const debt = await call(creditor, 'POST', '/debts', { debtor: { kind: 'enterprise', creditCode: debtor.credit_code }, principalFen, dueOn: new Date(opened - rng.int(20, 200) * DAY).toISOString().slice(0, 10), description: rng.pick(['货款', '加工费', '工程款', '服务费']) });
        state.caseId = (await call(creditor, 'POST', '/cases', { debtId: debt.id, agencyId: agencies[agencyIndex]!.id })).id;
        await call(creditor, 'POST', `/cases/${state.caseId}/sign`, { acceptAgreement: true, authorisePersonalInformation: true });
      });
      const active = daytime(opened + 2 * DAY);
      at(active, async () => {
        // Reading the case ends a finished cooling-off; if signing ran late, wait for the period to end.
        const c = await call(creditor, 'GET', `/cases/${state.caseId}`);
        if (c.status === 'cooling_off') {
          now = workingHours(Date.parse(c.coolingOff.endsAt) + HOUR);
          await call(creditor, 'GET', `/cases/${state.caseId}`);
        }
        await call(agencyKey, 'POST', `/cases/${state.caseId}/events`, { kind: 'investigation_report', notes: '已核实债务人登记信息、经营状态及联系方式。' });
        const letter = await call(agencyKey, 'POST', `/cases/${state.caseId}/events`, { kind: 'collection_letter', notes: '寄送催款函，列明欠款金额及还款期限。', contact: { target: 'debtor', connected: true } });
        state.eventId = letter.id;
      });
      at(daytime(active + 3 * DAY), async () => {
        await call(agencyKey, 'POST', `/cases/${state.caseId}/events`, { kind: 'call', notes: '电话沟通还款安排，对方表示将尽快筹款。', contact: { target: 'debtor', connected: true } });
      });
      const later = active + rng.int(10, 40) * DAY;
      if (outcome === 'repaid') {
        const first = Math.round(principalFen * rng.int(3, 6) / 10);
        at(daytime(later), async () => { await call(agencyKey, 'POST', `/cases/${state.caseId}/payments`, { amountFen: first, receivedAt: clock().toISOString() }, { 'idempotency-key': `demo-${i}-1` }); });
        const last = later + rng.int(15, 80) * DAY;
        if (last < end) {
          at(daytime(last), async () => {
            await call(agencyKey, 'POST', `/cases/${state.caseId}/payments`, { amountFen: principalFen - first, receivedAt: clock().toISOString() }, { 'idempotency-key': `demo-${i}-2` });
            await call(creditor, 'POST', `/cases/${state.caseId}/ratings`, { score: rng.int(3, 5), comment: '沟通及时，回款顺利。' });
          });
        }
      } else if (outcome === 'mediation') {
        const proposed = daytime(later);
        const agrees = rng.chance(0.75);
        const pays = rng.chance(0.7); // of those who agree, most keep to the plan
        at(proposed, async () => {
          await call('mediator', 'POST', `/cases/${state.caseId}/mediator`);
          const offer = await call('mediator', 'POST', `/cases/${state.caseId}/mediation/offers`, { disputeType: 'goods_payment', situation: rng.pick(['cooperative', 'hardship']), kind: rng.chance(0.5) ? 'instalments' : 'lump_sum', monthlyCapacityFen: Math.max(100_000, Math.round(principalFen / rng.int(3, 8))), discountBps: rng.int(3, 10) * 100 });
          state.offerId = offer.id;
          if (agrees) await call(creditor, 'POST', `/cases/${state.caseId}/mediation/offers/${offer.id}/accept`);
        });
        // The debtor answers a day or two later (within the 3-working-day deadline).
        at(daytime(proposed + rng.int(1, 2) * DAY), async () => {
          if (!agrees) {
            await call('debtor', 'POST', `/cases/${state.caseId}/mediation/offers/${state.offerId}/reject`);
            await call('mediator', 'POST', `/cases/${state.caseId}/mediation/end`, { reason: '双方对还款金额分歧较大，调解不成' });
            return;
          }
          await call('debtor', 'POST', `/cases/${state.caseId}/mediation/offers/${state.offerId}/accept`);
          const plan = (await call(creditor, 'GET', `/cases/${state.caseId}/mediation`)).items[0].plan as { kind: string; payFen?: number; dueOn?: string; instalments?: Array<{ n: number; dueOn: string; amountFen: number }> };
          const schedule = plan.kind === 'lump_sum' ? [{ n: 1, dueOn: plan.dueOn!, amountFen: plan.payFen! }] : plan.instalments!;
          // Each instalment is paid on the morning of its due day; a debtor who stops paying misses the second.
          for (const inst of pays ? schedule : schedule.slice(0, 1)) {
            at(Date.parse(`${inst.dueOn}T10:00:00+08:00`), async () => {
              await call(agencyKey, 'POST', `/cases/${state.caseId}/payments`, { amountFen: inst.amountFen, receivedAt: clock().toISOString(), notes: `调解协议第 ${inst.n} 期` }, { 'idempotency-key': `demo-${i}-m${inst.n}` });
            });
          }
        });
      } else if (outcome === 'complaint') {
        const filed = daytime(later);
        at(filed, async () => {
          state.complaintId = (await call(creditor, 'POST', '/complaints', { caseId: state.caseId, text: '催收进展未按约定每周告知，多次询问无人答复。' })).id;
        });
        // Most agencies answer within the 48 hours; some do not.
        at(filed + (rng.chance(0.8) ? rng.int(2, 30) : rng.int(50, 90)) * HOUR, async () => {
          await call(agencyKey, 'POST', `/complaints/${state.complaintId}/response`, { response: '已指定专人跟进，今后每周书面告知进展。' });
        });
      } else if (outcome === 'objection') {
        const filed = daytime(later);
        at(filed, async () => {
          state.objectionId = (await call('debtor', 'POST', `/cases/${state.caseId}/events/${state.eventId}/objections`, { reason: '催款函所列金额未扣除已支付的部分货款。' })).id;
        });
        at(filed + rng.int(1, rng.chance(0.85) ? 3 : 7) * DAY, async () => {
          const corrected = rng.chance(0.5);
          await call('regulator', 'POST', `/objections/${state.objectionId}/decision`, corrected ? { outcome: 'corrected', reason: '经核对付款凭证，异议部分成立。', correction: '欠款金额按已付款项调整。' } : { outcome: 'upheld', reason: '经核对合同及送货单，记载无误。' });
        });
      }
    }
    // Steps may add later steps (instalments once a plan is agreed), so always take the earliest one left.
    for (;;) {
      steps.sort((a, b) => a.at - b.at);
      const step = steps.shift();
      if (!step || step.at >= end) break;
      // An earlier step may have moved the clock on (a late answer); contacts still happen in working hours.
      now = step.at >= now ? step.at : workingHours(now);
      await step.run();
    }
    return { accounts, cases: count };
  } finally {
    await app.close();
  }
}

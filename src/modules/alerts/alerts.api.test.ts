/** Watchlists, deduplicated and withdrawn alerts, signed webhook deliveries from a durable outbox — on every dialect. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/accounts.js';
import { testApp, testContext, TEST_PII } from '../../../test/factories.js';
import { partyClient } from '../../../test/sessions.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { verifyWebhook } from '../../domain/webhook-signature.js';
import { evaluateAlerts } from './alerts.service.js';
import { deliverWebhooks } from './webhooks.service.js';

describe.each(TEST_DIALECTS)('alerts on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = new Date('2026-11-23T04:00:00Z');
  const ids = {} as Record<'partner', number>;
  const api = partyClient<'partner'>(() => app, () => database, ids, () => now);
  let receiver: http.Server;
  let url: string;
  const received: Array<{ id: string; body: string; verdict: string | null }> = [];
  let failNext = 0;
  let secret = '';
  let target: { id: number; credit_code: string };
  const ctx = () => ({ ...testContext(database), clock: () => now });

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 300);
    app = await testApp(database, undefined, undefined, {}, undefined, { clock: () => now });
    ids.partner = (await createUser(database, 'partner')).id;
    target = await database.db.selectFrom('enterprises').select(['id', 'credit_code']).where('id', 'not in', database.db.selectFrom('dishonest_entries').select('enterprise_id')).where('id', 'not in', database.db.selectFrom('abnormal_entries').select('enterprise_id')).orderBy('id').limit(1).executeTakeFirstOrThrow();
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end();
          return;
        }
        received.push({ id: String(req.headers['x-xinqiao-delivery']), body, verdict: verifyWebhook(secret, { timestamp: req.headers['x-xinqiao-timestamp'] as string, signature: req.headers['x-xinqiao-signature'] as string }, body, Math.floor(now.getTime() / 1000)) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((r) => receiver?.close(r));
    await app?.close();
    await database?.destroy();
  });

  it('refuses invalid codes by position and non-https webhooks', async () => {
    const r = await api.post('/watchlist', 'partner', { items: [{ creditCode: target.credit_code }, { creditCode: '91320500MA1XXXXXX0' }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('body.items.1.creditCode');
    expect((await api.post('/webhooks', 'partner', { url: 'http://example.cn/hook' })).statusCode).toBe(400);
  });

  it('raises one alert per new listing, delivers it signed, once, and withdraws it when the listing goes', async () => {
    const hook = (await api.post('/webhooks', 'partner', { url })).json();
    secret = hook.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify((await api.get('/webhooks', 'partner')).json())).not.toContain(secret);
    expect((await api.post('/watchlist', 'partner', { items: [{ creditCode: target.credit_code, label: '主要供应商' }] })).json()).toMatchObject({ added: 1, alertsRaised: 0 });
    const fetched = now.toISOString();
    const entry = await database.db.insertInto('dishonest_entries').values({ enterprise_id: target.id, case_number: '（2026）苏0508执9999号', court: '苏州市姑苏区人民法院', obligation: '支付货款', performance: 'unperformed', listed_on: '2026-11-20', removed_on: null, source: 'test-feed', fetched_at: fetched }).returning('id').executeTakeFirstOrThrow();
    expect(await evaluateAlerts(ctx())).toEqual({ raised: 1, withdrawn: 0 });
    expect(await evaluateAlerts(ctx())).toEqual({ raised: 0, withdrawn: 0 });
    const alerts = (await api.get('/alerts', 'partner')).json().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'dishonest', record: { kind: 'dishonest', id: entry.id }, status: 'active' });
    // The receiver is down for the first attempt: the delivery stays in the outbox and is retried after its backoff.
    failNext = 1;
    expect(await deliverWebhooks(ctx(), TEST_PII)).toBe(0);
    expect(await deliverWebhooks(ctx(), TEST_PII)).toBe(0); // not due yet
    now = new Date(now.getTime() + 61_000);
    expect(await deliverWebhooks(ctx(), TEST_PII)).toBe(1);
    expect(await deliverWebhooks(ctx(), TEST_PII)).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.verdict).toBeNull();
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'alert.created', alert: { creditCode: target.credit_code, rule: 'dishonest', record: { kind: 'dishonest', id: entry.id } } });
    // A tampered body does not verify.
    expect(verifyWebhook(secret, { timestamp: String(Math.floor(now.getTime() / 1000)), signature: 'v1=00' }, received[0]!.body, Math.floor(now.getTime() / 1000))).toMatch(/does not match/);
    const log = (await api.get('/webhooks/deliveries', 'partner')).json().items;
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 204 });
    // Delisted: the alert is withdrawn, and the partner hears that too.
    await database.db.updateTable('dishonest_entries').set({ removed_on: '2026-11-23' }).where('id', '=', entry.id).execute();
    expect(await evaluateAlerts(ctx())).toEqual({ raised: 0, withdrawn: 1 });
    expect((await api.get('/alerts?status=withdrawn', 'partner')).json().items[0].withdrawnReason).toMatch(/removed/);
    expect(await deliverWebhooks(ctx(), TEST_PII)).toBe(1);
    expect(JSON.parse(received[1]!.body).event).toBe('alert.withdrawn');
    const day = (await api.get('/alerts/digest?date=2026-11-23', 'partner')).json();
    expect(day.raised[0]).toMatchObject({ rule: 'dishonest', count: 1 });
    expect(day.withdrawn[0]).toMatchObject({ rule: 'dishonest', count: 1 });
  });

  it('keeps pending deliveries across a restart and sends each exactly once afterwards', async () => {
    await database.db.insertInto('abnormal_entries').values({ enterprise_id: target.id, reason: '通过登记的住所无法联系', listed_on: '2026-11-01', listed_by: '苏州市市场监督管理局', removed_on: null, removal_reason: null, source: 'test-feed', fetched_at: now.toISOString() }).execute();
    // An abnormal listing older than its expiry raises nothing.
    await database.db.insertInto('abnormal_entries').values({ enterprise_id: target.id, reason: '未按规定公示年报', listed_on: '2021-06-01', listed_by: '苏州市市场监督管理局', removed_on: null, removal_reason: null, source: 'test-feed', fetched_at: now.toISOString() }).execute();
    expect(await evaluateAlerts(ctx())).toEqual({ raised: 1, withdrawn: 0 });
    // The server stops before delivering; a fresh one starts.
    await app.close();
    app = await testApp(database, undefined, undefined, {}, undefined, { clock: () => now });
    const before = received.length;
    expect(await deliverWebhooks(ctx(), TEST_PII)).toBe(1);
    expect(await deliverWebhooks(ctx(), TEST_PII)).toBe(0);
    expect(received.length).toBe(before + 1);
    expect(JSON.parse(received.at(-1)!.body).alert.rule).toBe('abnormal');
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length);
  });
});

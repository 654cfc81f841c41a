/** Individuals' data masked by default and logged when unmasked; data requests with working-day deadlines; export; retention. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../../../test/accounts.js';
import { randomBytes } from 'node:crypto';
import { testApp, testContext, TEST_PII, TEST_PII_INDEX_KEY, TEST_PII_KEY } from '../../../test/factories.js';
import { PiiCipher } from './pii-cipher.js';
import { rotatePersonKeys } from './persons.service.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import * as registry from '../registry/registry.service.js';

describe.each(TEST_DIALECTS)('personal information on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let personId: number;
  let subject: { id: number; h: Record<string, string> };

  const headersFor = async (userId: number) => {
    const s = await sessionFor(database, userId);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  };

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 300);
    app = await testApp(database);
    admin = await headersFor((await createUser(database, 'regulator')).id);
    const created = await app.inject({ method: 'POST', url: '/api/v1/admin/persons', headers: admin, payload: { name: '王小明', idNumber: '11010519491231002x', phone: '13812345678', address: '江苏省苏州市姑苏区人民路100号3幢201室' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ idNumber: '1101**********002X', phone: '138****5678', address: '江苏省苏州市姑苏区****', masked: true });
    personId = created.json().id;
    const u = await createUser(database, 'debtor');
    await app.inject({ method: 'POST', url: `/api/v1/admin/persons/${personId}/link`, headers: admin, payload: { userId: u.id } });
    subject = { id: u.id, h: await headersFor(u.id) };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('stores the fields encrypted', async () => {
    const row = await database.db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/11010519491231002X|13812345678|人民路/);
    expect(TEST_PII.decrypt(row.id_number_enc)).toBe('11010519491231002X');
  });

  it('rejects an invalid ID number and a duplicate person', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/v1/admin/persons', headers: admin, payload: { name: 'x', idNumber: '110105194912310021' } });
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.idNumber', detail: 'check_character_mismatch' });
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/persons', headers: admin, payload: { name: 'y', idNumber: '11010519491231002X' } })).statusCode).toBe(409);
  });

  it('masks for a regulator without a purpose, unmasks with one and logs it; other roles are refused', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: admin })).json()).toMatchObject({ idNumber: '1101**********002X', masked: true });
    const full = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}?purpose=${encodeURIComponent('投诉 2026-77 身份核实')}`, headers: admin });
    expect(full.json()).toMatchObject({ idNumber: '11010519491231002X', phone: '13812345678', masked: false });
    const creditor = await headersFor((await createUser(database, 'creditor')).id);
    const refused = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: creditor });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('1101');
    expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(401);
  });

  it('shows the person their own data unmasked and who viewed it', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: subject.h })).json().masked).toBe(false);
    const log = await app.inject({ method: 'GET', url: '/api/v1/account/access-log', headers: subject.h });
    expect(log.statusCode).toBe(200);
    expect(log.json().items).toEqual([expect.objectContaining({ viewerRole: 'regulator', purpose: '投诉 2026-77 身份核实', fields: ['idNumber', 'phone', 'address'] })]);
  });

  it('tracks data requests with a 15-working-day deadline and refuses only with reasons', async () => {
    const made = await app.inject({ method: 'POST', url: '/api/v1/account/data-requests', headers: subject.h, payload: { kind: 'correction', details: '住址已变更为苏州市吴中区' } });
    expect(made.statusCode).toBe(201);
    // 2026-11-23 (Mon) + 15 working days = 2026-12-14.
    expect(made.json()).toMatchObject({ status: 'open', dueOn: '2026-12-14', deadline: '2026-12-14T23:59:59+08:00' });
    const open = await app.inject({ method: 'GET', url: '/api/v1/admin/data-requests', headers: admin });
    expect(open.json().items[0]).toMatchObject({ id: made.json().id, overdue: false });
    const noReason = await app.inject({ method: 'POST', url: `/api/v1/admin/data-requests/${made.json().id}`, headers: admin, payload: { decision: 'refused', reason: 'no' } });
    expect(noReason.json().errors[0].field).toBe('body.reason');
    const refused = await app.inject({ method: 'POST', url: `/api/v1/admin/data-requests/${made.json().id}`, headers: admin, payload: { decision: 'refused', reason: '请提供新住址的证明材料后重新申请' } });
    expect(refused.json()).toMatchObject({ status: 'refused', outcomeReason: '请提供新住址的证明材料后重新申请' });
    const mine = await app.inject({ method: 'GET', url: '/api/v1/account/data-requests', headers: subject.h });
    expect(mine.json().items[0].outcomeReason).toContain('证明材料');
    expect((await app.inject({ method: 'POST', url: `/api/v1/admin/data-requests/${made.json().id}`, headers: admin, payload: { decision: 'completed', reason: 'again' } })).statusCode).toBe(409);
  });

  it('exports everything about the subject as JSON', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/account/export', headers: subject.h });
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json();
    expect(data.person).toMatchObject({ name: '王小明', idNumber: '11010519491231002X' });
    expect(data.dataRequests).toHaveLength(1);
    expect(data.accessesToMyPersonalInformation).toHaveLength(1);
    expect(JSON.stringify(data.sessions)).not.toContain('id_hash');
  });

  it('rotates keys: re-encrypts with the new key, old key no longer needed', async () => {
    const next = { id: 'test2', key: randomBytes(32) };
    const ring = new PiiCipher([next, TEST_PII_KEY], TEST_PII_INDEX_KEY);
    expect(await rotatePersonKeys(testContext(database), ring)).toBeGreaterThanOrEqual(1);
    expect(await rotatePersonKeys(testContext(database), ring)).toBe(0);
    const row = await database.db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(new PiiCipher([next], TEST_PII_INDEX_KEY).decrypt(row.id_number_enc)).toBe('11010519491231002X');
    // Put the test key back so later tests (and the running app) can read the rows.
    await rotatePersonKeys(testContext(database), new PiiCipher([TEST_PII_KEY, next], TEST_PII_INDEX_KEY));
  });

  it('withdraws negative records after 5 years and delisted debtors at once', async () => {
    const ctx = testContext(database);
    const hit = (await registry.search(ctx, { q: '苏州鑫隆商账管理有限公司', page: 1, pageSize: 1 })).items[0]!;
    await database.db.insertInto('penalties').values({ enterprise_id: hit.id, decision_number: 'OLD-2019-1', authority: 'x', reason: 'old', content: '警告', amount_fen: 0, decided_on: '2019-06-01', source: 'test', fetched_at: '2026-01-01T00:00:00Z' }).execute();
    await database.db.updateTable('dishonest_entries').set({ removed_on: '2026-11-20' }).where('enterprise_id', '=', hit.id).execute();
    const before = await registry.getEnterprise(ctx, hit.id);
    expect(before.records.penalties.map((p) => p.decisionNumber)).toContain('OLD-2019-1');
    const run = await app.inject({ method: 'POST', url: '/api/v1/admin/retention/run', headers: admin });
    expect(run.json().withdrawn.dishonest_entries).toBe(1);
    expect(run.json().withdrawn.penalties).toBeGreaterThanOrEqual(1); // ours, and demo penalties older than 5 years
    const after = await registry.getEnterprise(ctx, hit.id);
    expect(after.records.penalties.map((p) => p.decisionNumber)).not.toContain('OLD-2019-1');
    expect(after.records.dishonest).toHaveLength(0);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/retention/run', headers: admin })).json().withdrawn).toMatchObject({ penalties: 0, dishonest_entries: 0 });
  });
});

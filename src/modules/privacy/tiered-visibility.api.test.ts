/** Tiered visibility of open lawsuits, related parties, the access log and "who viewed my data" — on every dialect. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResidentId } from '../../domain/resident-id.js';
import { createUser, sessionFor } from '../../../test/accounts.js';
import { testApp, testContext } from '../../../test/factories.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import * as registry from '../registry/registry.service.js';

describe.each(TEST_DIALECTS)('tiered visibility on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let hengxin: { id: number; creditCode: string };

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 400);
    app = await testApp(database);
    const hit = (await registry.search(testContext(database), { q: '苏州恒信商务咨询有限公司', page: 1, pageSize: 1 })).items[0]!;
    hengxin = { id: hit.id, creditCode: hit.creditCode };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  async function as(role: 'enterprise_verified' | 'regulator' | 'debtor' | 'creditor', creditCode?: string) {
    const u = await createUser(database, role);
    if (creditCode) await database.db.updateTable('users').set({ enterprise_credit_code: creditCode, verification_status: 'verified' }).where('id', '=', u.id).execute();
    const s = await sessionFor(database, u.id);
    return { id: u.id, h: { cookie: s.cookie, 'x-csrf-token': s.csrf } };
  }
  const page = (h: Record<string, string> = {}, query = '') => app.inject({ method: 'GET', url: `/api/v1/enterprises/${hengxin.id}${query}`, headers: h });

  it('shows the public a count of open lawsuits, not their details', async () => {
    const body = (await page()).json();
    expect(body.records.openLawsuitCount).toBe(1);
    expect(body.records.openLawsuits).toBeNull();
    expect(body.access).toEqual({ tier: 'public', note: null, purpose: null });
    const creditor = await as('creditor');
    expect((await page(creditor.h)).json().records.openLawsuits).toBeNull();
  });

  it('shows a verified enterprise the open lawsuits of a declared related party, and logs the read', async () => {
    const ent = await as('enterprise_verified', '91350100M000100Y43');
    const before = (await page(ent.h)).json();
    expect(before.records.openLawsuits).toBeNull();
    expect(before.access.note).toMatch(/related party/);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/account/related-parties', headers: ent.h, payload: { creditCode: hengxin.creditCode, purpose: 'x' } });
    expect(bad.json().errors[0].field).toBe('body.purpose');
    expect((await app.inject({ method: 'POST', url: '/api/v1/account/related-parties', headers: ent.h, payload: { creditCode: '91350100M000100Y43', purpose: 'checking myself' } })).statusCode).toBe(400);
    const added = await app.inject({ method: 'POST', url: '/api/v1/account/related-parties', headers: ent.h, payload: { creditCode: hengxin.creditCode, purpose: '拟签订服务合同前的尽职调查' } });
    expect(added.statusCode).toBe(201);
    expect(added.json().name).toBe('苏州恒信商务咨询有限公司');
    expect((await app.inject({ method: 'POST', url: '/api/v1/account/related-parties', headers: ent.h, payload: { creditCode: hengxin.creditCode, purpose: 'again and again' } })).statusCode).toBe(409);
    const after = (await page(ent.h)).json();
    expect(after.records.openLawsuits).toHaveLength(1);
    expect(after.records.openLawsuits[0]).toMatchObject({ cause: '服务合同纠纷', role: 'defendant' });
    expect(after.access).toMatchObject({ tier: 'related_party', note: expect.stringContaining('尽职调查') });
    const log = await database.db.selectFrom('pii_access_log').selectAll().where('subject_key', '=', hengxin.creditCode).where('viewer_user_id', '=', ent.id).execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ viewer_role: 'enterprise_verified', purpose: '拟签订服务合同前的尽职调查' });
    expect(log[0]!.request_id).toBeTruthy();
  });

  it('makes a regulator state a purpose, and logs it', async () => {
    const reg = await as('regulator');
    const noPurpose = (await page(reg.h)).json();
    expect(noPurpose.records.openLawsuits).toBeNull();
    expect(noPurpose.access.note).toMatch(/purpose/);
    const withPurpose = (await page(reg.h, `?purpose=${encodeURIComponent('投诉核查 2026-118')}`)).json();
    expect(withPurpose.records.openLawsuits).toHaveLength(1);
    expect(withPurpose.access.tier).toBe('regulator');
  });

  it('lets the verified subject see its own records and who viewed them', async () => {
    const self = await as('debtor', hengxin.creditCode);
    const own = (await page(self.h)).json();
    expect(own.access.tier).toBe('self');
    expect(own.records.openLawsuits).toHaveLength(1);
    const viewed = await app.inject({ method: 'GET', url: '/api/v1/account/access-log', headers: self.h });
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json().subject).toBe(hengxin.creditCode);
    const roles = viewed.json().items.map((i: { viewerRole: string }) => i.viewerRole);
    expect(roles).toEqual(expect.arrayContaining(['enterprise_verified', 'regulator']));
    expect(roles).not.toContain('debtor'); // reading one's own data is not a third-party access
    const unverified = await as('creditor');
    expect((await app.inject({ method: 'GET', url: '/api/v1/account/access-log', headers: unverified.h })).statusCode).toBe(403);
  });

  it('never shows a resident ID or mobile number in any public response', async () => {
    const urls = ['/api/v1/search?q=%E8%8B%8F%E5%B7%9E&pageSize=100', '/api/v1/agencies?city=320500&pageSize=100', '/api/v1/stats', `/api/v1/enterprises/${hengxin.id}`];
    for (let id = 1; id <= 60; id++) urls.push(`/api/v1/enterprises/${id}`);
    for (const url of urls) {
      const body = (await app.inject({ method: 'GET', url })).body;
      for (const m of body.match(/\d{17}[\dX]/g) ?? []) expect(checkResidentId(m).valid, `${url}: ${m}`).toBe(false);
      expect(body, url).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    }
  });
});

/** Enterprise verification by a signed electronic business licence, end to end through the API. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../../../test/accounts.js';
import { testApp, testContext } from '../../../test/factories.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import * as registry from '../registry/registry.service.js';
import { generateIssuerKeys, signLicence } from './licence-verifier.js';

describe.each(TEST_DIALECTS)('enterprise verification on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let unconfigured: FastifyInstance;
  let dir: string;
  const issuer = generateIssuerKeys();
  const stranger = generateIssuerKeys();
  let target: { creditCode: string; name: string; legalRepresentative: string };

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 400);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-licence-'));
    const issuers = path.join(dir, 'licence-issuers.json');
    fs.writeFileSync(issuers, JSON.stringify({ issuers: { 'samr-demo': issuer.publicKey } }));
    app = await testApp(database, undefined, issuers);
    unconfigured = await testApp(database);
    const hit = (await registry.search(testContext(database), { q: '金鼎盛', page: 1, pageSize: 1 })).items[0]!;
    const detail = await registry.getEnterprise(testContext(database), hit.id);
    target = { creditCode: detail.creditCode, name: detail.name, legalRepresentative: detail.legalRepresentative };
  });
  afterAll(async () => {
    await app?.close();
    await unconfigured?.close();
    await database?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function enterpriseSession(code = target.creditCode) {
    const u = await createUser(database, 'enterprise');
    await database.db.updateTable('users').set({ enterprise_credit_code: code }).where('id', '=', u.id).execute();
    const s = await sessionFor(database, u.id);
    return { id: u.id, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } };
  }
  const licence = (over: Partial<typeof target> = {}) => ({ issuer: 'samr-demo', ...target, ...over, issuedAt: '2024-01-01T00:00:00+08:00', expiresAt: null });
  const submit = (a: FastifyInstance, headers: Record<string, string>, payload: unknown) => a.inject({ method: 'POST', url: '/api/v1/account/enterprise-verification', headers, payload: payload as object });

  it('verifies a matching licence and upgrades the account to the verified role', async () => {
    const e = await enterpriseSession();
    const res = await submit(app, e.headers, signLicence(licence(), issuer.privateKey));
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('verified');
    const account = await app.inject({ method: 'GET', url: '/api/v1/account', headers: e.headers });
    expect(account.json()).toMatchObject({ role: 'enterprise_verified', verificationStatus: 'verified' });
  });

  it('rejects altered, foreign-issuer and mismatching licences with reasons', async () => {
    const signed = signLicence(licence(), issuer.privateKey);
    const altered = { ...signed, licence: { ...signed.licence, name: '别的公司' } };
    expect((await submit(app, (await enterpriseSession()).headers, altered)).json()).toMatchObject({ status: 'rejected', reasons: [expect.stringMatching(/signature does not match/)] });
    expect((await submit(app, (await enterpriseSession()).headers, signLicence(licence(), stranger.privateKey))).json().status).toBe('rejected');
    const otherIssuer = signLicence({ ...licence(), issuer: 'unknown-bureau' }, issuer.privateKey);
    expect((await submit(app, (await enterpriseSession()).headers, otherIssuer)).json().reasons[0]).toMatch(/not one this platform trusts/);
    const wrongPerson = await submit(app, (await enterpriseSession()).headers, signLicence(licence({ legalRepresentative: '冒名顶替' }), issuer.privateKey));
    expect(wrongPerson.json()).toMatchObject({ status: 'rejected', reasons: [expect.stringMatching(/legal representative/)] });
    expect(JSON.stringify(wrongPerson.json())).not.toContain(target.legalRepresentative);
    const notMine = await submit(app, (await enterpriseSession('91350100M000100Y43')).headers, signLicence(licence(), issuer.privateKey));
    expect(notMine.json().reasons[0]).toMatch(/this account registered 91350100M000100Y43/);
    const garbage = await submit(app, (await enterpriseSession()).headers, { hello: 'world' });
    expect(garbage.json().status).toBe('rejected');
    expect(garbage.json().reasons).toEqual([expect.stringMatching(/^document\.licence/), expect.stringMatching(/^document\.signature/)]);
  });

  it('leaves the account pending for manual review when no issuer is configured; an administrator decides', async () => {
    const e = await enterpriseSession();
    const res = await submit(unconfigured, e.headers, signLicence(licence(), issuer.privateKey));
    expect(res.json()).toMatchObject({ status: 'pending', reasons: [expect.stringMatching(/administrator will review/)] });
    const admin = await createUser(database, 'regulator');
    const s = await sessionFor(database, admin.id);
    const h = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const pending = await unconfigured.inject({ method: 'GET', url: '/api/v1/admin/verifications', headers: h });
    expect(pending.json().items.map((u: { id: number }) => u.id)).toContain(e.id);
    const noReason = await unconfigured.inject({ method: 'POST', url: `/api/v1/admin/verifications/${e.id}`, headers: h, payload: { decision: 'verified', reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const decided = await unconfigured.inject({ method: 'POST', url: `/api/v1/admin/verifications/${e.id}`, headers: h, payload: { decision: 'verified', reason: 'Paper licence checked at the counter' } });
    expect(decided.json().status).toBe('verified');
  });
});

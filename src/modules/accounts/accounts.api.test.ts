/** Registration, sign-in, sessions, CSRF, lockout, two-factor and API tokens — on every dialect. */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../../../test/accounts.js';
import { testApp, testContext, TEST_NOW, TEST_PII } from '../../../test/factories.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { login } from './login.service.js';
import { currentTotpCode } from './mfa.service.js';

describe.each(TEST_DIALECTS)('accounts API on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const cookieOf = (res: { headers: Record<string, unknown> }) => {
    const raw = ([res.headers['set-cookie']].flat().filter(Boolean) as string[]).find((c) => c.startsWith('xq_session='));
    return raw ? raw.split(';')[0]! : null;
  };
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload: payload as object, headers });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await testApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('registers a creditor and signs them in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await post('/api/v1/auth/register', { email: 'Zhang.San@Example.cn', password: 'a long passphrase', displayName: '张三', role: 'creditor' });
    expect(res.statusCode).toBe(201);
    const setCookie = String([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('xq_session=')));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP in tests; Secure is added under HTTPS
    expect(res.json().account).toMatchObject({ email: 'zhang.san@example.cn', role: 'creditor' });
    const session = await get('/api/v1/auth/session', { cookie: cookieOf(res)! });
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('rejects duplicates, administrator-only roles and weak input with clear problems', async () => {
    const dup = await post('/api/v1/auth/register', { email: 'zhang.san@example.cn', password: 'another passphrase', displayName: 'x', role: 'creditor' });
    expect(dup.statusCode).toBe(409);
    const admin = await post('/api/v1/auth/register', { email: 'boss@example.cn', password: 'a long passphrase', displayName: 'x', role: 'regulator' });
    expect(admin.statusCode).toBe(403);
    expect(admin.json().errors[0].field).toBe('body.role');
    const short = await post('/api/v1/auth/register', { email: 'not-an-email', password: 'short', displayName: 'x', role: 'creditor' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.email', 'body.password']);
    const agency = await post('/api/v1/auth/register', { email: 'a@example.cn', password: 'a long passphrase', displayName: 'x', role: 'agency' });
    expect(agency.json().errors[0].field).toBe('body.enterpriseCreditCode');
    const guessable = await post('/api/v1/auth/register', { email: 'lisi.wang@example.cn', password: 'lisi.wang2024!', displayName: 'x', role: 'creditor' });
    expect(guessable.json().errors[0]).toEqual({ field: 'body.password', detail: 'contains the email name' });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await post('/api/v1/auth/login', { email: 'zhang.san@example.cn', password: 'not the password' });
    const unknown = await post('/api/v1/auth/login', { email: 'nobody@example.cn', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('delays progressively and locks after five failures, even for the right password', async () => {
    const u = await createUser(database, 'creditor');
    const ctx = testContext(database);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await login(ctx, { email: u.email, password: 'wrong password' }, { ip: null, userAgent: null, delayBaseMs: 100, cipher: TEST_PII });
      expect(r.ok).toBe(false);
      if (!r.ok) delays.push(r.delayMs);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1600]);
    const right = await post('/api/v1/auth/login', { email: u.email, password: u.password });
    expect(right.statusCode).toBe(401);
    expect(right.json().detail).toMatch(/locked until/);
  });

  it('issues a fresh session at sign-in (no fixation) and never honours a planted cookie', async () => {
    const u = await createUser(database, 'creditor');
    const planted = 'xq_session=attacker-chosen-value';
    const res = await post('/api/v1/auth/login', { email: u.email, password: u.password }, { cookie: planted });
    expect(res.statusCode).toBe(200);
    const fresh = cookieOf(res)!;
    expect(fresh).not.toBe(planted);
    expect((await get('/api/v1/auth/session', { cookie: planted })).statusCode).toBe(401);
    expect((await get('/api/v1/auth/session', { cookie: fresh })).statusCode).toBe(200);
  });

  it('requires the CSRF token for cookie-authenticated writes, then ends the session', async () => {
    const u = await createUser(database, 'creditor');
    const s = await sessionFor(database, u.id);
    const without = await post('/api/v1/auth/logout', {}, { cookie: s.cookie });
    expect(without.statusCode).toBe(403);
    expect(without.json().detail).toMatch(/CSRF/);
    const wrong = await post('/api/v1/auth/logout', {}, { cookie: s.cookie, 'x-csrf-token': 'nope' });
    expect(wrong.statusCode).toBe(403);
    expect((await post('/api/v1/auth/logout', {}, { cookie: s.cookie, 'x-csrf-token': s.csrf })).statusCode).toBe(204);
    const after = await get('/api/v1/auth/session', { cookie: s.cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toMatch(/expired or was ended/);
  });

  it('expired sessions get a clear 401; public pages still work and the cookie is cleared', async () => {
    const u = await createUser(database, 'creditor');
    const s = await sessionFor(database, u.id);
    await database.db.updateTable('sessions').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('user_id', '=', u.id).execute();
    const res = await get('/api/v1/account', { cookie: s.cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/session has expired/);
    const pub = await get('/api/v1/stats', { cookie: s.cookie });
    expect(pub.statusCode).toBe(200);
    expect(String(pub.headers['set-cookie'])).toMatch(/xq_session=;/);
  });

  it('remembers interface preferences with the account, changing only what is sent', async () => {
    const u = await createUser(database, 'debtor');
    const s = await sessionFor(database, u.id);
    const h = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    expect((await get('/api/v1/auth/session', { cookie: s.cookie })).json().account.preferences).toEqual({ language: null, elderlyMode: false });
    const put = (payload: object) => app.inject({ method: 'PUT', url: '/api/v1/account/preferences', headers: h, payload });
    expect((await put({ elderlyMode: true })).json()).toEqual({ language: null, elderlyMode: true });
    expect((await put({ language: 'zh-TW' })).json()).toEqual({ language: 'zh-TW', elderlyMode: true });
    const bad = await put({ language: 'fr', fontSize: 40 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect((await get('/api/v1/account', { cookie: s.cookie })).json().preferences).toEqual({ language: 'zh-TW', elderlyMode: true });
  });

  it('logs out everywhere', async () => {
    const u = await createUser(database, 'creditor');
    const a = await sessionFor(database, u.id);
    const b = await sessionFor(database, u.id);
    const res = await post('/api/v1/auth/logout-all', {}, { cookie: a.cookie, 'x-csrf-token': a.csrf });
    expect(res.json().revoked).toBe(2);
    expect((await get('/api/v1/account', { cookie: b.cookie })).statusCode).toBe(401);
  });

  it('makes agencies set up TOTP before acting, then requires the code at sign-in', async () => {
    const reg = await post('/api/v1/auth/register', { email: 'agency@example.cn', password: 'port city passphrase', displayName: '金鼎盛', role: 'agency', enterpriseCreditCode: '91350100m000100y43' });
    expect(reg.statusCode).toBe(201);
    const cookie = cookieOf(reg)!;
    const csrf = reg.json().csrfToken as string;
    expect(reg.json().account).toMatchObject({ mfaSatisfied: false, enterpriseCreditCode: '91350100M000100Y43' });
    expect((await get('/api/v1/search?q=jds', { cookie })).statusCode).toBe(200); // public data stays public
    const setup = await post('/api/v1/account/totp/setup', {}, { cookie, 'x-csrf-token': csrf });
    expect(setup.statusCode).toBe(200);
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\//);
    const bad = await post('/api/v1/account/totp/enable', { code: '000000' }, { cookie, 'x-csrf-token': csrf });
    expect(bad.statusCode).toBe(400);
    const code = currentTotpCode(setup.json().secret, TEST_NOW);
    expect((await post('/api/v1/account/totp/enable', { code }, { cookie, 'x-csrf-token': csrf })).statusCode).toBe(204);
    expect((await get('/api/v1/account', { cookie })).json().mfaSatisfied).toBe(true);
    const stored = await database.db.selectFrom('users').select('totp_secret').where('email', '=', 'agency@example.cn').executeTakeFirstOrThrow();
    expect(stored.totp_secret).not.toContain(setup.json().secret); // sealed at rest
    const noCode = await post('/api/v1/auth/login', { email: 'agency@example.cn', password: 'port city passphrase' });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().errors[0].field).toBe('body.totp');
    const withCode = await post('/api/v1/auth/login', { email: 'agency@example.cn', password: 'port city passphrase', totp: code });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().account.mfaSatisfied).toBe(true);
  });

  it('issues scoped, revocable API tokens to partner institutions, stored only as digests', async () => {
    const admin = await createUser(database, 'regulator');
    const s = await sessionFor(database, admin.id);
    const h = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const partner = await post('/api/v1/admin/users', { email: 'bank@example.cn', password: 'partner passphrase', displayName: '苏州银行', role: 'partner' }, h);
    expect(partner.statusCode).toBe(201);
    const notPartner = await post('/api/v1/admin/tokens', { userId: admin.id, name: 'x', scopes: ['registry:read'] }, h);
    expect(notPartner.statusCode).toBe(400);
    const issued = await post('/api/v1/admin/tokens', { userId: partner.json().id, name: 'risk feed', scopes: ['registry:read'] }, h);
    expect(issued.statusCode).toBe(201);
    const token = issued.json().token as string;
    const stored = await database.db.selectFrom('api_tokens').selectAll().where('id', '=', issued.json().id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(3));
    const bearer = { authorization: `Bearer ${token}` };
    expect((await get('/api/v1/search?q=abc', bearer)).statusCode).toBe(200);
    const outOfScope = await get('/api/v1/credit-codes/91350100M000100Y43', bearer);
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json().detail).toContain('registry:check-code');
    expect((await get('/api/v1/admin/users', bearer)).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/admin/tokens/${issued.json().id}`, headers: h })).statusCode).toBe(204);
    const revoked = await get('/api/v1/search?q=abc', bearer);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().detail).toMatch(/revoked/);
  });

  it('refuses oversized bodies with 413 problem+json before parsing them', async () => {
    const res = await post('/api/v1/auth/login', { email: 'x@example.cn', password: 'p'.repeat(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('property: arbitrary login input and bearer tokens are refused cleanly, never with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), fc.string({ maxLength: 200 }), async (email, password, bearer) => {
        const res = await post('/api/v1/auth/login', { email, password });
        expect([400, 401]).toContain(res.statusCode);
        const tok = await app.inject({ method: 'GET', url: '/api/v1/stats', headers: { authorization: `Bearer ${bearer.replace(/[^\x20-\x7e]/g, '')}` } });
        expect([200, 401]).toContain(tok.statusCode);
      }),
      { numRuns: 40 },
    );
  });
});

/** Rate limits: anonymous search is limited per IP, accounts per account, and Redis shares counters across processes. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../../test/accounts.js';
import { testApp } from '../../test/factories.js';
import { createSeededDatabase, type TestDatabase } from '../../test/test-database.js';

const REDIS = process.env.XINQIAO_TEST_REDIS_URL || null;
if (process.env.XINQIAO_REQUIRE_REDIS === '1' && !REDIS) throw new Error('XINQIAO_REQUIRE_REDIS=1 but XINQIAO_TEST_REDIS_URL is not set.');
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('rate limits', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createSeededDatabase('sqlite', 300);
    app = await testApp(database, undefined, undefined, { anonymousSearchPerMinute: 3, anonymousPerMinute: 5, userPerMinute: 8 });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('limits anonymous search per IP with a 429 problem and Retry-After', async () => {
    const ip = randomIp();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'GET', url: '/api/v1/search?q=jds', remoteAddress: ip })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await app.inject({ method: 'GET', url: '/api/v1/search?q=jds', remoteAddress: ip });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/limit is 3 per minute/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Other API routes have their own, larger bucket; another IP is unaffected.
    expect((await app.inject({ method: 'GET', url: '/api/v1/stats', remoteAddress: ip })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/search?q=jds', remoteAddress: randomIp() })).statusCode).toBe(200);
  });

  it('limits a signed-in account as an account, wherever it connects from', async () => {
    const u = await createUser(database, 'creditor');
    const s = await sessionFor(database, u.id);
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) codes.push((await app.inject({ method: 'GET', url: '/api/v1/search?q=jds', remoteAddress: randomIp(), headers: { cookie: s.cookie } })).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 200)).toBe(true);
    expect(codes[8]).toBe(429);
  });

  it('does not limit the web app or health checks', async () => {
    const ip = randomIp();
    for (let i = 0; i < 10; i++) expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: ip })).statusCode).toBe(200);
  });

  describe.skipIf(!REDIS)('shared through Redis', () => {
    it('counts requests to two server instances together', async () => {
      const a = await testApp(database, undefined, undefined, { anonymousSearchPerMinute: 4, redisUrl: REDIS });
      const b = await testApp(database, undefined, undefined, { anonymousSearchPerMinute: 4, redisUrl: REDIS });
      try {
        const ip = randomIp();
        const codes: number[] = [];
        for (const app of [a, b, a, b, a]) codes.push((await app.inject({ method: 'GET', url: '/api/v1/search?q=jds', remoteAddress: ip })).statusCode);
        expect(codes).toEqual([200, 200, 200, 200, 429]);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});

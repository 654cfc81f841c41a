/** The public answer cache: anonymous GETs only, cleared by any successful write and by jobs, never across an invalidation. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../../test/accounts.js';
import { testApp } from '../../test/factories.js';
import { createSeededDatabase, type TestDatabase } from '../../test/test-database.js';
import { notifyDataChanged } from '../shared/data-changes.js';
import { ResponseCache } from './response-cache.js';

describe('response cache', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createSeededDatabase('sqlite', 200);
    app = await testApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });
  const anon = (url: string) => app.inject({ method: 'GET', url });

  it('serves anonymous readers from the cache and never signed-in ones', async () => {
    expect((await anon('/api/v1/stats')).headers['x-cache']).toBe('miss');
    const hit = await anon('/api/v1/stats');
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.headers['content-type']).toMatch(/application\/json/);
    expect(hit.json()).toEqual((await anon('/api/v1/stats')).json());
    const s = await sessionFor(database, (await createUser(database, 'creditor')).id);
    expect((await app.inject({ method: 'GET', url: '/api/v1/stats', headers: { cookie: s.cookie } })).headers['x-cache']).toBeUndefined();
    // Errors and uncached routes are not stored.
    expect((await anon('/api/v1/enterprises/999999999')).headers['x-cache']).toBeUndefined();
  });

  it('is cleared by a successful write and by a scheduled job, not by a refused one', async () => {
    await anon('/api/v1/cities');
    expect((await anon('/api/v1/cities')).headers['x-cache']).toBe('hit');
    const refused = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.cn', password: 'wrong password' } });
    expect(refused.statusCode).toBe(401);
    expect((await anon('/api/v1/cities')).headers['x-cache']).toBe('hit');
    const u = await createUser(database, 'creditor', 'writer@example.cn', 'correct horse battery');
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'writer@example.cn', password: 'correct horse battery' } })).statusCode).toBe(200);
    expect(u.id).toBeGreaterThan(0);
    expect((await anon('/api/v1/cities')).headers['x-cache']).toBe('miss');
    notifyDataChanged();
    expect((await anon('/api/v1/cities')).headers['x-cache']).toBe('miss');
  });

  it('does not store an answer computed across an invalidation', () => {
    const cache = new ResponseCache();
    const started = cache.generation;
    cache.invalidate();
    cache.set('/x', { body: 'old', type: 'application/json' }, 30_000, started);
    expect(cache.get('/x')).toBeUndefined();
    cache.set('/x', { body: 'new', type: 'application/json' }, 30_000, cache.generation);
    expect(cache.get('/x')?.body).toBe('new');
  });
});

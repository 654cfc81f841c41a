/**
 * Walks every registered API route with every role and checks allow/deny against the policy table:
 * allowed requests never get 401/403; denied ones get 401 (anonymous) or 403 naming the permission.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, POLICY, ROLES, type Role } from '../domain/access-policy.js';
import { createUser, sessionFor } from '../../test/accounts.js';
import { testApp } from '../../test/factories.js';
import { createSeededDatabase, type TestDatabase } from '../../test/test-database.js';

describe('authorisation matrix', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const users = new Map<Role, number>();

  beforeAll(async () => {
    database = await createSeededDatabase('sqlite', 400);
    app = await testApp(database);
    for (const role of ROLES) if (role !== 'public') users.set(role, (await createUser(database, role)).id);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('every API route declares a permission that exists in the policy table', () => {
    expect(app.apiRoutes.length).toBeGreaterThan(15);
    for (const route of app.apiRoutes) expect(Object.keys(POLICY)).toContain(route.permission);
  });

  it('refuses to register an API route without a permission', async () => {
    const { default: Fastify } = await import('fastify');
    const { installAccessControl } = await import('./access-control.js');
    const bare = Fastify();
    await bare.register((await import('@fastify/cookie')).default);
    installAccessControl(bare, { database, clock: () => new Date() });
    expect(() => bare.get('/api/v1/unguarded', async () => 'x')).toThrow(/declares no permission/);
    await bare.close();
  });

  it('allows and denies every route × role exactly as the policy says', async () => {
    const rows: string[] = [];
    for (const route of app.apiRoutes) {
      for (const role of ROLES) {
        const headers: Record<string, string> = {};
        if (role !== 'public') {
          const s = await sessionFor(database, users.get(role)!);
          headers.cookie = s.cookie;
          headers['x-csrf-token'] = s.csrf;
        }
        const url = route.url.replace(':id', '1').replace(':code', '91350100M000100Y43');
        const res = await app.inject({ method: route.method as 'GET', url, headers, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
        const allowed = allows(role, route.permission);
        // A denial by policy is a 401, or a 403 naming the permission; a service's own 403 (a business rule) is not one.
        const denied = res.statusCode === 401 || (res.statusCode === 403 && /permission "/.test(res.json().detail));
        if (allowed === denied) rows.push(`${route.method} ${route.url} as ${role}: policy ${allowed ? 'allows' : 'denies'}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (!allowed && role !== 'public') expect(res.json().detail).toContain(route.permission);
      }
    }
    expect(rows).toEqual([]);
  });
});

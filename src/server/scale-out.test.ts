/**
 * Two instances of the server on different ports against one PostgreSQL database and one Redis: a write through
 * one is visible through the other within a second, the other's cached public answer invalidated by pub/sub.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedUser, sessionFor } from '../../test/accounts.js';
import { testApp, testEvidence } from '../../test/factories.js';
import { createSeededDatabase, PG_URL, type TestDatabase } from '../../test/test-database.js';
import { openDatabase, type Database } from '../db/database.js';

const REDIS = process.env.XINQIAO_TEST_REDIS_URL || null;
if (process.env.XINQIAO_REQUIRE_REDIS === '1' && !REDIS) throw new Error('XINQIAO_REQUIRE_REDIS=1 but XINQIAO_TEST_REDIS_URL is not set.');

describe.skipIf(!PG_URL || !REDIS)('scale-out: two instances, one PostgreSQL, one Redis', () => {
  let database: TestDatabase;
  let second: Database;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let baseA: string;
  let baseB: string;

  beforeAll(async () => {
    database = await createSeededDatabase('postgres', 300);
    second = openDatabase({ databaseUrl: database.url!, sqlitePath: '', poolSize: 4 });
    const evidence = testEvidence();
    const now = () => new Date('2026-11-23T04:00:00Z');
    a = await testApp(database, undefined, undefined, { redisUrl: REDIS }, evidence, { clock: now });
    b = await testApp(second, undefined, undefined, { redisUrl: REDIS }, evidence, { clock: now });
    baseA = await a.listen({ port: 0, host: '127.0.0.1' });
    baseB = await b.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.close();
    await database?.destroy();
  });

  it('shows a write through one instance on the other within a second, its cache invalidated', async () => {
    expect(baseA).not.toBe(baseB);
    const penalty = await database.db.selectFrom('penalties').innerJoin('enterprises', 'enterprises.id', 'penalties.enterprise_id')
      .select(['penalties.id', 'enterprises.id as enterpriseId', 'enterprises.credit_code']).orderBy('penalties.id').limit(1).executeTakeFirstOrThrow();
    const page = `${baseB}/api/v1/enterprises/${penalty.enterpriseId}`;
    const objectionOn = async () => {
      const res = await fetch(page);
      const body = (await res.json()) as { records: { penalties: Array<{ id: number; objection: { status: string } | null }> } };
      return { cache: res.headers.get('x-cache'), objection: body.records.penalties.find((p) => p.id === penalty.id)!.objection };
    };
    expect(await objectionOn()).toEqual({ cache: 'miss', objection: null });
    expect(await objectionOn()).toEqual({ cache: 'hit', objection: null }); // B now serves it from its cache

    const debtor = await createVerifiedUser(database, 'debtor', penalty.credit_code);
    const s = await sessionFor(database, debtor.id, new Date('2026-11-23T04:00:00Z'));
    const filed = await fetch(`${baseA}/api/v1/records/penalty/${penalty.id}/objections`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '处罚决定已被复议撤销' }) });
    expect(filed.status).toBe(201);
    const written = Date.now();
    let seen: Awaited<ReturnType<typeof objectionOn>> | null = null;
    while (Date.now() - written < 1000) {
      const r = await objectionOn();
      if (r.objection) {
        seen = r;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen, 'instance B still served the old page a second after the write through A').not.toBeNull();
    expect(seen!.objection!.status).toBe('open');
    expect(b.responseCache.size).toBeLessThanOrEqual(1);
  });
});

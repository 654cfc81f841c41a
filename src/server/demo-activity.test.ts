/** The demo activity goes through the real API and leaves cases, recourse, mediation and log entries behind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppDeps, testEvidence } from '../../test/factories.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/test-database.js';
import { generateDemoActivity } from './demo-activity.js';

describe.each(TEST_DIALECTS)('demo activity on %s', (dialect) => {
  let database: TestDatabase;
  let result: Awaited<ReturnType<typeof generateDemoActivity>>;

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 500);
    result = await generateDemoActivity(testAppDeps(database, undefined, undefined, {}, testEvidence()), { cases: 24, now: new Date('2026-11-23T04:00:00Z') });
  }, 120_000);
  afterAll(async () => database?.destroy());

  it('creates demo accounts with random passwords for every role it uses', () => {
    expect(result.accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['creditor', 'agency', 'debtor', 'regulator', 'mediator']));
    expect(new Set(result.accounts.map((a) => a.password)).size).toBe(result.accounts.length);
    for (const a of result.accounts) expect(a.password.length).toBeGreaterThanOrEqual(12);
  });

  it('leaves cases in several states, each with its timeline in the evidence log', async () => {
    const statuses = await database.db.selectFrom('cases').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const by = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
    expect(Object.values(by).reduce((a, b) => a + b, 0)).toBe(24);
    expect(by.settled).toBeGreaterThan(0);
    expect(by.active).toBeGreaterThan(0);
    const unlogged = await database.db.selectFrom('case_events').select('id').where('log_index', 'is', null).execute();
    expect(unlogged).toEqual([]);
    const entries = Number((await database.db.selectFrom('log_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(entries).toBeGreaterThan(24 * 3);
  });

  it('gives the dashboards complaints, objections, payments and mediations to count', async () => {
    const count = async (table: 'complaints' | 'objections' | 'ledger_transactions' | 'mediation_offers' | 'ratings') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('complaints')).toBeGreaterThan(0);
    expect(await count('objections')).toBeGreaterThan(0);
    expect(await count('ledger_transactions')).toBeGreaterThan(0);
    expect(await count('mediation_offers')).toBeGreaterThan(0);
    const decided = await database.db.selectFrom('objections').select('id').where('decided_at', 'is not', null).execute();
    expect(decided.length).toBeGreaterThan(0);
    // Times are spread over the past year, not bunched at the start.
    const months = new Set((await database.db.selectFrom('cases').select('created_at').execute()).map((c) => c.created_at.slice(0, 7)));
    expect(months.size).toBeGreaterThan(6);
  });
});

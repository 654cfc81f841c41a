/** The debtor profile (lawful basis, purpose, audited) and agency risk grades through the API, on every dialect. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/accounts.js';
import { testApp, testContext } from '../../../test/factories.js';
import { partyClient } from '../../../test/sessions.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { ensureModel } from './risk.service.js';

describe.each(TEST_DIALECTS)('debtor profile and agency grades on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const ids = {} as Record<'creditor' | 'stranger' | 'regulator', number>;
  const api = partyClient<'creditor' | 'stranger' | 'regulator'>(() => app, () => database, ids, () => new Date('2026-11-23T04:00:00Z'));
  let target: { id: number; credit_code: string };

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 300);
    app = await testApp(database);
    await ensureModel(testContext(database));
    ids.creditor = (await createUser(database, 'creditor')).id;
    ids.stranger = (await createUser(database, 'creditor')).id;
    ids.regulator = (await createUser(database, 'regulator')).id;
    target = await database.db.selectFrom('enterprises').select(['id', 'credit_code']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('shows the profile only with a lawful basis and a purpose, and logs every view', async () => {
    expect((await api.get(`/enterprises/${target.id}/profile?purpose=催收前核实`, 'stranger')).statusCode).toBe(403);
    await api.post('/debts', 'creditor', { debtor: { kind: 'enterprise', creditCode: target.credit_code }, principalFen: 5_000_000, dueOn: '2026-08-01', description: '货款' });
    expect((await api.get(`/enterprises/${target.id}/profile`, 'creditor')).json().errors[0].field).toBe('query.purpose');
    const p = (await api.get(`/enterprises/${target.id}/profile?purpose=${encodeURIComponent('委托催收前核实债务人')}`, 'creditor')).json();
    expect(p).toMatchObject({ basis: 'creditor of a registered debt', logged: true, enterprise: { creditCode: target.credit_code } });
    expect(Array.isArray(p.enterprise.records.openLawsuits)).toBe(true);
    expect(p.risk.band).toMatch(/low|medium|high|very_high/);
    const logged = await database.db.selectFrom('pii_access_log').selectAll().where('subject_key', '=', target.credit_code).where('viewer_user_id', '=', ids.creditor).execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.purpose).toContain('委托催收前核实债务人');
    expect((await api.get(`/enterprises/${target.id}/profile?purpose=${encodeURIComponent('监管抽查')}`, 'regulator')).json().basis).toBe('supervision');
  });

  it('grades an agency with its reasons and keeps history only when the grade changes', async () => {
    const agency = await database.db.selectFrom('agencies').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const g = (await api.get(`/agencies/${agency.id}/risk-grade`)).json();
    expect(g.grade).toMatch(/^[ABCD]$/);
    expect(g.score).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(g.reasons)).toBe(true);
    expect(g.history).toHaveLength(1);
    expect((await api.get(`/agencies/${agency.id}/risk-grade`)).json().history).toHaveLength(1);
  });
});

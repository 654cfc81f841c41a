/** Dashboard figures through the API, on every dialect: counts add up, months follow Beijing time, roles are kept apart. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createVerifiedUser } from '../../../test/accounts.js';
import { testApp, testEvidence, TEST_NOW } from '../../../test/factories.js';
import { partyClient } from '../../../test/sessions.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';

type Who = 'creditor' | 'agency' | 'regulator' | 'debtor';
const HOUR = 3_600_000;

describe.each(TEST_DIALECTS)('statistics on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = TEST_NOW;
  const ids = {} as Record<Who, number>;
  const api = partyClient<Who>(() => app, () => database, ids, () => now);
  let agencyId: number;

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 300);
    app = await testApp(database, undefined, undefined, {}, testEvidence(), { clock: () => now });
    const agency = await database.db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id').select(['agencies.id', 'enterprises.credit_code']).where('enterprises.name', '=', '连云港金鼎盛商账管理有限公司').executeTakeFirstOrThrow();
    agencyId = agency.id;
    const debtorCode = (await database.db.selectFrom('enterprises').select('credit_code').where('status', '=', 'active').where('credit_code', '!=', agency.credit_code).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).credit_code;
    ids.creditor = (await createUser(database, 'creditor')).id;
    ids.agency = (await createVerifiedUser(database, 'agency', agency.credit_code)).id;
    ids.regulator = (await createUser(database, 'regulator')).id;
    ids.debtor = (await createVerifiedUser(database, 'debtor', debtorCode)).id;
    const debt = (await api.post('/debts', 'creditor', { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen: 2_000_000, dueOn: '2026-06-30', description: '货款' })).json();
    const caseId = (await api.post('/cases', 'creditor', { debtId: debt.id, agencyId })).json().id;
    await api.post(`/cases/${caseId}/sign`, 'creditor', { acceptAgreement: true, authorisePersonalInformation: true });
    now = new Date(now.getTime() + 25 * HOUR);
    const paid = await api.post(`/cases/${caseId}/payments`, 'agency', { amountFen: 500_000, receivedAt: now.toISOString() }, { 'idempotency-key': `stats-payment-${dialect}-1` });
    expect(paid.statusCode, paid.body).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('publishes registry figures whose parts add up to the registry', async () => {
    const figures = (await api.get('/stats/registry', null)).json();
    const totals = (await api.get('/stats', null)).json();
    const sum = (rows: Array<{ enterprises: number }>) => rows.reduce((s, r) => s + r.enterprises, 0);
    expect(sum(figures.enterprisesByCity)).toBe(totals.enterprises);
    expect(sum(figures.enterprisesByStatus)).toBe(totals.enterprises);
    expect(figures.enterprisesByCity.length).toBeLessThanOrEqual(11);
    expect(figures.agenciesByCertification.map((l: { level: string }) => l.level)).toEqual(['AAA', 'AA', 'A', 'none']);
    expect(figures.recordsByMonth).toHaveLength(12);
    expect(figures.recordsByMonth.at(-1).month).toBe('2026-11');
  });

  it('gives regulators complaint and objection deadlines met, by Beijing-time month, and keeps them from others', async () => {
    const complaint = (createdAt: string, respondedAt: string | null) => ({
      agency_id: agencyId, case_id: null, complainant_user_id: ids.creditor, complainant_role: 'creditor', text: '催收人员态度恶劣', evidence: '[]',
      status: respondedAt ? 'responded' as const : 'open' as const, due_at: new Date(Date.parse(createdAt) + 48 * HOUR).toISOString(), response: respondedAt ? '已整改' : null,
      responded_at: respondedAt, escalated_at: null, resolution: null, resolved_by: null, resolved_at: null, created_at: createdAt,
    });
    await database.db.insertInto('complaints').values([
      complaint('2026-10-31T17:00:00.000Z', '2026-11-01T10:00:00.000Z'), // 1 Nov 01:00 Beijing: a November complaint, answered in time
      complaint('2026-11-02T02:00:00.000Z', '2026-11-06T02:00:00.000Z'), // answered late
      complaint('2026-10-10T02:00:00.000Z', null), // never answered: overdue
    ]).execute();
    const figures = (await api.get('/stats/oversight', 'regulator')).json();
    const nov = figures.complaints.deadlines.find((d: { month: string }) => d.month === '2026-11');
    expect(nov).toMatchObject({ filed: 2, due: 2, onTime: 1, share: 0.5 });
    expect(figures.complaints.deadlines.find((d: { month: string }) => d.month === '2026-10')).toMatchObject({ filed: 1, due: 1, onTime: 0 });
    const top = figures.complaints.perAgencyMonth.filter((r: { agencyId: number }) => r.agencyId === agencyId);
    expect(top.reduce((s: number, r: { complaints: number }) => s + r.complaints, 0)).toBe(3);
    expect(top[0].agency).toBe('连云港金鼎盛商账管理有限公司');
    expect(figures.objections).toHaveLength(12);
    expect(figures.recoveryCycle.bands.map((b: { band: string }) => b.band)).toEqual(['≤30', '31–60', '61–90', '91–180', '>180']);
    expect(figures.mediation).toHaveProperty('outcomes');
    expect((await api.get('/stats/oversight', 'creditor')).statusCode).toBe(403);
    expect((await api.get('/stats/oversight', null)).statusCode).toBe(401);
  });

  it('shows a creditor its own recoveries, fees and net per month, and nobody else’s', async () => {
    const mine = (await api.get('/stats/mine', 'creditor')).json();
    expect(mine).toMatchObject({ cases: 1, owedFen: 2_000_000, recoveredFen: 500_000 });
    expect(mine.feeFen + mine.netFen).toBe(500_000);
    expect(mine.feeFen).toBeGreaterThan(0);
    const nov = mine.perMonth.find((m: { month: string }) => m.month === '2026-11');
    expect(nov).toEqual({ month: '2026-11', recoveredFen: 500_000, feeFen: mine.feeFen, netFen: mine.netFen });
    expect(mine.byStatus).toEqual([{ status: 'active', cases: 1 }]);
    const other = await createUser(database, 'creditor');
    const theirs = (await partyClient<'x'>(() => app, () => database, { x: other.id }, () => now).get('/stats/mine', 'x')).json();
    expect(theirs).toMatchObject({ cases: 0, recoveredFen: 0 });
    expect((await api.get('/stats/mine', 'debtor')).statusCode).toBe(403);
  });
});

/** Recourse through the API on every dialect: complaints and escalation after a restart, objections to registry records, ratings and delisting, certification. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createVerifiedUser } from '../../../test/accounts.js';
import { testApp, testContext, testEvidence, TEST_NOW } from '../../../test/factories.js';
import { partyClient } from '../../../test/sessions.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import type { RatingPolicy } from '../../domain/reputation.js';
import type { EvidenceDeps } from '../evidence/evidence.service.js';
import { MemorySender } from '../notifications/notification-sender.js';
import { QUESTION_BANK } from './certification.service.js';
import { escalateOverdueComplaints } from './complaints.service.js';

const HOUR = 3_600_000;
const POLICY: RatingPolicy = { priorMean: 4, priorWeight: 2, delistBelow: 3, minRatings: 3 };
type Who = 'creditor' | 'other' | 'agency' | 'agency2' | 'debtor' | 'regulator';

describe.each(TEST_DIALECTS)('recourse and reputation on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let evidence: EvidenceDeps;
  let now = TEST_NOW;
  const ids = {} as Record<Who, number>;
  let agencyId: number;
  let agency2Id: number;
  let debtorCode: string;
  const sender = new MemorySender();
  const api = partyClient<Who>(() => app, () => database, ids, () => now);
  const start = async () => {
    app = await testApp(database, undefined, undefined, {}, evidence, { clock: () => now, sender, ratingPolicy: POLICY });
  };

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 400);
    evidence = testEvidence();
    await start();
    const agencies = await database.db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id').select(['agencies.id', 'enterprises.credit_code', 'enterprises.name'])
      .where('enterprises.name', 'in', ['连云港金鼎盛商账管理有限公司', '连云港德律法律咨询有限公司']).orderBy('agencies.id').execute();
    const [a1, a2] = [agencies.find((a) => a.name.includes('金鼎盛'))!, agencies.find((a) => a.name.includes('德律'))!];
    agencyId = a1.id;
    agency2Id = a2.id;
    // The debtor: an enterprise with a published penalty.
    const penalised = await database.db.selectFrom('penalties').innerJoin('enterprises', 'enterprises.id', 'penalties.enterprise_id').select('enterprises.credit_code').where('penalties.withdrawn_at', 'is', null).orderBy('penalties.id').limit(1).executeTakeFirstOrThrow();
    debtorCode = penalised.credit_code;
    ids.creditor = (await createUser(database, 'creditor')).id;
    ids.other = (await createUser(database, 'creditor')).id;
    ids.regulator = (await createUser(database, 'regulator')).id;
    for (const [who, code] of [['agency', a1.credit_code], ['agency2', a2.credit_code]] as const) {
      ids[who] = (await createVerifiedUser(database, 'agency', code)).id;
    }
    ids.debtor = (await createVerifiedUser(database, 'debtor', debtorCode)).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  /** A case of the creditor with `agencyId`, signed and activated (the clock moves 25 hours). */
  const activeCase = async (principalFen = 1_000_000) => {
    const debt = (await api.post('/debts', 'creditor', { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen, dueOn: '2026-06-30', description: '货款' })).json();
    const opened = await api.post('/cases', 'creditor', { debtId: debt.id, agencyId });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    expect((await api.post(`/cases/${id}/sign`, 'creditor', { acceptAgreement: true, authorisePersonalInformation: true })).statusCode).toBe(200);
    now = new Date(now.getTime() + 25 * HOUR);
    expect((await api.get(`/cases/${id}`, 'creditor')).json().status).toBe('active');
    return { id, principalFen };
  };
  const settle = async (c: { id: number; principalFen: number }) => {
    const r = await api.post(`/cases/${c.id}/payments`, 'agency', { amountFen: c.principalFen, receivedAt: now.toISOString() }, { 'idempotency-key': `settle-${c.id}-xyz` });
    expect(r.json().caseStatus).toBe('settled');
  };

  describe('complaints', () => {
    it('files a case complaint on the timeline, tells the agency, and records its answer', async () => {
      const c = await activeCase();
      const filed = await api.post('/complaints', 'creditor', { caseId: c.id, text: '机构三天没有任何进展' });
      expect(filed.statusCode, filed.body).toBe(201);
      expect(filed.json()).toMatchObject({ agencyId, status: 'open', dueAt: new Date(now.getTime() + 48 * HOUR).toISOString() });
      expect((await api.get(`/cases/${c.id}`, 'creditor')).json().events.at(-1).kind).toBe('complaint_filed');
      expect((await api.get('/notifications', 'agency')).json().items[0].kind).toBe('complaint_filed');
      expect((await api.get('/complaints?scope=agency', 'agency')).json().items.some((x: { id: number }) => x.id === filed.json().id)).toBe(true);
      expect((await api.post(`/complaints/${filed.json().id}/response`, 'agency2', { response: 'x' })).statusCode).toBe(404);
      const answered = await api.post(`/complaints/${filed.json().id}/response`, 'agency', { response: '已安排专人跟进，明日提交调查报告' });
      expect(answered.json()).toMatchObject({ status: 'responded', respondedLate: false });
      expect((await api.post(`/complaints/${filed.json().id}/response`, 'agency', { response: 'again' })).statusCode).toBe(409);
      expect((await api.post('/complaints', 'other', { caseId: c.id, text: 'x' })).statusCode).toBe(404);
      expect((await api.post('/complaints', 'other', { text: 'x' })).json().errors[0].field).toBe('body.agencyId');
    });

    it('escalates an unanswered complaint to the regulator after 48 hours, also after a restart', async () => {
      const filed = (await api.post('/complaints', 'other', { agencyId, text: '冒充律师打电话给我家人' })).json();
      // The server stops; it comes back 49 hours later and the minute job runs.
      await app.close();
      now = new Date(now.getTime() + 49 * HOUR);
      await start();
      expect(await escalateOverdueComplaints({ ...testContext(database), clock: () => now })).toBe(1);
      expect(await escalateOverdueComplaints({ ...testContext(database), clock: () => now })).toBe(0);
      const queue = (await api.get('/complaints?scope=queue', 'regulator')).json().items;
      expect(queue.find((x: { id: number }) => x.id === filed.id)).toMatchObject({ status: 'escalated' });
      expect((await api.get('/notifications', 'regulator')).json().items.some((n: { kind: string }) => n.kind === 'complaint_escalated')).toBe(true);
      expect((await api.get('/notifications', 'other')).json().items[0].kind).toBe('complaint_escalated');
      const late = (await api.post(`/complaints/${filed.id}/response`, 'agency', { response: '抱歉，已核查' })).json();
      expect(late).toMatchObject({ status: 'escalated', respondedLate: true });
      expect((await api.post(`/complaints/${filed.id}/resolution`, 'regulator', { resolution: '已约谈机构负责人' })).json().status).toBe('resolved');
      const rep = (await api.get(`/agencies/${agencyId}/reputation`)).json();
      expect(rep.complaints.complaints).toBe(2);
      expect(rep.complaints.per100).toBeGreaterThan(0);
      expect(rep.complaints.ci95Per100.high).toBeGreaterThan(rep.complaints.ci95Per100.low);
    });
  });

  describe('objections to registry records', () => {
    const penaltyOf = async () => {
      const ent = await database.db.selectFrom('enterprises').select('id').where('credit_code', '=', debtorCode).executeTakeFirstOrThrow();
      return { enterpriseId: ent.id, page: (await api.get(`/enterprises/${ent.id}`)).json() };
    };

    it('marks the record under objection at once, then shows the correction; only the subject may object', async () => {
      const { enterpriseId, page } = await penaltyOf();
      const penalty = page.records.penalties[0];
      expect(penalty.objection).toBeNull();
      expect((await api.post(`/records/penalty/${penalty.id}/objections`, 'other', { reason: 'x' })).statusCode).toBe(403);
      const filed = await api.post(`/records/penalty/${penalty.id}/objections`, 'debtor', { reason: '处罚决定已被复议撤销' });
      expect(filed.statusCode, filed.body).toBe(201);
      expect((await api.get(`/enterprises/${enterpriseId}`)).json().records.penalties[0].objection).toEqual({ status: 'open', note: null });
      expect((await api.post(`/records/penalty/${penalty.id}/objections`, 'debtor', { reason: 'again' })).statusCode).toBe(409);
      expect((await api.post(`/records/nonsense/${penalty.id}/objections`, 'debtor', { reason: 'x' })).statusCode).toBe(400);
      const queue = (await api.get('/objections', 'regulator')).json().items;
      expect(queue.find((o: { id: number }) => o.id === filed.json().id)).toMatchObject({ recordKind: 'penalty', overdue: false });
      expect((await api.post(`/objections/${filed.json().id}/decision`, 'regulator', { outcome: 'corrected', reason: '核实属实' })).json().errors[0].field).toBe('body.correction');
      await api.post(`/objections/${filed.json().id}/decision`, 'regulator', { outcome: 'corrected', reason: '核实属实', correction: '该处罚已于 2026-03-01 经行政复议撤销' });
      expect((await api.get(`/enterprises/${enterpriseId}`)).json().records.penalties[0].objection).toEqual({ status: 'corrected', note: '该处罚已于 2026-03-01 经行政复议撤销' });
      const mine = (await api.get('/objections/mine', 'debtor')).json().items;
      expect(mine[0]).toMatchObject({ status: 'corrected', correction: '该处罚已于 2026-03-01 经行政复议撤销' });
      expect((await api.get('/notifications', 'debtor')).json().items[0].kind).toBe('objection_decided');
    });

    it('gives 3 working days across the 2025 National Day and the 2026 Spring Festival', async () => {
      const saved = now;
      try {
        for (const [at, due] of [['2025-09-30T02:00:00Z', '2025-10-11'], ['2026-02-13T02:00:00Z', '2026-02-25'], ['2026-11-23T02:00:00Z', '2026-11-26']] as const) {
          now = new Date(at);
          const kind = 'penalty';
          const record = (await penaltyOf()).page.records.penalties[0] as { id: number };
          const o = (await api.post(`/records/${kind}/${record.id}/objections`, 'debtor', { reason: '期限测试' })).json();
          expect(o, JSON.stringify(o)).toMatchObject({ dueOn: due, deadline: `${due}T23:59:59+08:00` });
          await api.post(`/objections/${o.id}/decision`, 'regulator', { outcome: 'upheld', reason: '记录无误' });
        }
      } finally {
        now = saved;
      }
    });

    it('removes a record from public view when the objection holds', async () => {
      const { enterpriseId, page } = await penaltyOf();
      const before = page.records.penalties.length;
      const penalty = page.records.penalties[0];
      const o = (await api.post(`/records/penalty/${penalty.id}/objections`, 'debtor', { reason: '并非本企业' })).json();
      await api.post(`/objections/${o.id}/decision`, 'regulator', { outcome: 'removed', reason: '主体错误' });
      expect((await api.get(`/enterprises/${enterpriseId}`)).json().records.penalties).toHaveLength(before - 1);
    });

  });

  describe('ratings and the recommended list', () => {
    it('refuses to rate before the end, once per side, and delists the agency when adjusted ratings fall', async () => {
      const open = await activeCase();
      expect((await api.post(`/cases/${open.id}/ratings`, 'creditor', { score: 1 })).statusCode).toBe(409);
      const cases = [open, await activeCase(), await activeCase()];
      for (const c of cases) await settle(c);
      expect((await api.get(`/agencies/${agencyId}/reputation`)).json().recommended).toBe(true);
      const r1 = await api.post(`/cases/${cases[0]!.id}/ratings`, 'creditor', { score: 1, comment: '态度恶劣' });
      expect(r1.statusCode, r1.body).toBe(201);
      expect((await api.post(`/cases/${cases[0]!.id}/ratings`, 'creditor', { score: 5 })).statusCode).toBe(409);
      expect((await api.post(`/cases/${cases[0]!.id}/ratings`, 'creditor', { score: 6 })).statusCode).toBe(400);
      await api.post(`/cases/${cases[1]!.id}/ratings`, 'creditor', { score: 1 });
      expect((await api.get(`/agencies/${agencyId}/reputation`)).json().recommended).toBe(true); // 2 ratings: below the minimum of 3
      const third = (await api.post(`/cases/${cases[2]!.id}/ratings`, 'creditor', { score: 1 })).json();
      // (2 × 4 + 3 × 1) / (2 + 3) = 2.2 < 3 → delisted.
      expect(third.agencyListing).toMatchObject({ recommended: false, delisted: true });
      const rep = (await api.get(`/agencies/${agencyId}/reputation`)).json();
      expect(rep).toMatchObject({ recommended: false, ratings: { count: 3, mean: 1 } });
      expect(rep.ratings.adjusted).toBeCloseTo(2.2, 5);
      expect(rep.history[0]).toMatchObject({ recommended: false, actor: 'system:ratings' });
      expect(rep.history[0].reason).toMatch(/delisted by ratings/);
      expect((await api.get('/agencies?city=320700&recommended=true')).json().items.some((a: { id: number }) => a.id === agencyId)).toBe(false);
      // The agency rates the creditor back.
      expect((await api.post(`/cases/${cases[0]!.id}/ratings`, 'agency', { score: 4, comment: '配合良好' })).statusCode).toBe(201);
      expect((await api.get(`/creditors/${ids.creditor}/reputation`, 'agency')).json()).toMatchObject({ count: 1, mean: 4 });
    });
  });

  describe('certification', () => {
    const pdf = Buffer.from('%PDF-1.4\n% 阳光催收合规承诺书（已签章）\n%%EOF\n');

    it('takes an application through the test to an approved level, never above the one earned', async () => {
      expect((await api.post('/certification/applications', 'agency2', { commitmentSha256: 'a'.repeat(64) })).json().errors[0].field).toBe('body.commitmentSha256');
      const up = await api.upload('/evidence', 'agency2', pdf, 'application/pdf');
      expect(up.statusCode, up.body).toBe(201);
      const applied = await api.post('/certification/applications', 'agency2', { commitmentSha256: up.json().sha256 });
      expect(applied.statusCode, applied.body).toBe(201);
      const app1 = applied.json();
      expect(app1.questions).toHaveLength(QUESTION_BANK.questionsPerTest);
      expect(JSON.stringify(app1.questions)).not.toContain('"answer"');
      expect((await api.post('/certification/applications', 'agency2', { commitmentSha256: up.json().sha256 })).statusCode).toBe(409);
      const answers = Object.fromEntries(app1.questions.map((q: { id: string }) => [q.id, QUESTION_BANK.questions.find((b) => b.id === q.id)!.answer]));
      expect((await api.post(`/certification/applications/${app1.id}/test`, 'agency2', { answers: {} })).statusCode).toBe(400);
      const scored = (await api.post(`/certification/applications/${app1.id}/test`, 'agency2', { answers: { ...answers, [app1.questions[0].id]: 'z' } })).json();
      expect(scored).toMatchObject({ status: 'submitted', testScore: 90, proposedLevel: 'AA' });
      expect((await api.get('/certification/applications', 'regulator')).json().items.map((a: { id: number }) => a.id)).toContain(app1.id);
      expect((await api.post(`/certification/applications/${app1.id}/decision`, 'regulator', { approve: true, level: 'AAA', reason: '审核通过' })).json().errors[0].field).toBe('body.level');
      const decided = (await api.post(`/certification/applications/${app1.id}/decision`, 'regulator', { approve: true, reason: '材料齐全，测试合格' })).json();
      expect(decided).toMatchObject({ status: 'approved', grantedLevel: 'AA', listing: { recommended: true } });
      const rep = (await api.get(`/agencies/${agency2Id}/reputation`)).json();
      expect(rep).toMatchObject({ certificationLevel: 'AA', recommended: true });
    });

    it('rejects a failed test at once and lets the agency apply again', async () => {
      const up = (await api.upload('/evidence', 'agency2', Buffer.concat([pdf, Buffer.from('v2')]), 'application/pdf')).json();
      const a = (await api.post('/certification/applications', 'agency2', { commitmentSha256: up.sha256 })).json();
      const wrong = Object.fromEntries(a.questions.map((q: { id: string }) => [q.id, 'z']));
      const scored = (await api.post(`/certification/applications/${a.id}/test`, 'agency2', { answers: wrong })).json();
      expect(scored).toMatchObject({ status: 'rejected', testScore: 0, proposedLevel: null });
      expect((await api.post(`/certification/applications/${a.id}/decision`, 'regulator', { approve: true, reason: 'x' })).statusCode).toBe(409);
      expect((await api.post('/certification/applications', 'agency2', { commitmentSha256: up.sha256 })).statusCode).toBe(201);
    });
  });
});

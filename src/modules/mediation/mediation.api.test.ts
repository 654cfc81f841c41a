/** Mediation and law-firm matching through the API, on every dialect. */
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createVerifiedUser, sessionFor } from '../../../test/accounts.js';
import { testApp, testContext, testEvidence, TEST_NOW, TEST_PII } from '../../../test/factories.js';
import { MemorySender } from '../notifications/notification-sender.js';
import { loadCalendar } from '../../shared/calendar.js';
import { loadComplianceRules } from '../../shared/compliance-rules.js';
import type { EvidenceDeps } from '../evidence/evidence.service.js';
import { partyClient } from '../../../test/sessions.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';

const HOUR = 3_600_000;
type Who = 'creditor' | 'agency' | 'debtor' | 'firmA' | 'firmB' | 'mediator' | 'mediator2';

describe.each(TEST_DIALECTS)('mediation on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = TEST_NOW;
  const ids = {} as Record<Who, number>;
  const api = partyClient<Who>(() => app, () => database, ids, () => now);
  let agencyId: number;
  let debtorCode: string;
  let evidence: EvidenceDeps;
  const appDeps = () => ({ log: evidence.log, rules: loadComplianceRules('/nonexistent'), pii: TEST_PII, calendar: loadCalendar('/nonexistent'), sender: new MemorySender() });

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 400);
    evidence = testEvidence();
    app = await testApp(database, undefined, undefined, {}, evidence, { clock: () => now });
    const agency = await database.db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id').select(['agencies.id', 'enterprises.credit_code']).where('enterprises.name', '=', '连云港金鼎盛商账管理有限公司').executeTakeFirstOrThrow();
    agencyId = agency.id;
    debtorCode = (await database.db.selectFrom('enterprises').select('credit_code').where('status', '=', 'active').where('credit_code', '!=', agency.credit_code).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).credit_code;
    ids.creditor = (await createUser(database, 'creditor')).id;
    ids.agency = (await createVerifiedUser(database, 'agency', agency.credit_code)).id;
    ids.debtor = (await createVerifiedUser(database, 'debtor', debtorCode)).id;
    ids.firmA = (await createUser(database, 'law_firm')).id;
    ids.firmB = (await createUser(database, 'law_firm')).id;
    ids.mediator = (await createUser(database, 'mediator')).id;
    ids.mediator2 = (await createUser(database, 'mediator')).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const headersOf = async (userId: number) => {
    const s = await sessionFor(database, userId, now);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  };
  const activeCase = async (principalFen: number) => {
    const debt = (await api.post('/debts', 'creditor', { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen, dueOn: '2026-06-30', description: '货款' })).json();
    const id = (await api.post('/cases', 'creditor', { debtId: debt.id, agencyId })).json().id as number;
    await api.post(`/cases/${id}/sign`, 'creditor', { acceptAgreement: true, authorisePersonalInformation: true });
    now = new Date(now.getTime() + 25 * HOUR);
    expect((await api.get(`/cases/${id}`, 'creditor')).json().status).toBe('active');
    return id;
  };

  it('routes small debts to mediation and large ones to law firms', async () => {
    const small = await activeCase(3_000_000);
    expect((await api.get(`/cases/${small}/route`, 'creditor')).json()).toMatchObject({ to: 'mediation', owedFen: 3_000_000 });
    const large = await activeCase(8_000_000);
    expect((await api.get(`/cases/${large}/route`, 'creditor')).json().to).toBe('law_firm');
  });

  it('negotiates to a settlement: offer, counter, acceptance, agreement and judicial-confirmation application', async () => {
    const id = await activeCase(3_000_001);
    const offer = await api.post(`/cases/${id}/mediation/offers`, 'creditor', { disputeType: 'goods_payment', situation: 'hardship', kind: 'instalments', monthlyCapacityFen: 700_000 });
    expect(offer.statusCode, offer.body).toBe(201);
    const o = offer.json();
    expect(o.plan.instalments).toHaveLength(5);
    expect(o.plan.instalments.reduce((s: number, i: { amountFen: number }) => s + i.amountFen, 0)).toBe(3_000_001);
    expect(o.script).toContain('每期金额都不超过');
    expect((await api.post(`/cases/${id}/mediation/offers`, 'creditor', { disputeType: 'goods_payment', kind: 'lump_sum' })).statusCode).toBe(409);
    expect((await api.post(`/cases/${id}/mediation/offers/${o.id}/accept`, 'creditor')).statusCode).toBe(403);
    const counter = (await api.post(`/cases/${id}/mediation/offers`, 'debtor', { disputeType: 'goods_payment', situation: 'cooperative', kind: 'lump_sum', discountBps: 1000 })).json();
    expect(counter.plan).toMatchObject({ kind: 'lump_sum', payFen: 2_700_001 });
    const offers = (await api.get(`/cases/${id}/mediation`, 'creditor')).json().items;
    expect(offers.map((x: { status: string }) => x.status)).toEqual(['proposed', 'countered']);
    const accepted = (await api.post(`/cases/${id}/mediation/offers/${counter.id}/accept`, 'creditor')).json();
    expect(accepted.agreementSha256).toMatch(/^[0-9a-f]{64}$/);
    const events = (await api.get(`/cases/${id}`, 'creditor')).json().events.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['mediation_opened', 'mediation_settled']));
    const agreement = (await api.get(`/cases/${id}/mediation/agreement`, 'debtor')).json();
    expect(agreement.sha256).toBe(accepted.agreementSha256);
    const pdf = await api.get(`/cases/${id}/mediation/agreement?format=pdf`, 'creditor');
    expect((await PDFDocument.load(pdf.rawPayload)).getTitle()).toBe('调解协议书');
    const jc = (await api.get(`/cases/${id}/mediation/judicial-confirmation`, 'creditor')).json();
    expect(jc.text).toContain(accepted.agreementSha256);
    expect(jc.text).toContain('三十日内');
  });

  it('lets the creditor choose the route, recorded on the timeline', async () => {
    const id = await activeCase(2_500_000);
    expect((await api.post(`/cases/${id}/route`, 'debtor', { to: 'law_firm' })).statusCode).toBe(403);
    const chosen = (await api.post(`/cases/${id}/route`, 'creditor', { to: 'law_firm' })).json();
    expect(chosen).toMatchObject({ to: 'law_firm', decidedBy: 'creditor' });
    expect((await api.get(`/cases/${id}/route`, 'debtor')).json()).toMatchObject({ to: 'law_firm', decidedBy: 'creditor' });
    const events = (await api.get(`/cases/${id}`, 'creditor')).json().events;
    expect(events.at(-1)).toMatchObject({ kind: 'route_decided', details: { to: 'law_firm', by: 'creditor' } });
    // A case routed away from mediation is not in the mediators' queue.
    expect((await api.get('/mediation/queue', 'mediator')).json().items.map((i: { caseId: number }) => i.caseId)).not.toContain(id);
  });

  it('lets a mediator take a case from the queue and propose a plan that binds only when both sides accept', async () => {
    const id = await activeCase(1_800_000);
    const queued = (await api.get('/mediation/queue', 'mediator')).json().items.find((i: { caseId: number }) => i.caseId === id);
    expect(queued).toMatchObject({ mine: false, debtorName: null, owedFen: 1_800_000, route: { to: 'mediation' } });
    expect((await api.get(`/cases/${id}`, 'mediator')).statusCode).toBe(404);
    expect((await api.post(`/cases/${id}/mediator`, 'creditor')).statusCode).toBe(403);
    expect((await api.post(`/cases/${id}/mediator`, 'mediator')).statusCode).toBe(201);
    const again = await api.post(`/cases/${id}/mediator`, 'mediator2');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/Another mediator/);
    expect((await api.get('/mediation/queue', 'mediator2')).json().items.map((i: { caseId: number }) => i.caseId)).not.toContain(id);
    expect((await api.get('/mediation/queue', 'mediator')).json().items.find((i: { caseId: number }) => i.caseId === id)).toMatchObject({ mine: true, debtorName: expect.any(String) });
    const seen = (await api.get(`/cases/${id}`, 'mediator')).json();
    expect(seen.viewer).toBe('mediator');
    expect(seen.events.at(-1).kind).toBe('mediator_assigned');
    expect((await api.get(`/cases/${id}`, 'mediator2')).statusCode).toBe(404);
    // The mediator mediates; it does not collect or close.
    expect((await api.post(`/cases/${id}/events`, 'mediator', { kind: 'call', notes: 'x', contact: { target: 'debtor', connected: true } })).statusCode).toBe(403);
    expect((await api.post(`/cases/${id}/close`, 'mediator', { reason: '调解结束' })).statusCode).toBe(403);

    const proposal = (await api.post(`/cases/${id}/mediation/offers`, 'mediator', { disputeType: 'services', situation: 'cooperative', kind: 'instalments', monthlyCapacityFen: 600_000 })).json();
    expect(proposal).toMatchObject({ byParty: 'mediator', status: 'proposed' });
    expect((await api.post(`/cases/${id}/mediation/offers/${proposal.id}/accept`, 'mediator')).statusCode).toBe(403);
    const first = (await api.post(`/cases/${id}/mediation/offers/${proposal.id}/accept`, 'creditor')).json();
    expect(first).toMatchObject({ status: 'proposed', awaiting: 'debtor', agreementSha256: null });
    expect((await api.post(`/cases/${id}/mediation/offers/${proposal.id}/accept`, 'agency')).statusCode).toBe(409);
    const both = (await api.post(`/cases/${id}/mediation/offers/${proposal.id}/accept`, 'debtor')).json();
    expect(both).toMatchObject({ status: 'accepted', agreementSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const listed = (await api.get(`/cases/${id}/mediation`, 'mediator')).json().items[0];
    expect(listed.acceptedBy).toEqual({ creditor: expect.any(String), debtor: expect.any(String) });
  });

  it('ends a failed mediation, withdrawing open offers and routing the case to law firms', async () => {
    const id = await activeCase(1_500_000);
    expect((await api.post(`/cases/${id}/mediation/end`, 'creditor', { reason: '债务人不配合' })).statusCode).toBe(409);
    await api.post(`/cases/${id}/mediator`, 'mediator');
    const p = (await api.post(`/cases/${id}/mediation/offers`, 'mediator', { disputeType: 'goods_payment', kind: 'lump_sum', discountBps: 500 })).json();
    expect((await api.post(`/cases/${id}/mediation/offers/${p.id}/reject`, 'debtor')).json().status).toBe('rejected');
    const again = (await api.post(`/cases/${id}/mediation/offers`, 'mediator', { disputeType: 'goods_payment', kind: 'lump_sum', discountBps: 1500 })).json();
    expect((await api.post(`/cases/${id}/mediation/end`, 'debtor', { reason: '不同意' })).statusCode).toBe(403);
    const ended = (await api.post(`/cases/${id}/mediation/end`, 'mediator', { reason: '双方差距过大，调解不成' })).json();
    expect(ended).toMatchObject({ to: 'law_firm', decidedBy: 'mediation_outcome' });
    const offers = (await api.get(`/cases/${id}/mediation`, 'creditor')).json().items;
    expect(offers.find((o: { id: number }) => o.id === again.id).status).toBe('withdrawn');
    expect((await api.get(`/cases/${id}/route`, 'creditor')).json().to).toBe('law_firm');
    expect((await api.post(`/cases/${id}/mediator`, 'mediator2')).statusCode).toBe(409);
    const stats = (await api.get('/mediation/stats', null)).json();
    expect(stats.outcomes.failed).toBeGreaterThanOrEqual(1);
    expect(stats.daysToSettle.reduce((n: number, b: { cases: number }) => n + b.cases, 0)).toBe(stats.settled);
  });

  it('refuses an answer after the deadline', async () => {
    const id = await activeCase(1_000_000);
    const o = (await api.post(`/cases/${id}/mediation/offers`, 'creditor', { disputeType: 'services', kind: 'lump_sum', discountBps: 500 })).json();
    now = new Date(Date.parse(o.deadline) + HOUR);
    const late = await api.post(`/cases/${id}/mediation/offers/${o.id}/accept`, 'debtor');
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/expired/);
  });

  it('prepares a payment-order application only for an uncontested debt with evidence', async () => {
    const id = await activeCase(2_000_000);
    const refused = await api.get(`/cases/${id}/payment-order`, 'creditor');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/没有证据材料/);
    const up = await api.upload('/evidence', 'creditor', Buffer.from('%PDF-1.4\n% 购销合同及送货单\n%%EOF\n'), 'application/pdf');
    expect(up.statusCode, up.body).toBe(201);
    expect((await api.post(`/cases/${id}/events`, 'creditor', { kind: 'asset_clue', notes: '合同与送货单', evidence: [up.json().sha256] })).statusCode).toBe(201);
    const doc = (await api.get(`/cases/${id}/payment-order`, 'creditor')).json();
    expect(doc.title).toBe('支付令申请书');
    expect(doc.text).toContain(up.json().sha256);
    expect(doc.text).toContain('人民币 20,000.00 元');
    expect(doc.text).toContain('第二百二十五条');
    expect((await api.get(`/cases/${id}/payment-order?format=pdf`, 'creditor')).headers['content-type']).toBe('application/pdf');
  });

  it('reopens collection when an instalment is missed, completes a plan paid in full, and counts both', async () => {
    const { checkInstalments } = await import('./instalments.service.js');
    const missedCase = await activeCase(1_000_000);
    const offer = (await api.post(`/cases/${missedCase}/mediation/offers`, 'creditor', { disputeType: 'goods_payment', kind: 'instalments', monthlyCapacityFen: 500_000 })).json();
    await api.post(`/cases/${missedCase}/mediation/offers/${offer.id}/accept`, 'debtor');
    const paidCase = await activeCase(1_000_000);
    const lump = (await api.post(`/cases/${paidCase}/mediation/offers`, 'debtor', { disputeType: 'goods_payment', kind: 'lump_sum', discountBps: 1000 })).json();
    await api.post(`/cases/${paidCase}/mediation/offers/${lump.id}/accept`, 'creditor');
    now = new Date(now.getTime() + HOUR);
    expect((await api.post(`/cases/${paidCase}/payments`, 'agency', { amountFen: 900_000, receivedAt: now.toISOString() }, { 'idempotency-key': `lump-${paidCase}-abc` })).statusCode).toBe(201);
    now = new Date(Date.parse(`${offer.plan.instalments[0].dueOn}T16:00:00Z`) + 2 * HOUR);
    const result = await checkInstalments({ ...testContext(database), clock: () => now }, appDeps());
    // The settlement of the earlier test (a lump sum due within days, unpaid) defaults too, as it should.
    expect(result.completed).toBe(1);
    expect(result.defaulted).toBeGreaterThanOrEqual(1);
    const missedKinds = (await api.get(`/cases/${missedCase}`, 'creditor')).json().events.map((e: { kind: string }) => e.kind);
    expect(missedKinds).toContain('mediation_defaulted');
    expect((await api.get(`/cases/${paidCase}`, 'creditor')).json().events.map((e: { kind: string }) => e.kind)).toContain('mediation_completed');
    expect(await checkInstalments({ ...testContext(database), clock: () => now }, appDeps())).toEqual({ defaulted: 0, completed: 0 });
    const stats = (await api.get('/mediation/stats', null)).json();
    expect(stats.completed).toBe(1);
    expect(stats.defaulted).toBe(result.defaulted);
    expect(stats.settled).toBeGreaterThanOrEqual(3);
  });

  it('lets administrators replace the script library, refusing one with gaps and naming them', async () => {
    const reg = (await createUser(database, 'regulator')).id;
    const admin = partyClient<'admin'>(() => app, () => database, { admin: reg }, () => now);
    const current = (await admin.get('/admin/mediation/scripts', 'admin')).json();
    expect(current).toMatchObject({ source: 'bundled', size: 300 });
    const broken = structuredClone(current.library);
    broken.base.rent.closing = '';
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/admin/mediation/scripts', headers: await headersOf(reg), payload: broken });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].detail).toBe('base.rent.closing: text is required');
    const edited = structuredClone(current.library);
    edited.version = '2026.2';
    edited.base.goods_payment.proposal = '经平台核算，建议：{{plan}}。请于 {{deadline}} 前答复。';
    const ok = await app.inject({ method: 'PUT', url: '/api/v1/admin/mediation/scripts', headers: await headersOf(reg), payload: edited });
    expect(ok.json()).toMatchObject({ source: 'edited', version: '2026.2', size: 300 });
    const id = await activeCase(1_200_000);
    const offer = (await api.post(`/cases/${id}/mediation/offers`, 'creditor', { disputeType: 'goods_payment', kind: 'lump_sum' })).json();
    expect(offer.script).toMatch(/^经平台核算，建议：/);
  });

  it('matches law firms with reasons, excludes a firm acting for the debtor, and moves the case to the chosen firm', async () => {
    const city = `${debtorCode.slice(2, 6)}00`;
    expect((await api.post('/law-firms/me', 'firmA', { name: '苏州明理律师事务所', specialties: ['goods_payment'], cityCodes: [city], capacity: 10, feeBps: 1500 })).statusCode).toBe(201);
    await api.post('/law-firms/me', 'firmB', { name: '某某律师事务所', specialties: ['goods_payment'], cityCodes: [city], capacity: 10, feeBps: 1000, clientCodes: [debtorCode] });
    const id = await activeCase(9_000_000);
    const ranked = (await api.get(`/cases/${id}/law-firm-matches?disputeType=goods_payment`, 'creditor')).json().items;
    expect(ranked[0]).toMatchObject({ name: '苏州明理律师事务所', excluded: false, components: { specialty: 1, region: 1 } });
    const b = ranked.find((m: { name: string }) => m.name === '某某律师事务所');
    expect(b).toMatchObject({ excluded: true, reason: 'acts for the debtor' });
    expect((await api.post(`/cases/${id}/law-firm`, 'creditor', { firmId: b.firmId })).statusCode).toBe(409);
    const moved = (await api.post(`/cases/${id}/law-firm`, 'creditor', { firmId: ranked[0].firmId })).json();
    expect(moved.status).toBe('transferred_to_law_firm');
    expect((await api.get('/law-firms/me/cases', 'firmA')).json().items[0]).toMatchObject({ caseId: id, status: 'transferred_to_law_firm' });
    expect((await api.get('/law-firms/me', 'firmA')).json().firm).toMatchObject({ name: '苏州明理律师事务所', capacity: 10 });
    // Rated once the case is closed; the rating then moves the firm's matching score.
    expect((await api.post(`/cases/${id}/law-firm-rating`, 'creditor', { score: 1 })).statusCode).toBe(409);
    expect((await api.post(`/cases/${id}/close`, 'creditor', { reason: '判决已履行' })).json().status).toBe('closed');
    expect((await api.post(`/cases/${id}/law-firm-rating`, 'creditor', { score: 1, comment: '沟通不及时' })).statusCode).toBe(201);
    expect((await api.post(`/cases/${id}/law-firm-rating`, 'creditor', { score: 5 })).statusCode).toBe(409);
    const other = await activeCase(9_000_000);
    const after = (await api.get(`/cases/${other}/law-firm-matches`, 'creditor')).json().items.find((m: { name: string }) => m.name === '苏州明理律师事务所');
    expect(after.components.rating).toBeLessThan(ranked[0].components.rating);
  });
});

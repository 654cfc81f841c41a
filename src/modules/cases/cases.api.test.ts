/** Collection cases end to end through the API, on every dialect: commission, cooling-off, timeline, compliance, objections, settlement. */
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createVerifiedUser, sessionFor } from '../../../test/accounts.js';
import { testApp, testContext, testEvidence, TEST_NOW } from '../../../test/factories.js';
import { flagOverdueFirstReports } from './case-views.service.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { computeResidentIdCheck } from '../../domain/resident-id.js';
import type { EvidenceDeps } from '../evidence/evidence.service.js';
import { MemorySender } from '../notifications/notification-sender.js';

type Headers = Record<string, string>;
const HOUR = 3_600_000;

describe.each(TEST_DIALECTS)('collection cases on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let evidence: EvidenceDeps;
  const sender = new MemorySender();
  let now = TEST_NOW; // 12:00 in Shanghai
  type Who = 'creditor' | 'other' | 'agency' | 'redAgency' | 'debtor' | 'regulator';
  const ids = {} as Record<Who, number>;
  // Sessions start at the test clock's time, so moving the clock days ahead keeps them valid.
  const sessions = new Map<string, Headers>();
  const as = new Proxy({} as Record<Who, Headers>, { get: (_t, who: Who) => sessions.get(`${who}@${now.toISOString()}`) ?? ({ lazy: who } as Headers) });
  let agencyId: number;
  let redAgencyId: number;
  let debtorCode: string;

  const headersFor = async (headers: Headers): Promise<Headers> => {
    if (!headers.lazy) return headers;
    const key = `${headers.lazy}@${now.toISOString()}`;
    const s = await sessionFor(database, ids[headers.lazy as Who], now);
    sessions.set(key, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    return sessions.get(key)!;
  };
  const agencyByName = async (name: string) => database.db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id').select(['agencies.id', 'enterprises.credit_code']).where('enterprises.name', '=', name).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 400);
    evidence = testEvidence();
    app = await testApp(database, undefined, undefined, {}, evidence, { clock: () => now, sender });
    const green = await agencyByName('连云港金鼎盛商账管理有限公司');
    const red = await agencyByName('苏州鑫隆商账管理有限公司');
    agencyId = green.id;
    redAgencyId = red.id;
    const debtorEnterprise = await database.db.selectFrom('enterprises').select('credit_code').where('status', '=', 'active').where('credit_code', 'not in', [green.credit_code, red.credit_code]).orderBy('id').limit(1).executeTakeFirstOrThrow();
    debtorCode = debtorEnterprise.credit_code;
    ids.creditor = (await createUser(database, 'creditor')).id;
    ids.other = (await createUser(database, 'creditor')).id;
    ids.regulator = (await createUser(database, 'regulator')).id;
    for (const [key, code] of [['agency', green.credit_code], ['redAgency', red.credit_code]] as const) {
      ids[key] = (await createVerifiedUser(database, 'agency', code)).id;
    }
    ids.debtor = (await createVerifiedUser(database, 'debtor', debtorCode)).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const post = async (url: string, headers: Headers, payload: unknown = {}, extra: Headers = {}) => app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...(await headersFor(headers)), ...extra }, payload: payload as object });
  const get = async (url: string, headers: Headers = {}) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: await headersFor(headers) });
  const newDebt = async (principalFen = 10_000_000) => {
    const res = await post('/debts', as.creditor, { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen, interestFen: 0, dueOn: '2026-06-30', description: '货款：2026 年 3 月供货' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const openSigned = async (principalFen?: number) => {
    const opened = await post('/cases', as.creditor, { debtId: await newDebt(principalFen), agencyId });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    const signed = await post(`/cases/${id}/sign`, as.creditor, { acceptAgreement: true, authorisePersonalInformation: true });
    expect(signed.statusCode, signed.body).toBe(200);
    return id;
  };
  const call = (id: number, over: Record<string, unknown> = {}) => post(`/cases/${id}/events`, as.agency, { kind: 'call', notes: '与财务负责人沟通还款计划', contact: { target: 'debtor', connected: true }, ...over });

  it('registers a debt with the debtor named by the registry, and refuses bad input by field', async () => {
    const ok = await post('/debts', as.creditor, { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen: 1_000_000, dueOn: '2026-06-30', description: '服务费' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().debtorName.length).toBeGreaterThan(2);
    const bad = await post('/debts', as.creditor, { debtor: { kind: 'enterprise', creditCode: '91320500MA7ABCDE10' }, principalFen: 1_000_000, dueOn: '2026-06-30', description: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('body.debtor.creditCode');
    const tz = await post('/debts', as.creditor, { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen: 1, dueOn: '2026-06-30', description: 'x', debtorTimeZone: 'Mars/Olympus' });
    expect(tz.json().errors[0].field).toBe('body.debtorTimeZone');
    const money = await post('/debts', as.creditor, { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen: 10.5, dueOn: '2026-06-30', description: 'x' });
    expect(money.statusCode).toBe(400);
  });

  it('names a person debtor by identity: stored encrypted, shown masked in the agreement', async () => {
    const first17 = '32050519800101123';
    const idNumber = first17 + computeResidentIdCheck(first17);
    const res = await post('/debts', as.creditor, { debtor: { kind: 'person', name: '李四', idNumber }, principalFen: 500_000, dueOn: '2026-05-01', description: '借款' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ debtorKind: 'person', debtorName: '李四' });
    const again = await post('/debts', as.creditor, { debtor: { kind: 'person', name: '李四', idNumber }, principalFen: 1, dueOn: '2026-05-01', description: 'x' });
    const [a, b] = await database.db.selectFrom('debts').select('debtor_key').where('id', 'in', [res.json().id, again.json().id]).execute();
    expect(a!.debtor_key).toBe(b!.debtor_key);
    const person = await database.db.selectFrom('persons').select('id_number_enc').where('name', '=', '李四').executeTakeFirstOrThrow();
    expect(person.id_number_enc).not.toContain(idNumber);
    const id = (await post('/cases', as.creditor, { debtId: res.json().id, agencyId })).json().id;
    const text = JSON.stringify((await get(`/cases/${id}/agreement`, as.creditor)).json());
    expect(text).not.toContain(idNumber);
    expect(text).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    const bad = await post('/debts', as.creditor, { debtor: { kind: 'person', name: '王五', idNumber: first17 + 'Y' }, principalFen: 1, dueOn: '2026-05-01', description: 'x' });
    expect(bad.json().errors[0].field).toBe('body.debtor.idNumber');
  });

  it('refuses to commission a red-graded agency, with the reason', async () => {
    const res = await post('/cases', as.creditor, { debtId: await newDebt(), agencyId: redAgencyId });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/failed verification/);
  });

  it('renders the agreement with every mandatory clause as JSON, PDF (embedded CJK font) and DOCX', async () => {
    const id = (await post('/cases', as.creditor, { debtId: await newDebt(), agencyId })).json().id;
    const json = (await get(`/cases/${id}/agreement`, as.creditor)).json();
    expect(json.sections.filter((s: { mandatory: boolean }) => s.mandatory).map((s: { id: string }) => s.id)).toEqual(['lawful-means', 'fee-share-of-recovery', 'complaint-48h', 'cooling-off', 'pi-authorisation']);
    const pdf = await get(`/cases/${id}/agreement?format=pdf`, as.creditor);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(pdf.rawPayload);
    expect(doc.getTitle()).toBe('债权催收委托协议');
    // The font travels with the file (a FontFile2/3 stream), cut down to the characters used (small).
    const embedded = doc.context.enumerateIndirectObjects().some(([, o]) => o instanceof PDFDict && (o.has(PDFName.of('FontFile2')) || o.has(PDFName.of('FontFile3'))));
    expect(embedded).toBe(true);
    expect(pdf.rawPayload.length).toBeLessThan(400_000);
    const docx = await get(`/cases/${id}/agreement?format=docx`, as.creditor);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('不得采取跟踪、骚扰、恐吓');
    expect(xml).toContain('48 小时内作出答复');
    // Nobody else sees it.
    expect((await get(`/cases/${id}/agreement`, as.other)).statusCode).toBe(404);
  });

  it('signs, then revokes within cooling-off; revocation is final and logged', async () => {
    const id = (await post('/cases', as.creditor, { debtId: await newDebt(), agencyId })).json().id;
    expect((await post(`/cases/${id}/sign`, as.creditor, { acceptAgreement: true, authorisePersonalInformation: false })).json().errors[0].field).toBe('body.authorisePersonalInformation');
    expect((await post(`/cases/${id}/sign`, as.agency, { acceptAgreement: true, authorisePersonalInformation: true })).statusCode).toBe(403);
    const signed = (await post(`/cases/${id}/sign`, as.creditor, { acceptAgreement: true, authorisePersonalInformation: true })).json();
    expect(signed).toMatchObject({ status: 'cooling_off', coolingOffEndsAt: new Date(now.getTime() + 24 * HOUR).toISOString() });
    // The agency can record no collection action until the period ends.
    const early = await call(id);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ rule: 'case-status', ruleVersion: '2026.1' });
    const revoked = await post(`/cases/${id}/revoke`, as.creditor);
    expect(revoked.json().status).toBe('revoked');
    expect((await post(`/cases/${id}/revoke`, as.creditor)).statusCode).toBe(409);
    expect((await post(`/cases/${id}/sign`, as.creditor, { acceptAgreement: true, authorisePersonalInformation: true })).json().detail).toMatch(/final/);
    const view = (await get(`/cases/${id}`, as.creditor)).json();
    expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(['agreement_signed', 'commission_revoked']);
    // Each event's content hash is what the public log holds.
    for (const e of view.events) {
      const entry = (await get(`/log/entries/${e.logIndex}`)).json().entry;
      expect(entry.data.contentSha256).toBe(createHash('sha256').update(e.canonicalContent).digest('hex'));
      expect(entry.case).toBe(view.reference);
    }
    expect(JSON.stringify((await get(`/log/entries/${view.events[1].logIndex}`)).json())).not.toContain('货款');
  });

  it('refuses revocation after the cooling-off period, and activates the case', async () => {
    const id = await openSigned();
    now = new Date(now.getTime() + 24 * HOUR);
    try {
      const late = await post(`/cases/${id}/revoke`, as.creditor);
      expect(late.statusCode).toBe(409);
      expect(late.json().detail).toMatch(/cooling-off period ended/);
      const view = (await get(`/cases/${id}`, as.creditor)).json();
      expect(view.status).toBe('active');
      expect(view.firstReport.dueAt).toBe(new Date(now.getTime() + 72 * HOUR).toISOString());
    } finally {
      now = TEST_NOW;
    }
  });

  describe('on an active case', () => {
    let id: number;
    beforeAll(async () => {
      id = await openSigned(10_000_000);
      now = new Date(TEST_NOW.getTime() + 25 * HOUR); // 13:00 Shanghai the next day
    });
    afterAll(() => {
      now = TEST_NOW;
    });

    it('accepts a lawful call, records the rule version, and tells the creditor at once', async () => {
      expect((await get(`/cases/${id}`, as.creditor)).json().status).toBe('active');
      const before = sender.sent.length;
      const res = await call(id);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().ruleVersion).toBe('2026.1');
      expect(sender.sent.length).toBe(before + 1);
      const feed = (await get('/notifications?unread=true', as.creditor)).json();
      expect(feed.items[0]).toMatchObject({ kind: 'call', caseId: id });
      expect((await post(`/notifications/${feed.items[0].id}/read`, as.creditor)).statusCode).toBe(200);
      expect((await post(`/notifications/${feed.items[0].id}/read`, as.other)).statusCode).toBe(404);
    });

    it('refuses a fourth connected call today, counting every agency of the creditor, and stores the refusal', async () => {
      expect((await call(id)).statusCode).toBe(201);
      expect((await call(id)).statusCode).toBe(201);
      const fourth = await call(id);
      expect(fourth.statusCode).toBe(422);
      expect(fourth.json()).toMatchObject({ rule: 'daily-connected-calls', status: 422 });
      expect(fourth.json().reason['zh-CN']).toMatch(/最多 3 次/);
      const precheck = (await post(`/cases/${id}/compliance-checks`, as.agency, { kind: 'call', contact: { target: 'debtor', connected: true } })).json();
      expect(precheck).toMatchObject({ allowed: false, rule: 'daily-connected-calls' });
      const stats = (await get(`/agencies/${agencyId}/case-stats`)).json();
      expect(stats.refusedActions).toBeGreaterThanOrEqual(2);
    });

    it('refuses contact in quiet hours, threats, and telling a third party about the debt', async () => {
      now = new Date(TEST_NOW.getTime() + 34 * HOUR); // 22:00 Shanghai
      expect((await post(`/cases/${id}/events`, as.agency, { kind: 'sms', message: '请回电', contact: { target: 'debtor' } })).json().rule).toBe('quiet-hours');
      now = new Date(TEST_NOW.getTime() + 26 * HOUR);
      expect((await post(`/cases/${id}/events`, as.agency, { kind: 'sms', message: '再不还钱让你好看', contact: { target: 'debtor' } })).json().rule).toBe('forbidden-content');
      const tp = { target: 'third_party', connected: true, thirdParty: { contact: '138 0000 1234', relation: '同事' } };
      expect((await post(`/cases/${id}/events`, as.agency, { kind: 'sms', message: '请转告贵司财务尽快还款', contact: tp })).json().rule).toBe('third-party-disclosure');
      expect((await post(`/cases/${id}/events`, as.agency, { kind: 'sms', message: '请转告贵司财务回电', contact: { ...tp, refused: true } })).statusCode).toBe(201);
      expect((await post(`/cases/${id}/events`, as.agency, { kind: 'sms', message: '请转告回电', contact: { ...tp, thirdParty: { contact: '13800001234', relation: '同事' } } })).json().rule).toBe('third-party-refused');
    });

    it('lets only parties see the case; another agency and another creditor get 404', async () => {
      expect((await get(`/cases/${id}`, as.other)).statusCode).toBe(404);
      expect((await get(`/cases/${id}`, as.redAgency)).statusCode).toBe(404);
      expect((await get(`/cases/${id}`, as.debtor)).json().viewer).toBe('debtor');
      expect((await get('/cases', as.agency)).json().items.some((c: { id: number }) => c.id === id)).toBe(true);
      expect((await get('/cases', as.redAgency)).json().items).toEqual([]);
    });

    it('lets the debtor object to one event; collection pauses until the regulator decides', async () => {
      const events = (await get(`/cases/${id}`, as.debtor)).json().events;
      const target = events.find((e: { kind: string }) => e.kind === 'call');
      const obj = await post(`/cases/${id}/events/${target.id}/objections`, as.debtor, { reason: '该通电话并未接通' });
      expect(obj.statusCode, obj.body).toBe(201);
      // Filed Tuesday 2026-11-24 (Shanghai): 3 working days later is Friday 2026-11-27.
      expect(obj.json()).toMatchObject({ status: 'open', dueOn: '2026-11-27', deadline: '2026-11-27T23:59:59+08:00' });
      expect((await post(`/cases/${id}/events/${target.id}/objections`, as.debtor, { reason: 'again' })).statusCode).toBe(409);
      expect((await post(`/cases/${id}/events/${target.id}/objections`, as.creditor, { reason: 'x' })).statusCode).toBe(403);
      expect((await call(id)).json().rule).toBe('open-objection');
      const view = (await get(`/cases/${id}`, as.creditor)).json();
      expect(view.events.find((e: { id: number }) => e.id === target.id).objection).toMatchObject({ status: 'open' });
      expect(view.events.at(-1).kind).toBe('objection_filed');
      expect((await post(`/objections/${obj.json().id}/decision`, as.regulator, { outcome: 'upheld', reason: '通话录音显示已接通' })).json().status).toBe('upheld');
      expect((await post(`/objections/${obj.json().id}/decision`, as.regulator, { outcome: 'removed', reason: 'x' })).statusCode).toBe(409);
    });

    it('splits payments exactly, idempotently, and settles the case on full payment', async () => {
      const key = { 'idempotency-key': 'pay-0001-abcdef' };
      const body = { amountFen: 3_000_000, receivedAt: now.toISOString(), method: 'bank_transfer' };
      expect((await post(`/cases/${id}/payments`, as.agency, body)).json().errors[0].field).toBe('header.idempotency-key');
      const first = await post(`/cases/${id}/payments`, as.agency, body, key);
      expect(first.statusCode, first.body).toBe(201);
      const split = first.json();
      expect(split.feeFen + split.netFen).toBe(3_000_000);
      const replay = await post(`/cases/${id}/payments`, as.agency, body, key);
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toMatchObject({ id: split.id, feeFen: split.feeFen, replayed: true });
      expect((await post(`/cases/${id}/payments`, as.agency, { ...body, amountFen: 1 }, key)).statusCode).toBe(409);
      const rest = await post(`/cases/${id}/payments`, as.creditor, { ...body, amountFen: 7_000_000 }, { 'idempotency-key': 'pay-0002-abcdef' });
      expect(rest.json().caseStatus).toBe('settled');
      const st = (await get(`/cases/${id}/statement`, as.creditor)).json();
      expect(st.payments).toHaveLength(2);
      expect(st.totals.recoveredFen).toBe(10_000_000);
      expect(st.totals.agencyFeeFen + st.totals.creditorNetFen).toBe(10_000_000);
      const debit = st.ledger.reduce((s: number, a: { debitFen: number }) => s + a.debitFen, 0);
      const credit = st.ledger.reduce((s: number, a: { creditFen: number }) => s + a.creditFen, 0);
      expect(debit).toBe(credit);
      expect((await call(id)).json().rule).toBe('case-status');
      const kinds = (await get(`/cases/${id}`, as.creditor)).json().events.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['partial_payment', 'full_payment', 'case_closed']));
    });
  });

  it('flags an overdue first report to the creditor once, and counts it against the agency', async () => {
    const id = await openSigned();
    now = new Date(TEST_NOW.getTime() + 24 * HOUR + 73 * HOUR);
    try {
      const ctx = { ...testContext(database), clock: () => now };
      // Reading the case activates it (cooling-off ended 73 h ago), then the job flags the report.
      expect((await get(`/cases/${id}`, as.creditor)).json().status).toBe('active');
      now = new Date(now.getTime() + 73 * HOUR);
      expect(await flagOverdueFirstReports(ctx)).toBeGreaterThanOrEqual(1);
      expect(await flagOverdueFirstReports(ctx)).toBe(0);
      const view = (await get(`/cases/${id}`, as.creditor)).json();
      expect(view.firstReport.overdue).toBe(true);
      expect((await get('/notifications', as.creditor)).json().items.some((n: { kind: string; caseId: number }) => n.kind === 'first_report_overdue' && n.caseId === id)).toBe(true);
      expect((await get(`/agencies/${agencyId}/case-stats`)).json().firstReports.overdue).toBeGreaterThanOrEqual(1);
    } finally {
      now = TEST_NOW;
    }
  });

  it('publishes agency fee schedules as versions and quotes them publicly', async () => {
    const bad = await post('/agencies/me/fee-schedule', as.agency, { mode: 'progressive', brackets: [{ upToFen: 100, rateBps: 20_000 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/rate_out_of_range/);
    const pub = await post('/agencies/me/fee-schedule', as.agency, { mode: 'flat', brackets: [{ upToFen: 5_000_000, rateBps: 3000 }, { upToFen: null, rateBps: 2000 }], hourly: { rateFenPerHour: 30_000, minFen: 60_000, maxFen: 300_000, description: '资信调查' } });
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json().version).toBe(2);
    expect((await get('/agencies/me/fee-schedule', as.agency)).json()).toMatchObject({ agency: { id: agencyId }, current: { version: 2 } });
    const sched = (await get(`/agencies/${agencyId}/fee-schedule`)).json();
    expect(sched).toMatchObject({ version: 2, schedule: { mode: 'flat' } });
    const q = (await post('/fee-quotes', {}, { amountFen: 6_000_000, agencyId, hours: 1.5 })).json();
    expect(q).toMatchObject({ feeFen: 1_200_000, netFen: 4_800_000, scheduleVersion: 2, hourly: { hours: 1.5, rawFen: 45_000, feeFen: 60_000, bounded: true } });
    expect((await post('/fee-quotes', {}, { amountFen: 1 })).statusCode).toBe(400);
    expect((await post('/agencies/me/fee-schedule', as.creditor, { mode: 'flat', brackets: [{ upToFen: null, rateBps: 1 }] })).statusCode).toBe(403);
  });
});

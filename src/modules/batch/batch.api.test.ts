/** Batch checks through the API: exact codes, names with confidence, ambiguity never resolved silently, bad rows reported, CSV and XLSX both ways. */
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/accounts.js';
import { testApp, testContext } from '../../../test/factories.js';
import { partyClient } from '../../../test/sessions.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { ensureModel } from '../risk/risk.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(TEST_DIALECTS)('batch check on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const ids = {} as Record<'user', number>;
  const api = partyClient<'user'>(() => app, () => database, ids, () => new Date('2026-11-23T04:00:00Z'));
  let sample: Array<{ credit_code: string; name: string }>;

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 500);
    app = await testApp(database);
    ids.user = (await createUser(database, 'enterprise')).id;
    await ensureModel(testContext(database));
    sample = await database.db.selectFrom('enterprises').select(['credit_code', 'name']).orderBy('id').limit(4).execute();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('matches codes exactly and names with a confidence, and reports every bad row', async () => {
    // Two enterprises made to share a name: a name must not silently pick one of them.
    await database.db.updateTable('enterprises').set({ search_name: 'xq同名测试公司', name: 'XQ同名测试公司' }).where('credit_code', 'in', [sample[2]!.credit_code, sample[3]!.credit_code]).execute();
    const bad = sample[0]!.credit_code.slice(0, 17) + (sample[0]!.credit_code.endsWith('1') ? '2' : '1');
    const csv = ['统一社会信用代码或名称,备注', sample[0]!.credit_code, sample[1]!.name, bad, '', 'XQ同名测试公司', `${sample[1]!.name.slice(0, -4)}公司`, '完全不存在的某某企业'].join('\n');
    const res = await api.post('/batch-checks', 'user', csv, { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows, summary, modelVersion } = res.json();
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ line: 2, status: 'matched', confidence: 1, enterprise: { creditCode: sample[0]!.credit_code } });
    expect(rows[0].riskBand).toMatch(/low|medium|high|very_high/);
    expect(typeof rows[0].openLawsuits).toBe('number');
    expect(rows[1]).toMatchObject({ status: 'matched', enterprise: { name: sample[1]!.name } });
    expect(rows[2]).toMatchObject({ status: 'invalid', enterprise: null });
    expect(rows[2].reason).toMatch(/校验码/);
    expect(rows[3]).toMatchObject({ status: 'invalid', reason: 'empty row' });
    expect(rows[4]).toMatchObject({ status: 'ambiguous', enterprise: null });
    expect(rows[4].alternatives).toHaveLength(2);
    expect(['probable', 'ambiguous', 'not_found']).toContain(rows[5].status);
    if (rows[5].status === 'probable') expect(rows[5].confidence).toBeLessThan(1);
    expect(rows[6]).toMatchObject({ status: 'not_found', enterprise: null });
    expect(summary.matched + summary.probable + summary.ambiguous + summary.not_found + summary.invalid).toBe(7);
    expect(modelVersion).toBeTruthy();
  });

  it('finds a near-name ("…公司" for "…有限公司") as probable, with its confidence, never as matched', async () => {
    const e = await database.db.selectFrom('enterprises').select(['credit_code', 'name']).where('name', 'like', '%有限公司').where('credit_code', 'not in', [sample[2]!.credit_code, sample[3]!.credit_code]).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const near = e.name.replace('有限公司', '公司');
    const row = (await api.post('/batch-checks', 'user', `企业名称\n${near}`, { 'content-type': 'text/csv' })).json().rows[0];
    expect(row).toMatchObject({ status: 'probable', enterprise: { creditCode: e.credit_code } });
    expect(row.confidence).toBeGreaterThan(0.75);
    expect(row.confidence).toBeLessThan(1);
    expect(row.alternatives[0].creditCode).toBe(e.credit_code);
  });

  it('reads XLSX, writes XLSX and CSV with the same rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('供应商');
    ws.addRow(['企业名称']);
    ws.addRow([sample[0]!.name]);
    ws.addRow([sample[1]!.credit_code]);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const json = (await api.post('/batch-checks', 'user', body, { 'content-type': XLSX })).json();
    expect(json.rows.map((r: { status: string }) => r.status)).toEqual(['matched', 'matched']);
    expect(json.rows[0].line).toBe(2);
    const out = await api.post('/batch-checks?format=xlsx', 'user', body, { 'content-type': XLSX });
    expect(out.headers['content-type']).toBe(XLSX);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out.rawPayload as unknown as ArrayBuffer);
    expect(back.worksheets[0]!.getRow(2).getCell(5).value).toBe(sample[0]!.credit_code);
    const csv = await api.post('/batch-checks?format=csv', 'user', body, { 'content-type': XLSX });
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.rawPayload.toString('utf8')).toContain(sample[1]!.credit_code);
  });

  it('refuses anonymous users, other file types and oversize batches with a reason', async () => {
    expect((await api.post('/batch-checks', null, 'x', { 'content-type': 'text/csv' })).statusCode).toBe(401);
    expect((await api.post('/batch-checks', 'user', '{}', { 'content-type': 'application/json' })).statusCode).toBe(415);
    const big = ['name', ...Array.from({ length: 10_001 }, (_, i) => `公司${i}`)].join('\n');
    const r = await api.post('/batch-checks', 'user', big, { 'content-type': 'text/csv' });
    expect(r.statusCode).toBe(413);
    expect(r.json().detail).toMatch(/at most 10,000 rows/);
  });
});

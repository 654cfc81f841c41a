/** `xinqiao import`'s engine: validation with line numbers, batched commits, idempotent re-runs — on every dialect. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, readNdjson } from '../ingest/read-rows.js';
import { buildCreditCode } from '../../domain/credit-code.js';
import { testContext } from '../../../test/factories.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { importRows } from './import-records.service.js';
import * as registry from './registry.service.js';

const A = buildCreditCode('9', '1', '320508', '1A2B3C4D');
const B = buildCreditCode('9', '1', '320706', '5E6F7G8H');
const C = buildCreditCode('9', '1', '320583', '9J8K7L6M');

describe.each(TEST_DIALECTS)('registry import on %s', (dialect) => {
  let database: TestDatabase;
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-import-'));
  });
  afterAll(async () => {
    await database?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports enterprises from CSV, reports bad rows by line, and a re-run changes nothing', async () => {
    const csv = write('enterprises.csv', [
      'credit_code,name,former_names,legal_representative,registered_capital_yuan,established_on,status,business_scope',
      `${A},苏州甲乙商账管理有限公司,苏州甲乙咨询有限公司,张三,1000000,2019-03-01,active,商账管理服务；企业管理咨询`,
      `91320000134794022W,坏代码有限公司,,李四,100,2020-01-01,active,`,
      `${B},连云港丙丁贸易有限公司,,王五,500000.50,2018-13-01,active,`,
      `${C},昆山戊己科技有限公司,,赵六,200000,2021-07-15,cancelled,技术服务`,
      '',
    ].join('\n'));
    const ctx = testContext(database);
    const first = await importRows(ctx, 'enterprises', readCsv(csv), { batchSize: 2 });
    expect(first).toMatchObject({ read: 4, inserted: 2, updated: 0, unchanged: 0 });
    expect(first.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('creditCode: is not a valid unified social credit code') },
      { line: 4, reason: expect.stringContaining('establishedOn') },
    ]);
    const again = await importRows(ctx, 'enterprises', readCsv(csv), { batchSize: 2 });
    expect(again).toMatchObject({ read: 4, inserted: 0, updated: 0, unchanged: 2 });
    const found = await registry.search(ctx, { q: '甲乙咨询', page: 1, pageSize: 10 });
    expect(found.items.map((i) => i.name)).toEqual(['苏州甲乙商账管理有限公司']);
    const detail = await registry.getEnterprise(ctx, found.items[0]!.id);
    expect(detail).toMatchObject({ registeredCapitalFen: 100_000_000, division: { county: '姑苏区' }, source: 'import' });
  });

  it('updates a changed enterprise and re-indexes its name for search', async () => {
    const ctx = testContext(database);
    const file = write('rename.ndjson', `${JSON.stringify({ creditCode: A, name: '苏州新名商账管理有限公司', formerNames: ['苏州甲乙商账管理有限公司'], legalRepresentative: '张三', establishedOn: '2019-03-01', businessScope: '商账管理服务' })}\n`);
    expect(await importRows(ctx, 'enterprises', readNdjson(file))).toMatchObject({ inserted: 0, updated: 1 });
    expect((await registry.search(ctx, { q: '新名', page: 1, pageSize: 5 })).items[0]?.name).toBe('苏州新名商账管理有限公司');
    expect((await registry.search(ctx, { q: '甲乙商账', page: 1, pageSize: 5 })).items[0]?.name).toBe('苏州新名商账管理有限公司');
    expect((await registry.search(ctx, { q: '甲乙咨询', page: 1, pageSize: 5 })).total).toBe(0);
  });

  it('imports agencies, penalties and enforcement from NDJSON; unknown enterprises and malformed lines are rejected', async () => {
    const ctx = testContext(database);
    const agencies = write('agencies.ndjson', [
      JSON.stringify({ creditCode: A, filingNumber: '3205-BA-1', filedName: '苏州新名商账管理有限公司', filingCityCode: '320500', services: ['account_management'], certificationLevel: 'AA', recommended: true, filedOn: '2024-01-01' }),
      '{not json',
      JSON.stringify({ creditCode: C, filingNumber: '3205-BA-2', filedName: 'x', filingCityCode: '3205', services: [], filedOn: '2024-01-01' }),
    ].join('\n'));
    const a = await importRows(ctx, 'agencies', readNdjson(agencies));
    expect(a.inserted).toBe(1);
    expect(a.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(a.rejected[0]!.reason).toContain('invalid JSON');
    expect(a.rejected[1]!.reason).toContain('filingCityCode');

    const penalties = write('penalties.csv', [
      'creditCode,decisionNumber,authority,reason,amountYuan,decidedOn',
      `${A},苏市监处罚〔2026〕1号,苏州市市场监督管理局,未按规定明码标价,5000,2026-03-01`,
      `${buildCreditCode('9', '1', '320505', 'ZZZZZZZ0'.replace(/Z/g, '1'))},苏市监处罚〔2026〕2号,苏州市市场监督管理局,x,1,2026-03-01`,
      `${A},苏市监处罚〔2026〕3号,苏州市市场监督管理局,超范围经营,12.345,2026-03-01`,
    ].join('\n'));
    const p = await importRows(ctx, 'penalties', readCsv(penalties));
    expect(p.inserted).toBe(1);
    expect(p.rejected.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([[3, 'creditCode'], [4, 'amountYuan']]);
    expect((await importRows(ctx, 'penalties', readCsv(penalties))).inserted).toBe(0);

    const enforcement = write('enforcement.ndjson', JSON.stringify({ creditCode: A, caseNumber: '（2026）苏0508执9号', court: '苏州市姑苏区人民法院', amountFen: 1_000_000, filedOn: '2026-02-01', status: 'open' }));
    expect((await importRows(ctx, 'enforcement', readNdjson(enforcement))).inserted).toBe(1);

    const id = (await registry.search(ctx, { q: A, page: 1, pageSize: 1 })).items[0]!.agency!.id;
    const v = await registry.verifyAgencyById(ctx, id);
    expect(v.grade).toBe('red');
    expect(v.steps[2]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['open_enforcement', 'recent_penalties']));

    // The enforcement case is closed at the source: the update flows through and the grade changes.
    fs.writeFileSync(enforcement, JSON.stringify({ creditCode: A, caseNumber: '（2026）苏0508执9号', court: '苏州市姑苏区人民法院', amountFen: 1_000_000, filedOn: '2026-02-01', status: 'closed', closedOn: '2026-06-01' }));
    expect(await importRows(ctx, 'enforcement', readNdjson(enforcement))).toMatchObject({ updated: 1, inserted: 0 });
    expect((await registry.verifyAgencyById(ctx, id)).grade).toBe('yellow');
  });
});

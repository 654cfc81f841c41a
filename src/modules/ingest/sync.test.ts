/** Sync from HTTP and file sources on every dialect: counts, idempotence, removals, quarantine and replay, failures, locking. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/factories.js';
import { createUser } from '../../../test/accounts.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { parseSources, type Source } from './sources.config.js';
import { quarantined, resolveQuarantined, runSync, sourceStatuses, syncRuns, type SyncDeps } from './sync.service.js';
import { feedData, startFeedServer } from './test-feed-server.js';

const ENTERPRISES = 600;

describe.each(TEST_DIALECTS)('sync on %s', (dialect) => {
  let database: TestDatabase;
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  let dir: string;
  const ctx = () => ({ ...testContext(database), clock: () => new Date() });
  let deps: SyncDeps;
  const http = (name: string, kind: string, feedName: string, extra: Record<string, unknown> = {}) => ({ name, kind, type: 'http', url: `${feed.url}/feeds/${feedName}`, auth: { header: 'Authorization', prefix: 'Bearer ', secret: 'FEED_TOKEN' }, pageSize: 40, ratePerSecond: 1000, backoffMs: 5, ...extra });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    feed = await startFeedServer({ enterprises: ENTERPRISES, seed: 5, token: 't0k3n', failEvery: 7 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-sync-'));
    const sources: Source[] = parseSources({ sources: [
      http('ents', 'enterprises', 'enterprises'),
      http('dishonest', 'dishonest', 'dishonest'),
      http('dishonest-early', 'dishonest', 'dishonest', { pageSize: 1000 }),
      http('wrong-token', 'dishonest', 'dishonest', { auth: { header: 'Authorization', prefix: 'Bearer ', secret: 'WRONG_TOKEN' } }),
      { name: 'penalties-csv', kind: 'penalties', type: 'file', path: 'penalties.csv', mapping: { 统一社会信用代码: 'creditCode', 决定书文号: 'decisionNumber', 处罚机关: 'authority', 事由: 'reason', 内容: 'content', 罚款金额元: 'amountYuan', 决定日期: 'decidedOn' }, batchSize: 2 },
      { name: 'abnormal-xlsx', kind: 'abnormal', type: 'file', path: 'abnormal.xlsx', mapping: { 信用代码: 'creditCode', 列入原因: 'reason', 列入日期: 'listedOn', 作出决定机关: 'listedBy' } },
    ] }, 'test', dir);
    deps = { sources, secret: (n) => ({ FEED_TOKEN: 't0k3n', WRONG_TOKEN: 'nope' })[n], leaseMs: 60_000 };
    await createUser(database, 'regulator');
  });
  afterAll(async () => {
    await feed?.close();
    await database?.destroy();
  });

  it('quarantines rows that name unknown enterprises, then replays them once the enterprises exist', async () => {
    const early = await runSync(ctx(), deps, 'dishonest-early');
    expect(early.status).toBe('succeeded');
    expect(early.inserted).toBe(0);
    const open = await quarantined(ctx(), { source: 'dishonest-early', status: 'open' }, 5);
    expect(open[0]!.reason).toMatch(/no registered enterprise/);
    expect(open[0]!.position).toMatch(/^start#\d+$/);
    const ents = await runSync(ctx(), deps, 'ents');
    expect(ents).toMatchObject({ status: 'succeeded', read: ENTERPRISES, inserted: ENTERPRISES });
    const replayable = open.find((q) => (q.raw as { creditCode: string }).creditCode !== 'NOT-A-CODE' && !(q.raw as { deleted?: boolean }).deleted)!;
    expect(await resolveQuarantined(ctx(), deps, replayable.id, 'replay')).toMatchObject({ status: 'replayed' });
    expect((await resolveQuarantined(ctx(), deps, replayable.id, 'replay').catch((e: Error) => e.message))).toMatch(/already replayed/);
  });

  it('pulls a change log through retries: listings, updates and delistings as the source ends them', async () => {
    const run = await runSync(ctx(), deps, 'dishonest');
    expect(run.status, run.error ?? '').toBe('succeeded');
    const log = feedData(ENTERPRISES, 5).dishonest;
    expect(run.read).toBe(log.length);
    // Expected final state: replay the log by case number.
    const expected = new Map<string, Record<string, unknown> | null>();
    for (const item of log) {
      if ((item as { creditCode?: string }).creditCode === 'NOT-A-CODE') continue;
      expected.set(String(item.caseNumber), item.deleted ? null : item);
    }
    const rows = await database.db.selectFrom('dishonest_entries').select(['case_number', 'performance', 'withdrawn_at', 'source']).execute();
    const visible = rows.filter((r) => !r.withdrawn_at);
    expect(visible.map((r) => r.case_number).sort()).toEqual([...expected].filter(([, v]) => v).map(([k]) => k).sort());
    for (const r of visible) expect(r.performance).toBe(expected.get(r.case_number)!.performance);
    expect(rows.filter((r) => r.withdrawn_at).length).toBe([...expected.values()].filter((v) => v === null).length);
    // Every record says which source wrote it last.
    expect(rows.every((r) => ['dishonest', 'dishonest-early'].includes(r.source))).toBe(true);
    const bad = await quarantined(ctx(), { source: 'dishonest', status: 'open' }, 100);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((q) => /credit code/.test(q.reason))).toBe(true);
    // Caught up: the next incremental run reads nothing and changes nothing.
    expect(await runSync(ctx(), deps, 'dishonest')).toMatchObject({ status: 'succeeded', read: 0, inserted: 0, updated: 0, removed: 0 });
  });

  it('keeps yesterday’s data when a source fails, records the failure and alerts the operators', async () => {
    const before = await database.db.selectFrom('dishonest_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const run = await runSync(ctx(), deps, 'wrong-token');
    expect(run).toMatchObject({ status: 'failed', read: 0 });
    expect(run.error).toMatch(/401/);
    const after = await database.db.selectFrom('dishonest_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const alert = await database.db.selectFrom('notifications').select(['kind', 'body']).where('kind', '=', 'sync_failed').executeTakeFirst();
    expect(alert?.body).toMatch(/401/);
    const status = (await sourceStatuses(ctx(), deps)).find((s) => s.name === 'wrong-token')!;
    expect(status).toMatchObject({ stale: true, lastSuccessAt: null });
    expect(status.lastError).toMatch(/401/);
    expect((await sourceStatuses(ctx(), deps)).find((s) => s.name === 'ents')!.stale).toBe(false);
    expect((await syncRuns(ctx(), 'wrong-token', 5))[0]).toMatchObject({ status: 'failed' });
  });

  it('runs one sync per source at a time', async () => {
    const results = await Promise.allSettled([runSync(ctx(), deps, 'ents'), runSync(ctx(), deps, 'ents')]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason.message))).toEqual([expect.stringMatching(/already being synced/)]);
  });

  it('reads CSV with a Chinese column mapping, resumes after its cursor, and a re-run changes nothing', async () => {
    const ent = await database.db.selectFrom('enterprises').select('credit_code').orderBy('id').limit(2).execute();
    const lines = ['统一社会信用代码,决定书文号,处罚机关,事由,内容,罚款金额元,决定日期',
      `${ent[0]!.credit_code},苏市监罚〔2026〕1号,苏州市市场监督管理局,虚假宣传,罚款,5000,2026-03-01`,
      `${ent[1]!.credit_code},苏市监罚〔2026〕2号,苏州市市场监督管理局,未按期年报,警告,0,2026-03-02`,
      `${ent[1]!.credit_code},苏市监罚〔2026〕3号,苏州市市场监督管理局,无照经营,罚款,abc,2026-03-03`];
    fs.writeFileSync(path.join(dir, 'penalties.csv'), lines.join('\n'));
    const run = await runSync(ctx(), deps, 'penalties-csv');
    expect(run).toMatchObject({ status: 'succeeded', read: 3, inserted: 2, rejected: 1, pages: 2 });
    const q = (await quarantined(ctx(), { source: 'penalties-csv', status: 'open' }, 5))[0]!;
    expect(q.position).toBe('line 4');
    expect(q.reason).toMatch(/amountYuan/);
    expect(await runSync(ctx(), deps, 'penalties-csv')).toMatchObject({ read: 0, inserted: 0 });
    expect(await runSync(ctx(), deps, 'penalties-csv', { since: '' })).toMatchObject({ read: 3, inserted: 0, updated: 0, rejected: 1 });
    const stored = await database.db.selectFrom('penalties').select(['amount_fen', 'source']).where('decision_number', '=', '苏市监罚〔2026〕1号').executeTakeFirstOrThrow();
    expect(stored).toEqual({ amount_fen: 500_000, source: 'penalties-csv' });
  });

  it('reads XLSX with a column mapping', async () => {
    const ent = await database.db.selectFrom('enterprises').select('credit_code').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('经营异常名录');
    ws.addRow(['信用代码', '列入原因', '列入日期', '作出决定机关']);
    ws.addRow([ent.credit_code, '通过登记的住所无法联系', '2026-04-01', '苏州市市场监督管理局']);
    ws.addRow(['91320500XXXXXXXX', '未按规定公示年报', '2026-04-02', '苏州市市场监督管理局']);
    await wb.xlsx.writeFile(path.join(dir, 'abnormal.xlsx'));
    const run = await runSync(ctx(), deps, 'abnormal-xlsx');
    expect(run).toMatchObject({ status: 'succeeded', read: 2, inserted: 1, rejected: 1 });
    const row = await database.db.selectFrom('abnormal_entries').select(['reason', 'listed_on']).where('source', '=', 'abnormal-xlsx').executeTakeFirstOrThrow();
    expect(row).toEqual({ reason: '通过登记的住所无法联系', listed_on: '2026-04-01' });
  });

  it('names the fault of a malformed sources file', () => {
    expect(() => parseSources({ sources: [{ name: 'Bad Name', kind: 'x', type: 'http', url: 'ftp://x' }] }, 'sources.json')).toThrow(/sources\.0\.name: use lower-case.*sources\.0\.kind/);
    expect(() => parseSources({ sources: [{ name: 'a', kind: 'penalties', type: 'file', path: 'a.csv', cron: 'every day' }] }, 'sources.json')).toThrow(/cron: is not a valid cron pattern/);
    expect(() => parseSources({ sources: [{ name: 'a', kind: 'penalties', type: 'file', path: 'a.csv' }, { name: 'a', kind: 'penalties', type: 'file', path: 'b.csv' }] }, 'sources.json')).toThrow(/used twice/);
  });
});

/** Ingestion through the API: operators start runs and work the quarantine; everyone sees each source's freshness. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/accounts.js';
import { testApp, testEvidence } from '../../../test/factories.js';
import { partyClient } from '../../../test/sessions.js';
import { createSeededDatabase, type TestDatabase } from '../../../test/test-database.js';
import { parseSources } from './sources.config.js';

describe('ingestion API', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const ids = {} as Record<'regulator' | 'creditor', number>;
  const now = () => new Date();
  const api = partyClient<'regulator' | 'creditor'>(() => app, () => database, ids, now);

  beforeAll(async () => {
    database = await createSeededDatabase('sqlite', 300);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-ingest-api-'));
    const code = (await database.db.selectFrom('enterprises').select('credit_code').orderBy('id').limit(1).executeTakeFirstOrThrow()).credit_code;
    fs.writeFileSync(path.join(dir, 'revocations.ndjson'), [
      JSON.stringify({ creditCode: code, documentNumber: '苏市监吊〔2026〕9号', authority: '苏州市市场监督管理局', reason: '成立后无正当理由超过 6 个月未开业', revokedOn: '2026-05-01' }),
      JSON.stringify({ creditCode: '91320500MA1XXXXXXX', documentNumber: '苏市监吊〔2026〕10号', authority: '苏州市市场监督管理局', reason: '未年报', revokedOn: '2026-05-02' }),
    ].join('\n'));
    const sources = parseSources({ sources: [{ name: 'revocations-drop', kind: 'revocations', type: 'file', path: 'revocations.ndjson', staleAfterHours: 24 }] }, 'test', dir);
    app = await testApp(database, undefined, undefined, {}, testEvidence(), { clock: now, sync: { sources, secret: () => undefined, leaseMs: 60_000 } });
    ids.regulator = (await createUser(database, 'regulator')).id;
    ids.creditor = (await createUser(database, 'creditor')).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('runs a source on request, records the run, quarantines the bad row, and reports freshness', async () => {
    expect((await api.get('/sources')).json().items).toEqual([{ name: 'revocations-drop', kind: 'revocations', lastSuccessAt: null, staleAfterHours: 24, stale: true }]);
    expect((await api.post('/admin/sync/sources/revocations-drop/run', 'creditor')).statusCode).toBe(403);
    expect((await api.post('/admin/sync/sources/nope/run', 'regulator')).statusCode).toBe(404);
    expect((await api.post('/admin/sync/sources/revocations-drop/run', 'regulator')).statusCode).toBe(202);
    await expect.poll(async () => (await api.get('/admin/sync/runs', 'regulator')).json().items[0]?.status, { timeout: 5000 }).toBe('succeeded');
    const run = (await api.get('/admin/sync/runs?source=revocations-drop', 'regulator')).json().items[0];
    expect(run).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    const q = (await api.get('/admin/sync/quarantine', 'regulator')).json().items[0];
    expect(q).toMatchObject({ source: 'revocations-drop', position: 'line 2' });
    expect(q.reason).toMatch(/creditCode/);
    expect((await api.post(`/admin/sync/quarantine/${q.id}/replay`, 'regulator')).json()).toMatchObject({ status: 'open' });
    expect((await api.post(`/admin/sync/quarantine/${q.id}/discard`, 'regulator')).json()).toMatchObject({ status: 'discarded' });
    const fresh = (await api.get('/sources')).json().items[0];
    expect(fresh.stale).toBe(false);
    expect(Date.parse(fresh.lastSuccessAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});

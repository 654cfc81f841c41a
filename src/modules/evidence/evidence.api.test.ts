/** The evidence log through the API, and tamper detection by `log verify` — on every dialect. */
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex, leafHash, toHex, verifyConsistency, verifyInclusion } from '../../domain/merkle.js';
import { createUser, sessionFor } from '../../../test/accounts.js';
import { testApp, testEvidence } from '../../../test/factories.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import type { EvidenceDeps } from './evidence.service.js';
import { verifyLog } from './log-verify.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n催收函：请于 7 日内联系。\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);

describe.each(TEST_DIALECTS)('evidence log on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let deps: EvidenceDeps;
  let agency: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    deps = testEvidence(undefined, 4096);
    app = await testApp(database, undefined, undefined, {}, deps);
    const s = await sessionFor(database, (await createUser(database, 'law_firm')).id);
    agency = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const upload = (body: Buffer, type: string, query = '') => app.inject({ method: 'POST', url: `/api/v1/evidence${query}`, headers: { ...agency, 'content-type': type }, payload: body });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('stores a file content-addressed, logs it, and returns a proof that verifies', async () => {
    const res = await upload(PDF, 'application/pdf', '?case=C-2026-0001&subject=91350100M000100Y43&name=letter.pdf');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(body).toMatchObject({ index: 0, size: PDF.length, duplicateFile: false, treeHead: { size: 1 } });
    const p = body.inclusionProof;
    expect(verifyInclusion(p.leafIndex, p.treeSize, fromHex(p.leafHash)!, p.path.map(fromHex), fromHex(p.rootHash)!)).toBeNull();
    // The leaf hash is recomputable from the entry's canonical bytes.
    const entry = (await get('/api/v1/log/entries/0')).json();
    expect(toHex(leafHash(new TextEncoder().encode(entry.entryBytes)))).toBe(entry.leafHash);
    expect(entry.entry).toMatchObject({ v: 1, type: 'evidence', case: 'C-2026-0001', data: { sha256: body.sha256, mediaType: 'application/pdf', name: 'letter.pdf' } });
  });

  it('stores a duplicate file once but logs it again', async () => {
    const again = (await upload(PDF, 'application/pdf', '?case=C-2026-0002')).json();
    expect(again).toMatchObject({ index: 1, duplicateFile: true });
    const looked = (await get(`/api/v1/evidence/${again.sha256}`)).json();
    expect(looked.entries.map((e: { index: number; entry: { case: string } }) => [e.index, e.entry.case])).toEqual([[0, 'C-2026-0001'], [1, 'C-2026-0002']]);
    expect((await get(`/api/v1/evidence/${'0'.repeat(64)}`)).json()).toMatchObject({ stored: false, entries: [] });
  });

  it('refuses wrong types, disguised files, oversize files and anonymous uploads', async () => {
    expect((await upload(PDF, 'text/plain')).statusCode).toBe(415);
    const disguised = await upload(PDF, 'image/png');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().detail).toMatch(/not image\/png/);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(5000)]), 'image/png');
    expect(big.statusCode).toBe(413);
    expect((await app.inject({ method: 'POST', url: '/api/v1/evidence', headers: { 'content-type': 'application/pdf' }, payload: PDF })).statusCode).toBe(401);
  });

  it('appends case events in a batch and proves consistency between tree heads', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/log/entries', headers: agency, payload: { entries: [{ type: 'case_event', case: 'C-2026-0001', data: { kind: 'collection_letter_sent' } }, { type: 'case_event', case: 'C-2026-0001', data: { kind: 'call', minutes: 4 } }] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ first: 2, size: 4, treeHead: { size: 4 } });
    const c = (await get('/api/v1/log/proofs/consistency?from=1&to=4')).json();
    expect(verifyConsistency(c.size1, c.size2, fromHex(c.root1)!, fromHex(c.root2)!, c.path.map(fromHex))).toBeNull();
    const heads = (await get('/api/v1/log/tree-heads')).json().items.map((h: { size: number }) => h.size);
    expect(heads).toEqual([4, 2, 1]);
    const checkpoint = (await get('/api/v1/log/checkpoint')).body;
    expect(checkpoint.split('\n').slice(0, 2)).toEqual(['test.xinqiao/log', '4']);
    expect((await get('/api/v1/log/public-key')).json()).toMatchObject({ algorithm: 'Ed25519', origin: 'test.xinqiao/log' });
  });

  it('shows a verified subject every entry about it; others are told to verify first', async () => {
    const debtor = await createUser(database, 'debtor');
    await database.db.updateTable('users').set({ enterprise_credit_code: '91350100M000100Y43', verification_status: 'verified' }).where('id', '=', debtor.id).execute();
    const s = await sessionFor(database, debtor.id);
    const mine = await app.inject({ method: 'GET', url: '/api/v1/account/evidence', headers: { cookie: s.cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().entries.map((e: { index: number }) => e.index)).toEqual([0]);
    const p = mine.json().entries[0].inclusionProof;
    expect(verifyInclusion(p.leafIndex, p.treeSize, fromHex(p.leafHash)!, p.path.map(fromHex), fromHex(p.rootHash)!)).toBeNull();
    const other = await sessionFor(database, (await createUser(database, 'creditor')).id);
    expect((await app.inject({ method: 'GET', url: '/api/v1/account/evidence', headers: { cookie: other.cookie } })).statusCode).toBe(403);
  });

  it('explains bad proof requests', async () => {
    expect((await get('/api/v1/log/proofs/inclusion?index=9&treeSize=99')).json().errors[0].field).toBe('query.treeSize');
    expect((await get('/api/v1/log/proofs/inclusion?index=4&treeSize=4')).json().errors[0].field).toBe('query.index');
    expect((await get('/api/v1/log/proofs/inclusion?index=-1&treeSize=4')).json().errors[0].field).toBe('query.index');
    expect((await get('/api/v1/log/proofs/consistency?from=3&to=2')).statusCode).toBe(400);
  });

  describe('tampering is caught and pinpointed by log verify', () => {
    // On SQLite the worker-thread path (tiny chunks, so several workers and joined levels) must agree exactly.
    const verify = async () => {
      const sequential = await verifyLog(database.db, deps.log.key.publicKey, deps.log.key.origin);
      if (dialect === 'sqlite') expect(await verifyLog(database.db, deps.log.key.publicKey, deps.log.key.origin, { sqlitePath: database.location, workers: 2, chunkHint: 1 })).toEqual(sequential);
      return sequential;
    };
    const snapshot = async () => database.db.selectFrom('log_entries').selectAll().orderBy('idx').execute();
    const restore = async (rows: Awaited<ReturnType<typeof snapshot>>) => {
      await database.db.deleteFrom('log_entries').execute();
      await database.db.insertInto('log_entries').values(rows).execute();
    };

    it('passes on an untouched log', async () => {
      expect(await verify()).toMatchObject({ ok: true, entries: 4, treeHeads: 3, problems: [] });
    });

    it('names an entry whose bytes were changed in SQL', async () => {
      const rows = await snapshot();
      await database.db.updateTable('log_entries').set({ entry: rows[2]!.entry.replace('collection_letter_sent', 'debtor_reply') }).where('idx', '=', 2).execute();
      const r = await verify();
      expect(r.ok).toBe(false);
      expect(r.firstBadEntry).toBe(2);
      expect(r.problems[0]).toMatch(/^entry 2: .*altered/);
      await restore(rows);
    });

    it('names a removed entry', async () => {
      const rows = await snapshot();
      await database.db.deleteFrom('log_entries').where('idx', '=', 1).execute();
      const r = await verify();
      expect(r.firstBadEntry).toBe(1);
      expect(r.problems[0]).toBe('entry 1: is missing (removed)');
      await restore(rows);
    });

    it('names swapped entries', async () => {
      const rows = await snapshot();
      await database.db.updateTable('log_entries').set({ entry: rows[3]!.entry }).where('idx', '=', 2).execute();
      await database.db.updateTable('log_entries').set({ entry: rows[2]!.entry }).where('idx', '=', 3).execute();
      const r = await verify();
      expect(r.firstBadEntry).toBe(2);
      expect(r.problems.filter((p) => p.startsWith('entry'))).toHaveLength(2);
      await restore(rows);
    });

    it('bounds an entry changed together with its recorded leaf hash by the signed roots', async () => {
      const rows = await snapshot();
      const forged = rows[1]!.entry.replace('C-2026-0002', 'C-2026-9999');
      await database.db.updateTable('log_entries').set({ entry: forged, leaf_hash: toHex(leafHash(new TextEncoder().encode(forged))) }).where('idx', '=', 1).execute();
      const r = await verify();
      expect(r.ok).toBe(false);
      expect(r.firstBadEntry).toBe(1);
      expect(r.problems.some((p) => p.includes('between 1 and 1'))).toBe(true);
      await restore(rows);
    });

    it('catches a forged tree head', async () => {
      const head = await database.db.selectFrom('log_tree_heads').selectAll().where('size', '=', 2).executeTakeFirstOrThrow();
      await database.db.updateTable('log_tree_heads').set({ root_hash: '0'.repeat(64) }).where('size', '=', 2).execute();
      const r = await verify();
      expect(r.problems).toContain('tree head at size 2: the signature does not verify (forged or altered tree head)');
      await database.db.updateTable('log_tree_heads').set({ root_hash: head.root_hash }).where('size', '=', 2).execute();
      expect((await verify()).ok).toBe(true);
    });
  });
});

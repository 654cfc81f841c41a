/** The registry HTTP API, run against every available dialect (SQLite always, PostgreSQL when present). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/factories.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';

describe.each(TEST_DIALECTS)('registry API on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let webRoot: string;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body.startsWith('{') || res.body.startsWith('[') ? res.json() : res.body };
  };
  const idOf = async (name: string) => (await get(`/api/v1/search?q=${encodeURIComponent(name)}`)).body.items.find((i: { name: string }) => i.name === name);

  beforeAll(async () => {
    database = await createSeededDatabase(dialect);
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>信桥</title><div id="root"></div>');
    app = await testApp(database, webRoot);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  describe('search', () => {
    it('finds 金鼎盛 by pinyin initials, full pinyin and characters', async () => {
      for (const q of ['jds', 'JDS', 'jindingsheng', 'dingsheng', '金鼎盛', '鼎盛']) {
        const { status, body } = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
        expect(status, q).toBe(200);
        expect(body.items.map((i: { name: string }) => i.name), q).toContain('连云港金鼎盛商账管理有限公司');
      }
    });

    it('finds by former name', async () => {
      const { body } = await get(`/api/v1/search?q=${encodeURIComponent('金鼎盛国际')}`);
      expect(body.items[0].name).toBe('连云港金鼎盛商账管理有限公司');
    });

    it('folds traditional characters: 蘇州 finds exactly what 苏州 finds', async () => {
      const simplified = await get(`/api/v1/search?q=${encodeURIComponent('苏州')}&pageSize=50`);
      const traditional = await get(`/api/v1/search?q=${encodeURIComponent('蘇州')}&pageSize=50`);
      expect(simplified.body.total).toBeGreaterThan(200);
      expect(traditional.body.total).toBe(simplified.body.total);
      expect(traditional.body.items).toEqual(simplified.body.items);
      for (const item of traditional.body.items) expect(item.name).toContain('苏州');
    });

    it('answers 2-character and 1-character queries as substrings', async () => {
      const two = await get(`/api/v1/search?q=${encodeURIComponent('商账')}&pageSize=100`);
      expect(two.body.total).toBeGreaterThan(0);
      for (const item of two.body.items) expect(item.name).toContain('商账');
      const one = await get(`/api/v1/search?q=${encodeURIComponent('鑫')}&pageSize=100`);
      expect(one.body.total).toBeGreaterThan(0);
      for (const item of one.body.items) expect(item.name).toContain('鑫');
      // A name's last character is found too (the index marks name ends).
      const last = await get(`/api/v1/search?q=${encodeURIComponent('司')}`);
      expect(last.body.total).toBeGreaterThan(1000);
    });

    it('ranks the exact name first', async () => {
      const { body } = await get(`/api/v1/search?q=${encodeURIComponent('苏州恒信商务咨询有限公司')}`);
      expect(body.items[0].name).toBe('苏州恒信商务咨询有限公司');
    });

    it('looks up an exact credit code and a credit-code prefix', async () => {
      const hit = await idOf('连云港德律法律咨询有限公司');
      const exact = await get(`/api/v1/search?q=${hit.creditCode.toLowerCase()}`);
      expect(exact.body.query.kind).toBe('credit_code');
      expect(exact.body.items).toHaveLength(1);
      expect(exact.body.items[0].name).toBe('连云港德律法律咨询有限公司');
      const prefix = await get(`/api/v1/search?q=${hit.creditCode.slice(0, 8)}`);
      expect(prefix.body.query.kind).toBe('code_prefix');
      for (const item of prefix.body.items) expect(item.creditCode.startsWith(hit.creditCode.slice(0, 8))).toBe(true);
    });

    it('filters by city, status and agency-only, and paginates without overlap', async () => {
      const lyg = await get(`/api/v1/search?q=${encodeURIComponent('有限公司')}&city=320700&agencyOnly=true&pageSize=100`);
      expect(lyg.body.total).toBe(37);
      for (const item of lyg.body.items) {
        expect(item.division.cityCode).toBe('320700');
        expect(item.agency).not.toBeNull();
      }
      const cancelled = await get(`/api/v1/search?q=${encodeURIComponent('有限公司')}&status=cancelled&pageSize=100`);
      for (const item of cancelled.body.items) expect(item.status).toBe('cancelled');
      const p1 = await get(`/api/v1/search?q=${encodeURIComponent('苏州')}&page=1&pageSize=10`);
      const p2 = await get(`/api/v1/search?q=${encodeURIComponent('苏州')}&page=2&pageSize=10`);
      const ids1 = p1.body.items.map((i: { id: number }) => i.id);
      const ids2 = p2.body.items.map((i: { id: number }) => i.id);
      expect(ids2).toHaveLength(10);
      expect(ids1.filter((id: number) => ids2.includes(id))).toEqual([]);
    });

    it('rejects bad parameters with problem+json naming the field', async () => {
      const missing = await get('/api/v1/search');
      expect(missing.status).toBe(400);
      expect(missing.type).toContain('application/problem+json');
      expect(missing.body.errors[0].field).toBe('query.q');
      const badPage = await get('/api/v1/search?q=abc&page=0');
      expect(badPage.body.errors[0]).toEqual({ field: 'query.page', detail: 'page must be a whole number from 1 to 500' });
      expect((await get('/api/v1/search?q=abc&page=two')).body.errors[0].detail).toBe('page must be a whole number from 1 to 500');
      const badCity = await get('/api/v1/search?q=abc&city=Suzhou');
      expect(badCity.body.errors[0]).toMatchObject({ field: 'query.city', detail: expect.stringContaining('6-digit') });
      expect(badCity.body).toMatchObject({ status: 400, title: 'Invalid request' });
    });

    it('property: random queries never cause a server error', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), async (q) => {
          const res = await app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
          expect([200, 400]).toContain(res.statusCode);
        }),
        { numRuns: 150 },
      );
    });
  });

  describe('credit codes', () => {
    it('checks a code and says who holds it', async () => {
      const hit = await idOf('连云港金鼎盛商账管理有限公司');
      const { status, body } = await get(`/api/v1/credit-codes/${hit.creditCode}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ valid: true, reason: null, registered: { name: '连云港金鼎盛商账管理有限公司' } });
      expect(body.division.city).toBe('连云港市');
    });

    it('explains invalid codes with specific reasons', async () => {
      expect((await get('/api/v1/credit-codes/9144030019220382')).body).toMatchObject({ valid: false, reason: 'wrong_length' });
      expect((await get('/api/v1/credit-codes/91440300192203821O')).body).toMatchObject({ valid: false, reason: 'forbidden_letter' });
      expect((await get('/api/v1/credit-codes/914403001922038217')).body).toMatchObject({ valid: false, reason: 'check_character_mismatch', expectedCheckCharacter: '6' });
      const lower = (await get('/api/v1/credit-codes/9144030071526726xg')).body;
      expect(lower).toMatchObject({ valid: true, normalised: '9144030071526726XG', registered: null });
      expect(lower.notes[0].en).toMatch(/Lower-case/);
    });
  });

  describe('enterprises and agencies', () => {
    it('returns an enterprise page with records, provenance and freshness', async () => {
      const hit = await idOf('苏州鑫隆商账管理有限公司');
      const { status, body } = await get(`/api/v1/enterprises/${hit.id}`);
      expect(status).toBe(200);
      expect(body.agency).toMatchObject({ services: [{ code: 'account_management', labelZh: '商账管理' }] });
      expect(body.records.dishonest).toHaveLength(1);
      expect(body.records.enforcement[0]).toMatchObject({ status: 'open', source: 'demo:generator' });
      expect(body.freshness.sources).toEqual(['demo:generator']);
      expect(Date.parse(body.freshness.newestFetchedAt)).toBeGreaterThan(Date.parse('2026-10-29T00:00:00Z'));
    });

    it('answers 404 problem+json for a missing enterprise and 400 for a bad id', async () => {
      const missing = await get('/api/v1/enterprises/999999');
      expect(missing.status).toBe(404);
      expect(missing.type).toContain('application/problem+json');
      expect(missing.body.detail).toContain('999999');
      expect((await get('/api/v1/enterprises/abc')).body.errors[0].field).toBe('path.id');
    });

    it('lists filed agencies by city, recommended first', async () => {
      const { body } = await get('/api/v1/agencies?city=320500&pageSize=100');
      expect(body.total).toBe(217);
      const flags = body.items.map((a: { recommended: boolean }) => a.recommended);
      expect(flags.indexOf(false)).toBeGreaterThan(-1);
      expect(flags.slice(flags.indexOf(false)).includes(true)).toBe(false);
    });

    it.each([
      ['连云港金鼎盛商账管理有限公司', 'green', []],
      ['苏州恒信商务咨询有限公司', 'yellow', ['open_lawsuits']],
      ['苏州鑫隆商账管理有限公司', 'red', ['dishonest_listed', 'open_enforcement']],
      ['苏州正泰企业管理咨询有限公司', 'red', ['service_not_covered']],
    ])('verifies %s as %s with its reasons', async (name, grade, codes) => {
      const hit = await idOf(name);
      const { status, body } = await get(`/api/v1/agencies/${hit.agency.id}/verification`);
      expect(status).toBe(200);
      expect(body.grade).toBe(grade);
      expect(body.steps.map((s: { key: string }) => s.key)).toEqual(['identity', 'scope', 'record']);
      const all = body.steps.flatMap((s: { reasons: Array<{ code: string }> }) => s.reasons.map((r) => r.code));
      for (const c of codes) expect(all).toContain(c);
      expect(body.explanation['zh-CN'].length).toBeGreaterThan(5);
    });

    it('serves statistics and cities', async () => {
      const stats = await get('/api/v1/stats');
      expect(stats.body.enterprises).toBe(1500);
      expect(stats.body.agencies).toBe(254);
      const cities = await get('/api/v1/cities');
      expect(cities.body.find((c: { code: string }) => c.code === '320700').zh).toBe('连云港市');
    });
  });

  describe('platform', () => {
    it('serves health, readiness and an OpenAPI 3.1 document', async () => {
      expect((await get('/healthz')).body).toEqual({ status: 'ok' });
      expect((await get('/readyz')).body).toEqual({ status: 'ready', database: dialect });
      const doc = (await get('/api/openapi.json')).body;
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/search', '/api/v1/credit-codes/{code}', '/api/v1/agencies/{id}/verification']));
      expect((await app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    });

    it('serves the web app for page routes and problem+json for unknown API routes', async () => {
      const page = await app.inject({ method: 'GET', url: '/agencies/1' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('信桥');
      const api = await get('/api/v1/nothing-here');
      expect(api.status).toBe(404);
      expect(api.type).toContain('application/problem+json');
    });
  });
});

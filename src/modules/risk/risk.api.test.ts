/** Explained risk scores through the API, on every dialect. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testContext } from '../../../test/factories.js';
import { createSeededDatabase, TEST_DIALECTS, type TestDatabase } from '../../../test/test-database.js';
import { ensureModel, trainModel } from './risk.service.js';

describe.each(TEST_DIALECTS)('risk scores on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createSeededDatabase(dialect, 400);
    app = await testApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('says plainly when no model is trained, then trains one on the documented history', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/v1/enterprises/1/risk' });
    expect(none.statusCode).toBe(503);
    expect(none.json().detail).toMatch(/xinqiao risk train/);
    const trained = await ensureModel(testContext(database));
    expect(trained!.source).toMatch(/0 ended platform cases \+ 8000 generated/);
    expect(trained!.metrics.auc).toBeGreaterThan(0.7);
    expect(await ensureModel(testContext(database))).toBeNull();
  });

  it('scores an enterprise with its factors, and a debtor with open lawsuits scores higher', async () => {
    const sued = await database.db.selectFrom('lawsuits').select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').where('role', '=', 'defendant').groupBy('enterprise_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
    const clean = await database.db.selectFrom('enterprises').select('id').where('id', 'not in', database.db.selectFrom('lawsuits').select('enterprise_id')).where('id', 'not in', database.db.selectFrom('enforcement_records').select('enterprise_id')).where('id', 'not in', database.db.selectFrom('dishonest_entries').select('enterprise_id')).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const a = (await app.inject({ method: 'GET', url: `/api/v1/enterprises/${sued.enterprise_id}/risk?amountFen=20000000&ageDays=120` })).json();
    const b = (await app.inject({ method: 'GET', url: `/api/v1/enterprises/${clean.id}/risk?amountFen=20000000&ageDays=120` })).json();
    expect(a.probability).toBeGreaterThan(b.probability);
    expect(a.contributions.find((c: { feature: string }) => c.feature === 'openLawsuits')).toMatchObject({ value: Number(sued.n) });
    expect(a.model.auc).toBeGreaterThan(0.7);
    expect(['low', 'medium', 'high', 'very_high']).toContain(b.band);
    expect((await app.inject({ method: 'GET', url: `/api/v1/enterprises/${clean.id}/risk?amountFen=0` })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/enterprises/99999999/risk' })).statusCode).toBe(404);
    const card = (await app.inject({ method: 'GET', url: '/api/v1/risk/model' })).json();
    expect(card.features.map((f: { name: string }) => f.name)).toContain('openLawsuits');
    expect(card.metrics.calibration).toHaveLength(10);
  });

  it('retrains on demand and activates the new version', async () => {
    const r = await trainModel({ ...testContext(database), clock: () => new Date('2026-11-24T00:00:00Z') }, { demoCases: 3000, seed: 7 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/risk/model' })).json().version).toBe(r.version);
  });
});

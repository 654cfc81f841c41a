/** The public fee calculator API. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';

describe('POST /api/v1/fee-quotes', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    app = await testApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });
  const quote = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/fee-quotes', payload: payload as object });
  const schedule = { mode: 'progressive', brackets: [{ upToFen: 4_999_999, rateBps: 3000 }, { upToFen: 10_000_000, rateBps: 2500 }, { upToFen: null, rateBps: 2000 }] };

  it('quotes without signing in, as the issue example', async () => {
    const res = await quote({ amountFen: 1_234_567, schedule });
    expect(res.statusCode).toBe(200);
    // 1,234,567 × 30 % = 370,370.1 → 370,370.
    expect(res.json()).toMatchObject({ feeFen: 370_370, netFen: 864_197, lines: [{ portionFen: 1_234_567, rateBps: 3000, exactFeeFen: '370370.1' }] });
  });

  it('names the fault of a malformed schedule in problem+json', async () => {
    const res = await quote({ amountFen: 100, schedule: { mode: 'flat', brackets: [{ upToFen: 500, rateBps: 100 }, { upToFen: 400, rateBps: 100 }] } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      { field: 'body.schedule.brackets.1', detail: expect.stringMatching(/^unsorted_brackets/) },
      { field: 'body.schedule.brackets.1', detail: expect.stringMatching(/^no_open_ended_last_bracket/) },
    ]);
    const rate = await quote({ amountFen: 100, schedule: { mode: 'flat', brackets: [{ upToFen: null, rateBps: 12_000 }] } });
    expect(rate.json().errors[0].detail).toMatch(/^rate_out_of_range/);
    const amount = await quote({ amountFen: 12.5, schedule });
    expect(amount.json().errors[0]).toMatchObject({ field: 'body.amountFen', detail: 'must be a whole number of fen' });
    expect((await quote({ amountFen: 1, schedule: { ...schedule, mode: 'tiered' } })).json().errors[0].field).toBe('body.schedule.mode');
  });
});

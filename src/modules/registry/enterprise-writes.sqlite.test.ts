/**
 * The SQLite fast path (prepared statements, inside transactions) must write exactly what the portable Kysely path
 * writes: same rows, same children, same search documents — for inserts and for replacements.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteHandleOf } from '../../db/database.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { generateDemo } from './demo/generate.js';
import { findEnterpriseKeys, insertEnterprises, replaceEnterprises, type EnterpriseInput } from './registry.repository.js';

const NOW = '2026-11-01T00:00:00.000Z';
const enterprises: EnterpriseInput[] = [...generateDemo({ enterprises: 300, seed: 7, asOf: new Date(NOW), batchSize: 300 })].flatMap((b) => b.enterprises);
/** The same enterprises renamed, without their former names and with one shareholder fewer. */
/** A bigram only the first enterprise's original name has: after the rename nothing may still find it by that. */
const OLD_GRAM = enterprises[0]!.name.slice(3, 5);
const changed: EnterpriseInput[] = enterprises.slice(0, 100).map((e, i) => ({
  ...e,
  name: `${e.name.slice(0, 2)}新${i}号商贸有限公司`,
  formerNames: [],
  shareholders: e.shareholders.slice(1),
}));

async function dump(database: TestDatabase) {
  const db = database.db;
  const rows = await db.selectFrom('enterprises').selectAll().orderBy('id').execute();
  const children = async (t: 'enterprise_former_names' | 'shareholders' | 'key_personnel') =>
    (await db.selectFrom(t).selectAll().execute()).map(({ id: _id, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  // A contentless FTS table cannot be read back; what it indexes shows in what it finds.
  const hits = async (query: string) => (await sql<{ rowid: number }>`SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ${query} ORDER BY rowid`.execute(db)).rows.map((r) => r.rowid);
  return {
    rows, former: await children('enterprise_former_names'), holders: await children('shareholders'), personnel: await children('key_personnel'),
    search: { gram: await hits(`grams:"${enterprises[0]!.name.slice(0, 2)}"`), renamed: await hits('grams:"贸有"'), old: await hits(`grams:"${OLD_GRAM}"`), pinyin: await hits('pinyin:sz*'), count: (await sql<{ n: number }>`SELECT count(*) AS n FROM enterprise_fts`.execute(db)).rows[0]!.n },
  };
}

describe('enterprise writes on SQLite', () => {
  let fast: TestDatabase;
  let portable: TestDatabase;
  beforeAll(async () => {
    [fast, portable] = await Promise.all([createTestDatabase('sqlite'), createTestDatabase('sqlite')]);
  });
  afterAll(async () => {
    await Promise.all([fast?.destroy(), portable?.destroy()]);
  });

  it('uses prepared statements only inside a transaction', async () => {
    expect(sqliteHandleOf(fast.db)).toBeNull();
    await fast.db.transaction().execute(async (trx) => {
      expect(sqliteHandleOf(trx)).not.toBeNull();
    });
  });

  it('inserts and replaces exactly as the portable path does', async () => {
    // In a transaction the fast path runs; on the bare handle the portable one (statement by statement).
    await fast.db.transaction().execute((trx) => insertEnterprises(trx, enterprises, NOW));
    await insertEnterprises(portable.db, enterprises, NOW);
    const inserted = await dump(fast);
    expect(inserted.rows).toHaveLength(300);
    expect(inserted.search.gram.length).toBeGreaterThan(0);
    expect(inserted).toEqual(await dump(portable));

    const later = '2026-11-02T00:00:00.000Z';
    await fast.db.transaction().execute(async (trx) => {
      const keys = await findEnterpriseKeys(trx, changed.map((e) => e.creditCode));
      await replaceEnterprises(trx, changed.map((e) => [keys.get(e.creditCode)!.id, e]), later);
    });
    const keys = await findEnterpriseKeys(portable.db, changed.map((e) => e.creditCode));
    expect(keys.size).toBe(100);
    await replaceEnterprises(portable.db, changed.map((e) => [keys.get(e.creditCode)!.id, e]), later);
    const replaced = await dump(fast);
    expect(replaced.search.renamed.length).toBeGreaterThanOrEqual(100);
    expect(inserted.search.old).toContain(inserted.rows[0]!.id);
    expect(replaced.search.old).not.toContain(inserted.rows[0]!.id);
    expect(replaced.former.length).toBe(inserted.former.length - enterprises.slice(0, 100).reduce((n, e) => n + e.formerNames.length, 0));
    expect(replaced.search.count).toBe(300);
    expect(replaced).toEqual(await dump(portable));
  });
});

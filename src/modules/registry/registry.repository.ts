/** Registry persistence: plain functions over a Kysely handle or transaction (no business rules). */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { dialectOf, sqliteHandleOf, type Executor } from '../../db/database.js';
import type { EnterpriseRow, NewEnterprise, ServiceScopeRuleRow } from '../../db/schema.js';
import { searchFieldsFor } from '../../domain/search-text.js';
import * as sqliteWrites from './enterprise-writes.sqlite.js';

/** An enterprise with the records that hang off it, as written by imports and the generator. */
export interface EnterpriseInput {
  creditCode: string;
  name: string;
  formerNames: Array<{ name: string; changedOn: string | null }>;
  legalRepresentative: string;
  registeredCapitalFen: number;
  establishedOn: string;
  status: EnterpriseRow['status'];
  enterpriseType: string;
  businessScope: string;
  address: string;
  divisionCode: string;
  shareholders: Array<{ name: string; kind: 'person' | 'enterprise'; creditCode: string | null; shareBasisPoints: number; subscribedCapitalFen: number }>;
  keyPersonnel: Array<{ name: string; role: string }>;
  source: string;
  fetchedAt: string;
}

// Derived values are computed once per input object: an import needs each several times (change detection,
// the row, the FTS document), and pinyin and hashing dominate import time.
const hashes = new WeakMap<EnterpriseInput, string>();
const searchFields = new WeakMap<EnterpriseInput, ReturnType<typeof searchFieldsFor>>();

/** Hash of everything an import can change except the fetch time. */
export function enterpriseContentHash(e: EnterpriseInput): string {
  let h = hashes.get(e);
  if (!h) {
    const { fetchedAt: _ignored, ...content } = e;
    // crypto.hash (Node ≥ 20.12) is the same SHA-256 without a Hash object per call: a third of the cost.
    h = crypto.hash('sha256', JSON.stringify(content), 'hex');
    hashes.set(e, h);
  }
  return h;
}

function searchFieldsOf(e: EnterpriseInput) {
  let f = searchFields.get(e);
  if (!f) {
    f = searchFieldsFor(e.name, e.formerNames.map((n) => n.name));
    searchFields.set(e, f);
  }
  return f;
}

function enterpriseRow(e: EnterpriseInput, now: string): NewEnterprise {
  const s = searchFieldsOf(e);
  return {
    credit_code: e.creditCode,
    name: e.name,
    legal_representative: e.legalRepresentative,
    registered_capital_fen: e.registeredCapitalFen,
    established_on: e.establishedOn,
    status: e.status,
    enterprise_type: e.enterpriseType,
    business_scope: e.businessScope,
    address: e.address,
    division_code: e.divisionCode,
    city_code: `${e.divisionCode.slice(0, 4)}00`,
    source: e.source,
    fetched_at: e.fetchedAt,
    updated_at: now,
    content_hash: enterpriseContentHash(e),
    search_name: s.searchName,
    search_alias: s.searchAlias,
    search_pinyin_head: s.searchPinyinHead,
    search_pinyin: s.searchPinyin,
  };
}

/** Inserts children of many enterprises with one statement per table (chunked below the bind-parameter limits). */
async function writeChildren(db: Executor, pairs: Array<[number, EnterpriseInput]>): Promise<void> {
  const former = pairs.flatMap(([id, e]) => e.formerNames.map((f) => ({ enterprise_id: id, name: f.name, changed_on: f.changedOn })));
  const holders = pairs.flatMap(([id, e]) => e.shareholders.map((s) => ({ enterprise_id: id, name: s.name, kind: s.kind, credit_code: s.creditCode, share_basis_points: s.shareBasisPoints, subscribed_capital_fen: s.subscribedCapitalFen })));
  const personnel = pairs.flatMap(([id, e]) => e.keyPersonnel.map((k) => ({ enterprise_id: id, name: k.name, role: k.role })));
  for (const part of chunks(former, 2000)) await db.insertInto('enterprise_former_names').values(part).execute();
  for (const part of chunks(holders, 2000)) await db.insertInto('shareholders').values(part).execute();
  for (const part of chunks(personnel, 2000)) await db.insertInto('key_personnel').values(part).execute();
}

/** Keeps the SQLite FTS documents in step with the rows (PostgreSQL indexes the columns directly). */
async function writeSearchDocuments(db: Executor, pairs: Array<[number, EnterpriseInput]>, replace: boolean): Promise<void> {
  if (dialectOf(db) !== 'sqlite' || pairs.length === 0) return;
  for (const part of chunks(pairs, 2000)) {
    if (replace) await sql`DELETE FROM enterprise_fts WHERE rowid IN (${sql.join(part.map(([id]) => id))})`.execute(db);
    const values = part.map(([id, e]) => {
      const s = searchFieldsOf(e);
      return sql`(${id}, ${s.searchBigrams}, ${s.searchPinyin})`;
    });
    await sql`INSERT INTO enterprise_fts (rowid, grams, pinyin) VALUES ${sql.join(values)}`.execute(db);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function partsOf(e: EnterpriseInput): sqliteWrites.EnterpriseParts {
  const s = searchFieldsOf(e);
  return { formerNames: e.formerNames, shareholders: e.shareholders, keyPersonnel: e.keyPersonnel, grams: s.searchBigrams, pinyin: s.searchPinyin };
}

/** Inserts new enterprises with their children; returns their ids in input order. */
export async function insertEnterprises(db: Executor, list: EnterpriseInput[], now: string): Promise<number[]> {
  if (list.length === 0) return [];
  const handle = sqliteHandleOf(db);
  if (handle) return sqliteWrites.insertAll(handle, list.map((e) => ({ row: enterpriseRow(e, now), parts: partsOf(e) })));
  const ids: number[] = [];
  // 24 columns per row: 1,000 rows stay under SQLite's 32,766 bound parameters.
  for (const part of chunks(list, 1000)) {
    const rows = await db.insertInto('enterprises').values(part.map((e) => enterpriseRow(e, now))).returning(['id', 'credit_code']).execute();
    const idByCode = new Map(rows.map((r) => [r.credit_code, r.id]));
    ids.push(...part.map((e) => idByCode.get(e.creditCode)!));
  }
  const pairs = list.map((e, i) => [ids[i]!, e] as [number, EnterpriseInput]);
  await writeChildren(db, pairs);
  await writeSearchDocuments(db, pairs, false);
  return ids;
}

/** Replaces existing enterprises' fields and children. */
export async function replaceEnterprises(db: Executor, pairs: Array<[number, EnterpriseInput]>, now: string): Promise<void> {
  if (pairs.length === 0) return;
  const handle = sqliteHandleOf(db);
  if (handle) return sqliteWrites.replaceAll(handle, pairs.map(([id, e]) => ({ id, row: enterpriseRow(e, now), parts: partsOf(e) })));
  for (const [id, e] of pairs) await db.updateTable('enterprises').set(enterpriseRow(e, now)).where('id', '=', id).execute();
  const ids = pairs.map(([id]) => id);
  for (const t of ['enterprise_former_names', 'shareholders', 'key_personnel'] as const) await db.deleteFrom(t).where('enterprise_id', 'in', ids).execute();
  await writeChildren(db, pairs);
  await writeSearchDocuments(db, pairs, true);
}

/** Maps credit codes to enterprise ids and content hashes. */
export async function findEnterpriseKeys(db: Executor, codes: string[]): Promise<Map<string, { id: number; contentHash: string }>> {
  const handle = sqliteHandleOf(db);
  if (handle) return sqliteWrites.findKeys(handle, new Set(codes));
  const out = new Map<string, { id: number; contentHash: string }>();
  for (const part of chunks([...new Set(codes)], 5000)) {
    const rows = await db.selectFrom('enterprises').select(['id', 'credit_code', 'content_hash']).where('credit_code', 'in', part).execute();
    for (const r of rows) out.set(r.credit_code, { id: r.id, contentHash: r.content_hash });
  }
  return out;
}

/** One enterprise by id. */
export async function findEnterpriseById(db: Executor, id: number): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One enterprise by credit code. */
export async function findEnterpriseByCode(db: Executor, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('credit_code', '=', code).executeTakeFirst();
}

/** Former names, shareholders and key personnel of one enterprise. */
export async function findEnterpriseChildren(db: Executor, id: number) {
  const [formerNames, shareholders, keyPersonnel] = await Promise.all([
    db.selectFrom('enterprise_former_names').select(['name', 'changed_on']).where('enterprise_id', '=', id).orderBy('id').execute(),
    db.selectFrom('shareholders').select(['name', 'kind', 'credit_code', 'share_basis_points', 'subscribed_capital_fen']).where('enterprise_id', '=', id).orderBy('share_basis_points', 'desc').execute(),
    db.selectFrom('key_personnel').select(['name', 'role']).where('enterprise_id', '=', id).orderBy('id').execute(),
  ]);
  return { formerNames, shareholders, keyPersonnel };
}

/** All records attached to one enterprise that are still in public view (not withdrawn by retention), newest first. */
export async function findEnterpriseRecords(db: Executor, id: number) {
  const [penalties, abnormal, revocations, enforcement, dishonest, lawsuits] = await Promise.all([
    db.selectFrom('penalties').selectAll().where('enterprise_id', '=', id).where('withdrawn_at', 'is', null).orderBy('decided_on', 'desc').execute(),
    db.selectFrom('abnormal_entries').selectAll().where('enterprise_id', '=', id).where('withdrawn_at', 'is', null).orderBy('listed_on', 'desc').execute(),
    db.selectFrom('licence_revocations').selectAll().where('enterprise_id', '=', id).where('withdrawn_at', 'is', null).orderBy('revoked_on', 'desc').execute(),
    db.selectFrom('enforcement_records').selectAll().where('enterprise_id', '=', id).where('withdrawn_at', 'is', null).orderBy('filed_on', 'desc').execute(),
    db.selectFrom('dishonest_entries').selectAll().where('enterprise_id', '=', id).where('withdrawn_at', 'is', null).orderBy('listed_on', 'desc').execute(),
    db.selectFrom('lawsuits').selectAll().where('enterprise_id', '=', id).where('withdrawn_at', 'is', null).orderBy('filed_on', 'desc').execute(),
  ]);
  return { penalties, abnormal, revocations, enforcement, dishonest, lawsuits };
}

/** The agency filed for an enterprise, if any. */
export async function findAgencyByEnterpriseId(db: Executor, enterpriseId: number) {
  return db.selectFrom('agencies').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();
}

/** One agency by id. */
export async function findAgencyById(db: Executor, id: number) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of filed agencies with their enterprise names. */
export async function listAgencies(db: Executor, filter: { cityCode?: string | undefined; recommended?: boolean | undefined; limit: number; offset: number }) {
  let q = db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id').where('agencies.status', '=', 'filed');
  if (filter.cityCode) q = q.where('agencies.filing_city_code', '=', filter.cityCode);
  if (filter.recommended !== undefined) q = q.where('agencies.recommended', '=', filter.recommended ? 1 : 0);
  const [items, total] = await Promise.all([
    q
      .select(['agencies.id', 'agencies.enterprise_id', 'agencies.filing_number', 'agencies.filing_city_code', 'agencies.certification_level', 'agencies.recommended', 'agencies.services', 'enterprises.name', 'enterprises.credit_code', 'enterprises.status'])
      .orderBy('agencies.recommended', 'desc')
      .orderBy('agencies.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The editable scope rules, in display order. */
export async function listScopeRules(db: Executor): Promise<ServiceScopeRuleRow[]> {
  return db.selectFrom('service_scope_rules').selectAll().orderBy('sort_order').execute();
}

/** Row counts for the public statistics panel. */
export async function countRegistry(db: Executor) {
  const count = (t: 'enterprises' | 'agencies' | 'penalties' | 'abnormal_entries' | 'enforcement_records' | 'dishonest_entries' | 'lawsuits') =>
    db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
  const [enterprises, agencies, penalties, abnormal, enforcement, dishonest, lawsuits] = await Promise.all([
    count('enterprises'), count('agencies'), count('penalties'), count('abnormal_entries'), count('enforcement_records'), count('dishonest_entries'), count('lawsuits'),
  ]);
  return { enterprises, agencies, penalties, abnormal, enforcement, dishonest, lawsuits };
}

/** Deletes the whole registry (used by `xinqiao seed --reset`); one transaction, so never half-empty. */
export async function deleteRegistry(db: Executor): Promise<void> {
  for (const t of ['penalties', 'abnormal_entries', 'licence_revocations', 'enforcement_records', 'dishonest_entries', 'lawsuits', 'agencies', 'enterprise_former_names', 'shareholders', 'key_personnel', 'enterprises'] as const) {
    await db.deleteFrom(t).execute();
  }
  if (dialectOf(db) === 'sqlite') await sql`DELETE FROM enterprise_fts`.execute(db);
}

/**
 * Name search over the folded columns. The only dialect-specific queries of the registry:
 * SQLite matches through the FTS5 bigram/pinyin index, PostgreSQL through pg_trgm-indexed LIKE.
 * Both rank the same way: exact name, then names starting with the query, then containing it,
 * then former-name or pinyin-only matches; agencies and then shorter names first within a bucket.
 *
 * Cost is bounded: counting stops after SEARCH_COUNT_CAP + 1 candidates and ranking looks at the
 * first RANK_WINDOW candidates only, so a query matching a million names costs about as much as
 * one matching a few thousand (docs/decisions.md, "Search totals").
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import type { EnterpriseStatus } from '../../db/schema.js';
import type { SearchQuery } from '../../domain/search-text.js';

/** Beyond this many matches we stop counting and report the total as capped. */
export const SEARCH_COUNT_CAP = 10_000;
/** Ranking looks at this many candidates (in index order); broader queries are asked to narrow down. */
export const RANK_WINDOW = 2_000;

/** Filters a search may apply. */
export interface SearchFilter {
  cityCode?: string | undefined;
  status?: EnterpriseStatus | undefined;
  agencyOnly?: boolean | undefined;
}

/** A row of search results. */
export interface SearchHit {
  id: number;
  credit_code: string;
  name: string;
  legal_representative: string;
  status: EnterpriseStatus;
  division_code: string;
  established_on: string;
  agency_id: number | null;
  certification_level: string | null;
  recommended: number | null;
}

type TextQuery = Extract<SearchQuery, { kind: 'text' }>;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** LIKE with a backslash escape on both dialects (PostgreSQL's default, SQLite needs it spelled out). */
function like(db: Executor, column: RawBuilder<unknown>, pattern: string): RawBuilder<SqlBool> {
  return dialectOf(db) === 'sqlite' ? sql<SqlBool>`${column} LIKE ${pattern} ESCAPE '\\'` : sql<SqlBool>`${column} LIKE ${pattern}`;
}

function filterConditions(filter: SearchFilter): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (filter.cityCode) conditions.push(sql<SqlBool>`e.city_code = ${filter.cityCode}`);
  if (filter.status) conditions.push(sql<SqlBool>`e.status = ${filter.status}`);
  if (filter.agencyOnly) conditions.push(sql<SqlBool>`EXISTS (SELECT 1 FROM agencies ag WHERE ag.enterprise_id = e.id)`);
  return conditions;
}

/** SELECT e.id … LIMIT cap+1: the bounded candidate set for a query. */
function candidates(db: Executor, q: Exclude<SearchQuery, { kind: 'empty' }>, filter: SearchFilter, limit: number): RawBuilder<unknown> {
  const where = filterConditions(filter);
  const and = (conds: RawBuilder<SqlBool>[]) => (conds.length ? sql.join(conds, sql` AND `) : sql`1 = 1`);
  if (q.kind === 'credit_code') return sql`SELECT e.id FROM enterprises e WHERE ${and([sql<SqlBool>`e.credit_code = ${q.code}`, ...where])} LIMIT ${limit}`;
  if (q.kind === 'code_prefix') {
    return sql`SELECT e.id FROM enterprises e WHERE ${and([sql<SqlBool>`e.credit_code >= ${q.prefix}`, sql<SqlBool>`e.credit_code < ${`${q.prefix}\uffff`}`, ...where])} LIMIT ${limit}`;
  }
  if (dialectOf(db) === 'postgres') {
    const contains = `%${escapeLike(q.folded)}%`;
    const scan = sql<SqlBool>`${like(db, sql`e.search_name`, contains)} OR ${like(db, sql`e.search_alias`, contains)}`;
    const pinyin = q.pinyin ? sql<SqlBool>` OR ${like(db, sql`e.search_pinyin`, `% ${escapeLike(q.folded)}%`)}` : sql``;
    return sql`SELECT e.id FROM enterprises e WHERE ${and([sql<SqlBool>`(${scan}${pinyin})`, ...where])} LIMIT ${limit}`;
  }
  // One character: a prefix query on the grams (every character starts a gram, the last one with the end mark).
  const phrase = Array.from(q.folded).length === 1 ? `"${q.folded}" *` : `"${q.grams.join(' ')}"`;
  const match = q.pinyin ? `grams : ${phrase} OR pinyin : ${q.folded}*` : `grams : ${phrase}`;
  // Without filters the index alone answers (no row lookups); with filters, driving the join from the
  // FTS cursor still lets LIMIT stop the match early.
  if (where.length === 0) return sql`SELECT rowid AS id FROM enterprise_fts WHERE enterprise_fts MATCH ${match} LIMIT ${limit}`;
  return sql`SELECT e.id FROM enterprise_fts f JOIN enterprises e ON e.id = f.rowid WHERE ${and([sql<SqlBool>`enterprise_fts MATCH ${match}`, ...where])} LIMIT ${limit}`;
}

function rank(db: Executor, q: TextQuery): RawBuilder<number> {
  const headPinyin = q.pinyin ? sql` OR ${like(db, sql`e.search_pinyin_head`, `% ${escapeLike(q.folded)}%`)}` : sql``;
  return sql<number>`CASE WHEN e.search_name = ${q.folded} THEN 0
    WHEN ${like(db, sql`e.search_name`, `${escapeLike(q.folded)}%`)}${headPinyin} THEN 1
    WHEN ${like(db, sql`e.search_name`, `%${escapeLike(q.folded)}%`)} THEN 2 ELSE 3 END`;
}

/** Runs a parsed query with filters; returns one page and the (possibly capped) total. */
export async function searchEnterprises(db: Executor, q: SearchQuery, filter: SearchFilter, page: { limit: number; offset: number }): Promise<{ items: SearchHit[]; total: number; capped: boolean }> {
  if (q.kind === 'empty') return { items: [], total: 0, capped: false };
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (${candidates(db, q, filter, SEARCH_COUNT_CAP + 1)}) c`.execute(db);
  const n = Number(counted.rows[0]?.n ?? 0);
  if (n === 0) return { items: [], total: 0, capped: false };
  let query = db
    .selectFrom('enterprises as e')
    .leftJoin('agencies as a', 'a.enterprise_id', 'e.id')
    .where(sql<SqlBool>`e.id IN (${candidates(db, q, filter, Math.max(RANK_WINDOW, page.offset + page.limit))})`)
    .select(['e.id', 'e.credit_code', 'e.name', 'e.legal_representative', 'e.status', 'e.division_code', 'e.established_on', 'a.id as agency_id', 'a.certification_level', 'a.recommended']);
  // (A constant ORDER BY term would be read by SQLite as a column position, so rank only text queries.)
  if (q.kind === 'text') query = query.orderBy(rank(db, q));
  const items = await query
    .orderBy(sql`CASE WHEN a.id IS NULL THEN 1 ELSE 0 END`)
    .orderBy(sql`length(e.name)`)
    .orderBy('e.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items: items as SearchHit[], total: Math.min(n, SEARCH_COUNT_CAP), capped: n > SEARCH_COUNT_CAP };
}

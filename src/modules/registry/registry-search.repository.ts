/**
 * Name search over the folded columns. The only dialect-specific queries of the registry:
 * SQLite matches through the FTS5 bigram/pinyin index, PostgreSQL through pg_trgm-indexed LIKE.
 * Both rank the same way: exact name, then names starting with the query, then containing it,
 * then former-name or pinyin-only matches; agencies and then shorter names first within a bucket.
 */
import { sql, type SqlBool, type Expression } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import type { EnterpriseStatus } from '../../db/schema.js';
import type { SearchQuery } from '../../domain/search-text.js';

/** Beyond this many matches we stop counting and report the total as capped (docs/decisions.md). */
export const SEARCH_COUNT_CAP = 10_000;

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

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The match condition for a text query, per dialect. */
function textMatch(db: Executor, q: Extract<SearchQuery, { kind: 'text' }>): Expression<SqlBool> {
  const like = `%${escapeLike(q.folded)}%`;
  if (dialectOf(db) === 'sqlite') {
    if (q.grams.length === 1 && Array.from(q.folded).length === 1) {
      // One character: below what the bigram index can answer; a LIKE scan that stops at the count cap.
      return sql<SqlBool>`(e.search_name LIKE ${like} ESCAPE '\\' OR e.search_alias LIKE ${like} ESCAPE '\\')`;
    }
    const phrase = `"${q.grams.join(' ')}"`;
    const match = q.pinyin ? `grams : ${phrase} OR pinyin : ${q.folded}*` : `grams : ${phrase}`;
    return sql<SqlBool>`e.id IN (SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ${match})`;
  }
  const pinyin = q.pinyin ? sql<SqlBool>` OR e.search_pinyin LIKE ${`% ${escapeLike(q.folded)}%`}` : sql<SqlBool>``;
  return sql<SqlBool>`(e.search_name LIKE ${like} OR e.search_alias LIKE ${like}${pinyin})`;
}

function rankExpression(db: Executor, q: Extract<SearchQuery, { kind: 'text' }>) {
  const prefix = `${escapeLike(q.folded)}%`;
  const contains = `%${escapeLike(q.folded)}%`;
  const esc = dialectOf(db) === 'sqlite' ? sql` ESCAPE '\\'` : sql``;
  const headPinyin = q.pinyin ? sql`OR e.search_pinyin_head LIKE ${`% ${escapeLike(q.folded)}%`}${esc}` : sql``;
  return sql<number>`CASE WHEN e.search_name = ${q.folded} THEN 0
    WHEN e.search_name LIKE ${prefix}${esc} ${headPinyin} THEN 1
    WHEN e.search_name LIKE ${contains}${esc} THEN 2 ELSE 3 END`;
}

/** Runs a parsed query with filters; returns one page and the (possibly capped) total. */
export async function searchEnterprises(db: Executor, q: SearchQuery, filter: SearchFilter, page: { limit: number; offset: number }): Promise<{ items: SearchHit[]; total: number; capped: boolean }> {
  if (q.kind === 'empty') return { items: [], total: 0, capped: false };
  let base = db.selectFrom('enterprises as e').leftJoin('agencies as a', 'a.enterprise_id', 'e.id');
  if (q.kind === 'credit_code') base = base.where('e.credit_code', '=', q.code);
  else if (q.kind === 'code_prefix') base = base.where('e.credit_code', '>=', q.prefix).where('e.credit_code', '<', `${q.prefix}\uffff`);
  else base = base.where(textMatch(db, q));
  if (filter.cityCode) base = base.where('e.city_code', '=', filter.cityCode);
  if (filter.status) base = base.where('e.status', '=', filter.status);
  if (filter.agencyOnly) base = base.where('a.id', 'is not', null);

  const counted = await db
    .selectFrom(base.select(sql<number>`1`.as('one')).limit(SEARCH_COUNT_CAP + 1).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  let page1 = base.select(['e.id', 'e.credit_code', 'e.name', 'e.legal_representative', 'e.status', 'e.division_code', 'e.established_on', 'a.id as agency_id', 'a.certification_level', 'a.recommended']);
  // (A constant ORDER BY term would be read by SQLite as a column position, so rank only text queries.)
  if (q.kind === 'text') page1 = page1.orderBy(rankExpression(db, q));
  const items = await page1
    // Within a bucket, filed agencies first (checking agencies is what people come for), then shorter names.
    .orderBy(sql`CASE WHEN a.id IS NULL THEN 1 ELSE 0 END`)
    .orderBy(sql`length(e.name)`)
    .orderBy('e.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items: items as SearchHit[], total: Math.min(n, SEARCH_COUNT_CAP), capped: n > SEARCH_COUNT_CAP };
}

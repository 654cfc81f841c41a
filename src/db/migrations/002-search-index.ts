/**
 * Name search index. SQLite: a contentless FTS5 table whose documents are name bigrams and pinyin
 * tokens (a substring query becomes a phrase of bigrams, so 2-character Chinese queries work, which
 * the trigram tokenizer cannot do). PostgreSQL: pg_trgm GIN indexes over the same folded columns.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

/** Creates the dialect's search structures. */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    // contentless_delete lets us delete/replace rows without storing the text twice (SQLite ≥ 3.43).
    await sql`CREATE VIRTUAL TABLE enterprise_fts USING fts5(grams, pinyin, content='', contentless_delete=1, tokenize='unicode61', prefix='2 3')`.execute(db);
    return;
  }
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  for (const column of ['search_name', 'search_alias', 'search_pinyin']) {
    await sql`CREATE INDEX ${sql.id(`enterprises_${column}_trgm`)} ON enterprises USING gin (${sql.id(column)} gin_trgm_ops)`.execute(db);
  }
}

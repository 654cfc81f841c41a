/**
 * The enterprise write path on SQLite with statements prepared once per connection. Imports and the demo generator
 * write hundreds of thousands of enterprises; through Kysely every multi-row statement is compiled and prepared
 * anew, which cost more than the writes themselves. Same rows, same tables as the portable path in
 * registry.repository.ts, which PostgreSQL keeps using.
 */
import type SQLite from 'better-sqlite3';
import type { NewEnterprise } from '../../db/schema.js';

/** Columns written for an enterprise, in the order of the INSERT's parameters. */
export const ENTERPRISE_COLUMNS = [
  'credit_code', 'name', 'legal_representative', 'registered_capital_fen', 'established_on', 'status', 'enterprise_type', 'business_scope',
  'address', 'division_code', 'city_code', 'source', 'fetched_at', 'updated_at', 'content_hash', 'search_name', 'search_alias',
  'search_pinyin_head', 'search_pinyin',
] as const satisfies ReadonlyArray<keyof NewEnterprise>;

/** What an enterprise brings along besides its row. */
export interface EnterpriseParts {
  formerNames: Array<{ name: string; changedOn: string | null }>;
  shareholders: Array<{ name: string; kind: string; creditCode: string | null; shareBasisPoints: number; subscribedCapitalFen: number }>;
  keyPersonnel: Array<{ name: string; role: string }>;
  /** The FTS document's two columns. */
  grams: string;
  pinyin: string;
}

interface Statements {
  findKey: SQLite.Statement<[string], { id: number; content_hash: string }>;
  insertEnterprise: SQLite.Statement<unknown[]>;
  updateEnterprise: SQLite.Statement<unknown[]>;
  insertFormerName: SQLite.Statement<unknown[]>;
  insertShareholder: SQLite.Statement<unknown[]>;
  insertPersonnel: SQLite.Statement<unknown[]>;
  deleteChildren: SQLite.Statement[];
  insertDocument: SQLite.Statement<unknown[]>;
  deleteDocument: SQLite.Statement<[number]>;
}

const prepared = new WeakMap<SQLite.Database, Statements>();

function statementsOf(handle: SQLite.Database): Statements {
  let s = prepared.get(handle);
  if (!s) {
    s = {
      findKey: handle.prepare('SELECT id, content_hash FROM enterprises WHERE credit_code = ?'),
      insertEnterprise: handle.prepare(`INSERT INTO enterprises (${ENTERPRISE_COLUMNS.join(', ')}) VALUES (${ENTERPRISE_COLUMNS.map(() => '?').join(', ')})`),
      updateEnterprise: handle.prepare(`UPDATE enterprises SET ${ENTERPRISE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
      insertFormerName: handle.prepare('INSERT INTO enterprise_former_names (enterprise_id, name, changed_on) VALUES (?, ?, ?)'),
      insertShareholder: handle.prepare('INSERT INTO shareholders (enterprise_id, name, kind, credit_code, share_basis_points, subscribed_capital_fen) VALUES (?, ?, ?, ?, ?, ?)'),
      insertPersonnel: handle.prepare('INSERT INTO key_personnel (enterprise_id, name, role) VALUES (?, ?, ?)'),
      deleteChildren: ['enterprise_former_names', 'shareholders', 'key_personnel'].map((t) => handle.prepare(`DELETE FROM ${t} WHERE enterprise_id = ?`)),
      insertDocument: handle.prepare('INSERT INTO enterprise_fts (rowid, grams, pinyin) VALUES (?, ?, ?)'),
      deleteDocument: handle.prepare('DELETE FROM enterprise_fts WHERE rowid = ?'),
    };
    prepared.set(handle, s);
  }
  return s;
}

function values(row: NewEnterprise): unknown[] {
  return ENTERPRISE_COLUMNS.map((c) => row[c]);
}

function writeParts(s: Statements, id: number, p: EnterpriseParts): void {
  for (const f of p.formerNames) s.insertFormerName.run(id, f.name, f.changedOn);
  for (const h of p.shareholders) s.insertShareholder.run(id, h.name, h.kind, h.creditCode, h.shareBasisPoints, h.subscribedCapitalFen);
  for (const k of p.keyPersonnel) s.insertPersonnel.run(id, k.name, k.role);
  s.insertDocument.run(id, p.grams, p.pinyin);
}

/** Maps credit codes to ids and content hashes (one indexed lookup each: cheaper than compiling a 5,000-item IN). */
export function findKeys(handle: SQLite.Database, codes: Iterable<string>): Map<string, { id: number; contentHash: string }> {
  const s = statementsOf(handle);
  const out = new Map<string, { id: number; contentHash: string }>();
  for (const code of codes) {
    const r = s.findKey.get(code);
    if (r) out.set(code, { id: r.id, contentHash: r.content_hash });
  }
  return out;
}

/** Inserts enterprises with their children and search documents; returns their ids in input order. */
export function insertAll(handle: SQLite.Database, items: Array<{ row: NewEnterprise; parts: EnterpriseParts }>): number[] {
  const s = statementsOf(handle);
  return items.map(({ row, parts }) => {
    const id = Number(s.insertEnterprise.run(...values(row)).lastInsertRowid);
    writeParts(s, id, parts);
    return id;
  });
}

/** Replaces enterprises' fields, children and search documents. */
export function replaceAll(handle: SQLite.Database, items: Array<{ id: number; row: NewEnterprise; parts: EnterpriseParts }>): void {
  const s = statementsOf(handle);
  for (const { id, row, parts } of items) {
    s.updateEnterprise.run(...values(row), id);
    for (const d of s.deleteChildren) d.run(id);
    s.deleteDocument.run(id);
    writeParts(s, id, parts);
  }
}

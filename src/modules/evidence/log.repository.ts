/** Log persistence: entries, tree heads and the size counter. Entries are never updated or deleted by the code. */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { LogEntriesTable, LogTreeHeadsTable } from '../../db/schema.js';

/** Locks the log for appending and returns its size (the row update serialises appenders across processes). */
export async function lockLogSize(db: Executor): Promise<number> {
  await db.updateTable('log_state').set((eb) => ({ size: eb.ref('size') })).where('id', '=', 1).execute();
  return (await db.selectFrom('log_state').select('size').where('id', '=', 1).executeTakeFirstOrThrow()).size;
}

/** Records the new size. */
export async function setLogSize(db: Executor, size: number): Promise<void> {
  await db.updateTable('log_state').set({ size }).where('id', '=', 1).execute();
}

/** Inserts entries. */
export async function insertEntries(db: Executor, rows: Insertable<LogEntriesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('log_entries').values(rows.slice(i, i + 500)).execute();
}

/** Leaf hashes in [from, to), in order. */
export function leafHashes(db: Executor, from: number, to: number) {
  return db.selectFrom('log_entries').select(['idx', 'leaf_hash']).where('idx', '>=', from).where('idx', '<', to).orderBy('idx').execute();
}

/** One entry. */
export function findEntry(db: Executor, idx: number) {
  return db.selectFrom('log_entries').selectAll().where('idx', '=', idx).executeTakeFirst();
}

/** Entries about an evidence file. */
export function entriesForBlob(db: Executor, sha256: string) {
  return db.selectFrom('log_entries').selectAll().where('evidence_sha256', '=', sha256).orderBy('idx').execute();
}

/** Entries concerning a subject (credit code or person). */
export function entriesForSubject(db: Executor, subject: string, limit: number) {
  return db.selectFrom('log_entries').selectAll().where('subject', '=', subject).orderBy('idx', 'desc').limit(limit).execute();
}

/** Stores a tree head (once per size). */
export async function insertTreeHead(db: Executor, head: Insertable<LogTreeHeadsTable>): Promise<void> {
  await db.insertInto('log_tree_heads').values(head).onConflict((oc) => oc.column('size').doNothing()).execute();
}

/** The newest tree head. */
export function latestTreeHead(db: Executor) {
  return db.selectFrom('log_tree_heads').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
}

/** Tree heads, newest first. */
export function listTreeHeads(db: Executor, limit: number, beforeSize?: number) {
  let q = db.selectFrom('log_tree_heads').selectAll();
  if (beforeSize !== undefined) q = q.where('size', '<', beforeSize);
  return q.orderBy('size', 'desc').limit(limit).execute();
}

/** The tree head of an exact size. */
export function treeHeadAt(db: Executor, size: number) {
  return db.selectFrom('log_tree_heads').selectAll().where('size', '=', size).executeTakeFirst();
}

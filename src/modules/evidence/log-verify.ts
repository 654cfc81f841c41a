/**
 * `xinqiao log verify`: recompute the whole log from storage and check it against every signed tree
 * head. Names the first entry that was altered, removed or reordered, and every forged tree head.
 */
import { hash, type KeyObject } from 'node:crypto';
import { toHex } from '../../domain/merkle.js';
import { MerkleIndex } from '../../domain/merkle-index.js';
import { verifyCheckpoint, verifyTreeHead } from '../../domain/checkpoint.js';
import { hashLogInParallel } from './parallel-leaves.js';
import type { Executor } from '../../db/database.js';

/** The verdict of a full verification. */
export interface LogVerification {
  ok: boolean;
  entries: number;
  treeHeads: number;
  problems: string[];
  /** The first entry index found altered, missing or out of order, if any. */
  firstBadEntry: number | null;
}

const MISSING = 'is missing (removed)';
const ALTERED = 'its bytes no longer hash to the leaf hash recorded when it was appended (altered or reordered)';

/** Options: with the SQLite file's path, leaves are hashed by worker threads. */
export interface VerifyOptions {
  sqlitePath?: string | undefined;
  workers?: number;
  /** Chunk size hint for the parallel path (tests use small ones). */
  chunkHint?: number;
}

/** Recomputes the tree on the main thread, reading through Kysely (any dialect). */
async function recomputeSequentially(db: Executor, bad: (index: number, why: string) => void): Promise<MerkleIndex> {
  const tree = new MerkleIndex();
  for (let from = 0; ; ) {
    const rows = await db.selectFrom('log_entries').select(['idx', 'entry', 'leaf_hash']).where('idx', '>=', from).orderBy('idx').limit(20_000).execute();
    for (const r of rows) {
      while (tree.size < r.idx) {
        bad(tree.size, MISSING);
        // Keep positions aligned so later checks still point at the right place.
        tree.append(new Uint8Array(32));
      }
      // RFC 6962 leaf hash; the 0x00 prefix rides as a leading NUL so one UTF-8 encoding is the whole input.
      const leaf = hash('sha256', Buffer.from(`\0${r.entry}`, 'utf8'), 'buffer');
      if (leaf.toString('hex') !== r.leaf_hash) bad(r.idx, ALTERED);
      tree.append(leaf);
    }
    if (rows.length < 20_000) break;
    from = rows[rows.length - 1]!.idx + 1;
  }
  return tree;
}

/** Verifies the log in `db` with the log's public key. */
export async function verifyLog(db: Executor, publicKey: KeyObject, origin: string, options: VerifyOptions = {}): Promise<LogVerification> {
  const problems: string[] = [];
  let firstBad: number | null = null;
  const bad = (index: number, why: string) => {
    if (firstBad === null || index < firstBad) firstBad = index;
    problems.push(`entry ${index}: ${why}`);
  };
  let tree: MerkleIndex;
  if (options.sqlitePath) {
    const last = await db.selectFrom('log_entries').select((eb) => eb.fn.max('idx').as('m')).executeTakeFirst();
    const count = last?.m === null || last?.m === undefined ? 0 : Number(last.m) + 1;
    const parallel = await hashLogInParallel(options.sqlitePath, count, options.workers, options.chunkHint);
    const events = [...parallel.missing.map((i) => [i, MISSING] as const), ...parallel.altered.map((i) => [i, ALTERED] as const)].sort((a, b) => a[0] - b[0]);
    for (const [i, why] of events) bad(i, why);
    tree = MerkleIndex.fromLevels(parallel.levels);
  } else {
    tree = await recomputeSequentially(db, bad);
  }
  const heads = await db.selectFrom('log_tree_heads').selectAll().orderBy('size').execute();
  let lastGood = 0;
  for (const h of heads) {
    if (!verifyTreeHead({ size: h.size, rootHash: h.root_hash, timestamp: h.timestamp, signature: h.signature }, publicKey)) {
      problems.push(`tree head at size ${h.size}: the signature does not verify (forged or altered tree head)`);
      continue;
    }
    const cp = verifyCheckpoint(h.checkpoint, origin, publicKey);
    if (!cp || cp.size !== h.size || cp.rootHashHex !== h.root_hash) problems.push(`tree head at size ${h.size}: the checkpoint note does not verify`);
    if (h.size > tree.size) {
      problems.push(`tree head at size ${h.size} was signed, but the log holds only ${tree.size} entries (entries removed)`);
      if (firstBad === null || tree.size < firstBad) firstBad = tree.size;
      continue;
    }
    if (toHex(tree.root(h.size)) !== h.root_hash) {
      problems.push(`tree head at size ${h.size}: the recomputed root differs from the signed one — an entry between ${lastGood} and ${h.size - 1} changed`);
      if (firstBad === null) firstBad = lastGood;
    } else lastGood = h.size;
  }
  return { ok: problems.length === 0, entries: tree.size, treeHeads: heads.length, problems, firstBadEntry: firstBad };
}

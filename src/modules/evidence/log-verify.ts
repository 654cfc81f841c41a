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

/** Recomputes the tree on the main thread, reading through Kysely (any dialect); reports gaps as they appear. */
async function recomputeSequentially(db: Executor, missing: (index: number) => void): Promise<MerkleIndex> {
  const tree = new MerkleIndex();
  for (let from = 0; ; ) {
    const rows = await db.selectFrom('log_entries').select(['idx', 'entry']).where('idx', '>=', from).orderBy('idx').limit(20_000).execute();
    for (const r of rows) {
      while (tree.size < r.idx) {
        missing(tree.size);
        // Keep positions aligned so later checks still point at the right place.
        tree.append(new Uint8Array(32));
      }
      // RFC 6962 leaf hash; the 0x00 prefix rides as a leading NUL so one UTF-8 encoding is the whole input.
      tree.append(hash('sha256', Buffer.from(`\0${r.entry}`, 'utf8'), 'buffer'));
    }
    if (rows.length < 20_000) break;
    from = rows[rows.length - 1]!.idx + 1;
  }
  return tree;
}

/**
 * Names the entries from `from` on whose recomputed leaf hash differs from the one recorded at append
 * time. Only run where a signed root disagrees and over the tail no head covers yet, so an intact log
 * never pays for reading the recorded hashes.
 */
async function alteredFrom(db: Executor, tree: MerkleIndex, from: number): Promise<number[]> {
  const altered: number[] = [];
  for (let at = from; at < tree.size; at += 20_000) {
    const rows = await db.selectFrom('log_entries').select(['idx', 'leaf_hash']).where('idx', '>=', at).where('idx', '<', Math.min(tree.size, at + 20_000)).orderBy('idx').execute();
    for (const r of rows) if (toHex(tree.leaf(r.idx)) !== r.leaf_hash) altered.push(r.idx);
  }
  return altered;
}

/** Verifies the log in `db` with the log's public key. */
export async function verifyLog(db: Executor, publicKey: KeyObject, origin: string, options: VerifyOptions = {}): Promise<LogVerification> {
  const missing: number[] = [];
  let recomputed: Promise<MerkleIndex>;
  if (options.sqlitePath) {
    const last = await db.selectFrom('log_entries').select((eb) => eb.fn.max('idx').as('m')).executeTakeFirst();
    const count = last?.m === null || last?.m === undefined ? 0 : Number(last.m) + 1;
    recomputed = hashLogInParallel(options.sqlitePath, count, options.workers, options.chunkHint).then((parallel) => {
      missing.push(...parallel.missing);
      return MerkleIndex.fromLevels(parallel.levels);
    });
  } else {
    recomputed = recomputeSequentially(db, (i) => missing.push(i));
  }
  // Signatures are checked while the worker threads hash (they need no tree).
  const heads = await db.selectFrom('log_tree_heads').selectAll().orderBy('size').execute();
  const signed = heads.map((h) => {
    if (!verifyTreeHead({ size: h.size, rootHash: h.root_hash, timestamp: h.timestamp, signature: h.signature }, publicKey)) return 'forged' as const;
    const cp = verifyCheckpoint(h.checkpoint, origin, publicKey);
    return !cp || cp.size !== h.size || cp.rootHashHex !== h.root_hash ? ('bad checkpoint' as const) : ('ok' as const);
  });
  const tree = await recomputed;

  const headProblems: string[] = [];
  let lastGood = 0;
  // Where the first signed root disagreed with the recomputed tree: the change lies at or after it.
  let mismatchFrom: number | null = null;
  let removedFrom: number | null = null;
  heads.forEach((h, i) => {
    if (signed[i] === 'forged') {
      headProblems.push(`tree head at size ${h.size}: the signature does not verify (forged or altered tree head)`);
      return;
    }
    if (signed[i] === 'bad checkpoint') headProblems.push(`tree head at size ${h.size}: the checkpoint note does not verify`);
    if (h.size > tree.size) {
      headProblems.push(`tree head at size ${h.size} was signed, but the log holds only ${tree.size} entries (entries removed)`);
      removedFrom ??= tree.size;
      return;
    }
    if (toHex(tree.root(h.size)) !== h.root_hash) {
      headProblems.push(`tree head at size ${h.size}: the recomputed root differs from the signed one — an entry between ${lastGood} and ${h.size - 1} changed`);
      mismatchFrom ??= lastGood;
    } else lastGood = h.size;
  });

  // Pinpoint: compare recorded leaf hashes after the last root that held (and over the unsigned tail).
  const altered = await alteredFrom(db, tree, mismatchFrom ?? lastGood);
  // A missing index has no row, so it is never also reported altered.
  const events = [...missing.map((i) => [i, MISSING] as const), ...altered.map((i) => [i, ALTERED] as const)].sort((a, b) => a[0] - b[0]);
  const problems = [...events.map(([i, why]) => `entry ${i}: ${why}`), ...headProblems];
  const candidates = [events[0]?.[0], removedFrom, events.length === 0 ? mismatchFrom : null].filter((i): i is number => typeof i === 'number');
  const firstBad = candidates.length ? Math.min(...candidates) : null;
  return { ok: problems.length === 0, entries: tree.size, treeHeads: heads.length, problems, firstBadEntry: firstBad };
}

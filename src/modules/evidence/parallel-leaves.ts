/**
 * Parallel recomputation of a SQLite log's tree for `xinqiao log verify`. The log is cut into chunks
 * whose size is a power of two, so every perfect subtree of a chunk is a perfect subtree of the whole
 * tree; worker threads (each with its own read-only connection — WAL allows concurrent readers) hash
 * the leaves and the perfect subtrees of their chunks, and the main thread joins the few levels above.
 * The worker is plain JavaScript so it runs the same from src/ under Vitest and from dist/.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { nodeHash, type Hash } from '../../domain/merkle.js';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('mmap_size = 268435456');
db.pragma('cache_size = -65536');
const rows = db.prepare('SELECT idx, entry, leaf_hash FROM log_entries WHERE idx >= ? AND idx < ? ORDER BY idx').raw();
const node = Buffer.alloc(65); node[0] = 1;
parentPort.on('message', ({ start, end }) => {
  const levels = [[]];
  const missing = [], altered = [];
  const push = (leaf) => {
    let level = 0, h = leaf;
    for (;;) {
      const row = levels[level] || (levels[level] = []);
      row.push(h);
      if (row.length % 2 === 1) return;
      node.set(row[row.length - 2], 1); node.set(h, 33);
      h = hash('sha256', node, 'buffer');
      level++;
    }
  };
  let expected = start;
  for (const [idx, entry, leafHex] of rows.iterate(start, end)) {
    for (; expected < idx; expected++) { missing.push(expected); push(Buffer.alloc(32)); }
    const leaf = hash('sha256', Buffer.from('\\0' + entry, 'utf8'), 'buffer');
    if (leaf.toString('hex') !== leafHex) altered.push(idx);
    push(leaf);
    expected = idx + 1;
  }
  for (; expected < end; expected++) { missing.push(expected); push(Buffer.alloc(32)); }
  const out = levels.map((l) => Buffer.concat(l));
  parentPort.postMessage({ start, levels: out, missing, altered }, out.map((b) => b.buffer));
});
`;

/** Leaves and perfect-subtree levels of the whole log, with the indexes found missing or altered. */
export interface ParallelTree {
  levels: Hash[][];
  missing: number[];
  altered: number[];
}

function split(buf: Buffer): Hash[] {
  const out: Hash[] = [];
  for (let i = 0; i < buf.length; i += 32) out.push(buf.subarray(i, i + 32));
  return out;
}

/** Hashes rows [0, count) of the SQLite log at `path` with `workers` threads. */
export async function hashLogInParallel(path: string, count: number, workers = Math.max(1, Math.min(os.availableParallelism(), 4)), chunkHint?: number): Promise<ParallelTree> {
  let chunk = 1;
  const target = chunkHint ?? Math.max(1024, Math.ceil(count / (workers * 4)));
  while (chunk < target) chunk *= 2;
  const tasks: Array<{ start: number; end: number }> = [];
  for (let s = 0; s < count; s += chunk) tasks.push({ start: s, end: Math.min(count, s + chunk) });
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const results = new Map<number, { levels: Buffer[]; missing: number[]; altered: number[] }>();
  const pool = Array.from({ length: Math.min(workers, tasks.length) }, () => new Worker(WORKER, { eval: true, workerData: { driver, path } }));
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const task = tasks.shift();
              if (!task) return resolve();
              w.once('message', (m: { start: number; levels: Uint8Array[]; missing: number[]; altered: number[] }) => {
                results.set(m.start, { levels: m.levels.map((l) => Buffer.from(l.buffer, l.byteOffset, l.byteLength)), missing: m.missing, altered: m.altered });
                next();
              });
              w.postMessage(task);
            };
            w.once('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  const ordered = [...results.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  return { levels: joinChunkLevels(ordered.map((r) => r.levels), chunk), missing: ordered.flatMap((r) => r.missing), altered: ordered.flatMap((r) => r.altered) };
}

/** Joins per-chunk levels (in chunk order) into whole-tree levels; levels from the chunk size up are built here. */
export function joinChunkLevels(chunks: Buffer[][], chunk: number): Hash[][] {
  const levels: Hash[][] = [];
  for (const chunkLevels of chunks) {
    chunkLevels.forEach((buf, level) => {
      const row = (levels[level] ??= []);
      // A loop, not push(...spread): a chunk's level can hold more hashes than the call stack allows arguments.
      for (const h of split(buf)) row.push(h);
    });
  }
  // Chunks never hold subtrees bigger than themselves.
  for (let level = Math.log2(chunk); (levels[level]?.length ?? 0) > 1; level++) {
    const row = levels[level]!;
    const up: Hash[] = [];
    for (let i = 0; i + 1 < row.length; i += 2) up.push(nodeHash(row[i]!, row[i + 1]!));
    levels[level + 1] = up;
  }
  return levels;
}

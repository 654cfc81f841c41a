/**
 * Parallel recomputation of a SQLite log's tree for `xinqiao log verify`. The log is cut into chunks
 * whose size is a power of two, so every perfect subtree of a chunk is a perfect subtree of the whole
 * tree; worker threads (each with its own read-only connection — WAL allows concurrent readers) hash
 * the leaves and the perfect subtrees of their chunks, and the main thread joins the few levels above.
 * Every level travels as one packed buffer of 32-byte hashes. docs/scaling.md explains each speed-up.
 * The worker is plain JavaScript so it runs the same from src/ under Vitest and from dist/.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { nodeHash } from '../../domain/merkle.js';

const WORKER = () => `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('mmap_size = 268435456');
db.pragma('cache_size = -65536');
// Fast path: one call returns a whole batch of entries joined by NUL bytes (JSON text never holds a raw
// NUL), so the RFC 6962 leaf input 0x00 ‖ entry is a zero-copy slice starting at each separator.
const joined = db.prepare("SELECT count(*), min(idx), max(idx), CAST(group_concat(CAST(entry AS BLOB), x'00' ORDER BY idx) AS BLOB) FROM log_entries WHERE idx >= ? AND idx < ?").raw();
// Careful path, for a batch with gaps or a NUL inside an entry (only tampering produces either).
const rows = db.prepare('SELECT idx, entry FROM log_entries WHERE idx >= ? AND idx < ? ORDER BY idx').raw();
const BATCH = ${JOIN_BATCH};
const node = Buffer.alloc(65); node[0] = 1;
const ABSENT = '\\0'.repeat(32);
parentPort.on('message', ({ start, end }) => {
  // Each level of the chunk's perfect subtrees goes straight into one preallocated buffer: keeping a
  // million small Buffers alive instead costs more in garbage collection than the hashing itself.
  const levels = [];
  const filled = [];
  for (let n = end - start; n >= 1; n = Math.floor(n / 2)) { levels.push(Buffer.alloc(n * 32)); filled.push(0); }
  const missing = [];
  // Digests travel as latin1 strings (one char per byte): Node makes a short string faster than a Buffer.
  const push = (leaf) => {
    let level = 0, h = leaf;
    for (;;) {
      const row = levels[level];
      const i = filled[level]++;
      row.latin1Write(h, i * 32);
      if (i % 2 === 0) return;
      row.copy(node, 1, (i - 1) * 32, (i + 1) * 32);
      h = hash('sha256', node, 'latin1');
      level++;
    }
  };
  const fast = (s, e) => {
    const [count, lo, hi, blob] = joined.get(s, e);
    if (count !== e - s || lo !== s || hi !== e - 1) return false;
    const buf = Buffer.allocUnsafe(blob.length + 1);
    buf[0] = 0;
    blob.copy(buf, 1);
    const leaves = [];
    let at = 0;
    for (let k = 0; k < count; k++) {
      let next = buf.indexOf(0, at + 1);
      if (next < 0) next = buf.length;
      leaves.push(hash('sha256', buf.subarray(at, next), 'latin1'));
      at = next;
    }
    if (at !== buf.length) return false;
    for (const leaf of leaves) push(leaf);
    return true;
  };
  const careful = (s, e) => {
    let expected = s;
    for (const [idx, entry] of rows.iterate(s, e)) {
      for (; expected < idx; expected++) { missing.push(expected); push(ABSENT); }
      push(hash('sha256', Buffer.from('\\0' + entry, 'utf8'), 'latin1'));
      expected = idx + 1;
    }
    for (; expected < e; expected++) { missing.push(expected); push(ABSENT); }
  };
  for (let s = start; s < end; s += BATCH) {
    const e = Math.min(end, s + BATCH);
    if (!fast(s, e)) careful(s, e);
  }
  const out = levels.map((l, k) => l.subarray(0, filled[k] * 32)).filter((l) => l.length > 0);
  parentPort.postMessage({ start, levels: out, missing }, out.map((b) => b.buffer));
});
`;

/** Leaves and perfect-subtree levels of the whole log, with the indexes found missing. */
export interface ParallelTree {
  /** Level k holds the perfect subtrees of 2^k leaves, packed as consecutive 32-byte hashes. */
  levels: Uint8Array[];
  missing: number[];
}

/** Entries fetched per query on the fast path: big enough to amortise the call, small enough to stay in cache. */
const JOIN_BATCH = 4096;

/** Hashes rows [0, count) of the SQLite log at `path` with `workers` threads. */
export async function hashLogInParallel(path: string, count: number, workers = Math.max(1, Math.min(os.availableParallelism(), 4)), chunkHint?: number): Promise<ParallelTree> {
  let chunk = 1;
  const target = chunkHint ?? Math.max(1024, Math.ceil(count / (workers * 4)));
  while (chunk < target) chunk *= 2;
  const tasks: Array<{ start: number; end: number }> = [];
  for (let s = 0; s < count; s += chunk) tasks.push({ start: s, end: Math.min(count, s + chunk) });
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const results = new Map<number, { levels: Buffer[]; missing: number[] }>();
  const pool = Array.from({ length: Math.min(workers, tasks.length) }, () => new Worker(WORKER(), { eval: true, workerData: { driver, path } }));
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const task = tasks.shift();
              if (!task) return resolve();
              w.once('message', (m: { start: number; levels: Uint8Array[]; missing: number[] }) => {
                results.set(m.start, { levels: m.levels.map((l) => Buffer.from(l.buffer, l.byteOffset, l.byteLength)), missing: m.missing });
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
  return { levels: joinChunkLevels(ordered.map((r) => r.levels), chunk), missing: ordered.flatMap((r) => r.missing) };
}

/**
 * Joins per-chunk levels (in chunk order) into whole-tree levels, each packed as consecutive 32-byte
 * hashes; the levels from the chunk size up are built here.
 */
export function joinChunkLevels(chunks: Uint8Array[][], chunk: number): Uint8Array[] {
  const levels: Uint8Array[] = [];
  const depth = Math.max(0, ...chunks.map((c) => c.length));
  for (let level = 0; level < depth; level++) levels.push(Buffer.concat(chunks.map((c) => c[level]).filter((l): l is Uint8Array => l !== undefined)));
  // Chunks never hold subtrees bigger than themselves.
  for (let level = Math.log2(chunk); (levels[level]?.length ?? 0) > 32; level++) {
    const row = levels[level]!;
    const pairs = Math.floor(row.length / 64);
    const up = Buffer.alloc(pairs * 32);
    for (let i = 0; i < pairs; i++) up.set(nodeHash(row.subarray(i * 64, i * 64 + 32), row.subarray(i * 64 + 32, i * 64 + 64)), i * 32);
    levels[level + 1] = up;
  }
  return levels;
}

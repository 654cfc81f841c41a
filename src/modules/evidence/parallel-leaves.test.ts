import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { leafHash, nodeHash, rootFromLeafHashes, toHex } from '../../domain/merkle.js';
import { MerkleIndex } from '../../domain/merkle-index.js';
import { hashLogInParallel, joinChunkLevels } from './parallel-leaves.js';

/** The level buffers a worker sends for one chunk: perfect subtrees only. */
function levelsOf(part: Uint8Array[]): Buffer[] {
  const levels: Buffer[] = [];
  let row = part;
  while (row.length > 0) {
    levels.push(Buffer.concat(row));
    const up: Uint8Array[] = [];
    for (let i = 0; i + 1 < row.length; i += 2) up.push(nodeHash(row[i]!, row[i + 1]!));
    row = up;
  }
  return levels;
}

describe('joining chunk levels', () => {
  it('joins chunks larger than the call stack allows as arguments, and matches the RFC root', () => {
    const n = 300_000;
    const chunk = 262_144;
    const leaves = Array.from({ length: n }, (_, i) => leafHash(Uint8Array.of(i & 255, (i >> 8) & 255, i >> 16)));
    const tree = MerkleIndex.fromLevels(joinChunkLevels([levelsOf(leaves.slice(0, chunk)), levelsOf(leaves.slice(chunk))], chunk));
    expect(tree.size).toBe(n);
    expect(toHex(tree.root(n))).toBe(toHex(rootFromLeafHashes(leaves)));
    expect(toHex(tree.root(chunk + 5))).toBe(toHex(rootFromLeafHashes(leaves.slice(0, chunk + 5))));
  });
});

describe('hashing a SQLite log with worker threads', () => {
  // A log of 10,000 entries spans several fast-path batches and chunks; a gap and an entry holding a NUL
  // byte (which only tampering produces) must fall back to the careful path and still hash exactly.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-parallel-'));
  const file = path.join(dir, 'log.db');
  const entries = new Map<number, string>();
  for (let i = 0; i < 10_000; i++) if (i !== 4_321) entries.set(i, JSON.stringify({ type: 'case_event', n: i, note: i % 7 === 0 ? '催收函 已送达' : 'call' }));
  entries.set(7_777, '{"type":"case_event","note":"a\u0000b"}');
  const db = new Database(file);
  db.exec('CREATE TABLE log_entries (idx INTEGER PRIMARY KEY, entry TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO log_entries (idx, entry) VALUES (?, ?)');
  db.transaction(() => entries.forEach((entry, idx) => insert.run(idx, entry)))();
  db.close();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the RFC 6962 tree of the stored bytes and names the gap', async () => {
    const leaves = Array.from({ length: 10_000 }, (_, i) => (entries.has(i) ? leafHash(new TextEncoder().encode(entries.get(i))) : new Uint8Array(32)));
    for (const [workers, chunkHint] of [[2, 2048], [3, 1000], [1, undefined]] as const) {
      const result = await hashLogInParallel(file, 10_000, workers, chunkHint);
      expect(result.missing).toEqual([4_321]);
      const tree = MerkleIndex.fromLevels(result.levels);
      expect(tree.size).toBe(10_000);
      expect(toHex(tree.root())).toBe(toHex(rootFromLeafHashes(leaves)));
      expect(toHex(tree.leaf(7_777))).toBe(toHex(leaves[7_777]!));
      expect(toHex(tree.root(5_000))).toBe(toHex(rootFromLeafHashes(leaves.slice(0, 5_000))));
    }
  });
});

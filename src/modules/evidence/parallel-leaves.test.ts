import { describe, expect, it } from 'vitest';
import { leafHash, nodeHash, rootFromLeafHashes, toHex } from '../../domain/merkle.js';
import { MerkleIndex } from '../../domain/merkle-index.js';
import { joinChunkLevels } from './parallel-leaves.js';

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

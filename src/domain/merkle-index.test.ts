import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyPath, inclusionPath, leafHash, rootFromLeafHashes, toHex } from './merkle.js';
import { MerkleIndex } from './merkle-index.js';

describe('MerkleIndex (stored perfect subtrees)', () => {
  it('property: roots and proofs equal the RFC 6962 recursive definitions for every size and index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 140 }), fc.nat(), fc.nat(), (n, a, b) => {
        const leaves = Array.from({ length: n }, (_, i) => leafHash(Uint8Array.of(i & 255, i >> 8)));
        const index = new MerkleIndex();
        leaves.forEach((l) => index.append(l));
        const size = (a % n) + 1;
        const m = b % size;
        expect(toHex(index.root(size))).toBe(toHex(rootFromLeafHashes(leaves.slice(0, size))));
        expect(index.inclusionProof(m, size).map(toHex)).toEqual(inclusionPath(m, leaves.slice(0, size)).map(toHex));
        const from = b % (size + 1);
        expect(index.consistencyProof(from, size).map(toHex)).toEqual(consistencyPath(from, leaves.slice(0, size)).map(toHex));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses sizes and indexes outside the tree', () => {
    const index = new MerkleIndex();
    index.append(leafHash(new Uint8Array()));
    expect(() => index.root(2)).toThrow(RangeError);
    expect(() => index.inclusionProof(1, 1)).toThrow(RangeError);
    expect(() => index.consistencyProof(2, 1)).toThrow(RangeError);
  });
});

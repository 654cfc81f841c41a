import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyPath, EMPTY_ROOT, inclusionPath, leafHash, rootFromLeafHashes, toHex, verifyConsistency, verifyInclusion, type Hash } from './merkle.js';

// The RFC 6962 reference inputs used by certificate-transparency implementations' tests, and the known roots of D[1..8].
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const LEAVES = INPUTS.map((hex) => leafHash(new Uint8Array(Buffer.from(hex, 'hex'))));

describe('RFC 6962 Merkle trees', () => {
  it('hashes the empty tree to SHA-256("")', () => {
    expect(toHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it.each(ROOTS.map((root, i) => [i + 1, root]))('computes the reference root of the %i-leaf tree', (n, root) => {
    expect(toHex(rootFromLeafHashes(LEAVES.slice(0, n as number)))).toBe(root);
  });

  it('proves inclusion of every leaf in every tree of size 1 to 8, and rejects altered proofs', () => {
    for (let n = 1; n <= 8; n++) {
      const root = rootFromLeafHashes(LEAVES.slice(0, n));
      for (let m = 0; m < n; m++) {
        const path = inclusionPath(m, LEAVES.slice(0, n));
        expect(verifyInclusion(m, n, LEAVES[m]!, path, root), `${m} in ${n}`).toBeNull();
        if (n > 1) expect(verifyInclusion(m, n, LEAVES[(m + 1) % n]!, path, root)).not.toBeNull();
        if (path.length) expect(verifyInclusion(m, n, LEAVES[m]!, path.slice(0, -1), root)).not.toBeNull();
        expect(verifyInclusion(m, n, LEAVES[m]!, [...path, root], root)).not.toBeNull();
      }
      expect(verifyInclusion(n, n, LEAVES[0]!, [], root)).toMatch(/not below/);
    }
  });

  it('matches the reference inclusion proof of leaf 0 in the 8-leaf tree', () => {
    expect(inclusionPath(0, LEAVES).map(toHex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
  });

  it('proves consistency from every smaller size to every size up to 8, and rejects wrong roots', () => {
    for (let n = 1; n <= 8; n++) {
      const root2 = rootFromLeafHashes(LEAVES.slice(0, n));
      for (let m = 0; m <= n; m++) {
        const root1 = rootFromLeafHashes(LEAVES.slice(0, m));
        const path = consistencyPath(m, LEAVES.slice(0, n));
        expect(verifyConsistency(m, n, root1, root2, path), `${m} → ${n}`).toBeNull();
        if (m > 0 && m < n) {
          expect(verifyConsistency(m, n, root2, root2, path)).not.toBeNull();
          expect(verifyConsistency(m, n, root1, root1, path)).not.toBeNull();
        }
      }
    }
  });

  it('property: proofs over random trees verify, and flipping any bit breaks them', () => {
    const tree = fc.array(fc.uint8Array({ minLength: 0, maxLength: 16 }), { minLength: 1, maxLength: 70 });
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(), (entries, a, b, bit) => {
        const leaves: Hash[] = entries.map((e) => leafHash(e));
        const n = leaves.length;
        const m = a % n;
        const root = rootFromLeafHashes(leaves);
        const path = inclusionPath(m, leaves);
        expect(verifyInclusion(m, n, leaves[m]!, path, root)).toBeNull();
        if (path.length) {
          const broken = path.map((h) => new Uint8Array(h));
          const i = bit % broken.length;
          const target = broken[i]!;
          target[bit % 32] = target[bit % 32]! ^ (1 << (bit % 8));
          expect(verifyInclusion(m, n, leaves[m]!, broken, root)).not.toBeNull();
        }
        const size1 = (b % n) + 1;
        expect(verifyConsistency(size1, n, rootFromLeafHashes(leaves.slice(0, size1)), root, consistencyPath(size1, leaves))).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

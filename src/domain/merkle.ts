/**
 * Merkle tree hashing, inclusion and consistency proofs — RFC 6962 §2.1 / RFC 9162 §2.1, exactly:
 * leaf hash = SHA-256(0x00 ‖ entry), node hash = SHA-256(0x01 ‖ left ‖ right), and a tree of n > 1
 * leaves splits at k, the largest power of two smaller than n. Proof generation follows the RFC's
 * recursive definitions (PATH, PROOF/SUBPROOF); verification follows RFC 9162 §2.1.3.2 and §2.1.4.2.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';

/** A 32-byte hash. */
export type Hash = Uint8Array;

function sha256(...parts: Uint8Array[]): Hash {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Hash = sha256();

/** Leaf hash of an entry (RFC 9162 §2.1.1). */
export function leafHash(entry: Uint8Array): Hash {
  return sha256(LEAF_PREFIX, entry);
}

// Scratch input for node hashes: 0x01 ‖ left ‖ right. Safe to reuse because hashing is synchronous;
// the one-shot hash avoids a Hash object per node (node hashing dominates verifying a whole log).
const NODE_INPUT = new Uint8Array(65);
NODE_INPUT[0] = 0x01;

/** Interior node hash. */
export function nodeHash(left: Hash, right: Hash): Hash {
  if (left.length !== 32 || right.length !== 32) return sha256(NODE_PREFIX, left, right);
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  // A Buffer is a Uint8Array: returned as is, without a copy.
  return oneShotHash('sha256', NODE_INPUT, 'buffer');
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes (RFC 9162 §2.1.1). */
export function rootFromLeafHashes(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(rootFromLeafHashes(leaves.slice(0, k)), rootFromLeafHashes(leaves.slice(k)));
}

/** PATH(m, D[n]): the inclusion proof of leaf m (RFC 6962 §2.1.1). */
export function inclusionPath(m: number, leaves: readonly Hash[]): Hash[] {
  const n = leaves.length;
  if (m < 0 || m >= n) throw new RangeError(`leaf index ${m} is outside a tree of size ${n}`);
  if (n === 1) return [];
  const k = splitPoint(n);
  return m < k ? [...inclusionPath(m, leaves.slice(0, k)), rootFromLeafHashes(leaves.slice(k))] : [...inclusionPath(m - k, leaves.slice(k)), rootFromLeafHashes(leaves.slice(0, k))];
}

function subproof(m: number, leaves: readonly Hash[], whole: boolean): Hash[] {
  const n = leaves.length;
  if (m === n) return whole ? [] : [rootFromLeafHashes(leaves)];
  const k = splitPoint(n);
  return m <= k ? [...subproof(m, leaves.slice(0, k), whole), rootFromLeafHashes(leaves.slice(k))] : [...subproof(m - k, leaves.slice(k), false), rootFromLeafHashes(leaves.slice(0, k))];
}

/** PROOF(m, D[n]): the consistency proof from size m to size n (RFC 6962 §2.1.2); empty when m is 0 or n. */
export function consistencyPath(m: number, leaves: readonly Hash[]): Hash[] {
  if (m < 0 || m > leaves.length) throw new RangeError(`size ${m} is outside 0..${leaves.length}`);
  if (m === 0 || m === leaves.length) return [];
  return subproof(m, leaves, true);
}

function equal(a: Hash, b: Hash): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Result of a proof check: why it fails, or null when it holds. */
export type ProofFailure = string | null;

/** Verifies an inclusion proof (RFC 9162 §2.1.3.2). */
export function verifyInclusion(leafIndex: number, treeSize: number, leaf: Hash, path: readonly Hash[], root: Hash): ProofFailure {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0) return 'leafIndex and treeSize must be whole numbers';
  if (leafIndex >= treeSize) return `leafIndex ${leafIndex} is not below treeSize ${treeSize}`;
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize - 1);
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return 'the path is longer than the tree is deep';
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return 'the path is shorter than the tree is deep';
  return equal(r, root) ? null : 'the recomputed root does not match rootHash';
}

/** Verifies a consistency proof between two tree heads (RFC 9162 §2.1.4.2). */
export function verifyConsistency(size1: number, size2: number, root1: Hash, root2: Hash, path: readonly Hash[]): ProofFailure {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0) return 'size1 and size2 must be whole numbers';
  if (size1 > size2) return `size1 ${size1} is larger than size2 ${size2}`;
  if (size1 === size2) return path.length === 0 ? (equal(root1, root2) ? null : 'equal sizes but different roots') : 'equal sizes need an empty path';
  if (size1 === 0) return path.length === 0 ? null : 'a proof from the empty tree must be empty';
  if (path.length === 0) return 'the path is empty';
  let proof = [...path];
  // If size1 is a power of two, the old root is itself a node of the new tree.
  if ((size1 & (size1 - 1)) === 0) proof = [root1, ...proof];
  let fn = BigInt(size1 - 1);
  let sn = BigInt(size2 - 1);
  while ((fn & 1n) === 1n) { fn >>= 1n; sn >>= 1n; }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0n) return 'the path is longer than needed';
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return 'the path is shorter than needed';
  if (!equal(fr, root1)) return 'the proof does not reproduce root1';
  if (!equal(sr, root2)) return 'the proof does not reproduce root2';
  return null;
}

/** Lower-case hex of a hash. */
export function toHex(h: Hash): string {
  return Buffer.from(h).toString('hex');
}

/** Parses 64 hex characters into a hash; null when malformed. */
export function fromHex(hex: string): Hash | null {
  return /^[0-9a-f]{64}$/.test(hex) ? new Uint8Array(Buffer.from(hex, 'hex')) : null;
}

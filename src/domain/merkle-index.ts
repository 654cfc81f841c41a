/**
 * An append-only Merkle tree kept as levels of perfect-subtree hashes (level 0 = leaf hashes), so
 * roots and proofs for any tree size come from O(log n) stored hashes instead of rehashing the
 * log. Equivalent to the RFC 6962 recursive definitions in merkle.ts (property-tested against them).
 */
import { EMPTY_ROOT, nodeHash, splitPoint, type Hash } from './merkle.js';

const HASH_BYTES = 32;

/**
 * An append-only row of 32-byte hashes packed in one growable buffer. A million leaves as one buffer
 * instead of a million small arrays keeps the heap small and the garbage collector out of the way.
 */
export class PackedHashes {
  private bytes: Uint8Array;
  private count: number;

  /** An empty row, or one wrapping `bytes` (a multiple of 32 long) as its hashes, without copying. */
  constructor(bytes?: Uint8Array) {
    if (bytes && bytes.length % HASH_BYTES !== 0) throw new RangeError(`packed hashes must be a multiple of ${HASH_BYTES} bytes, not ${bytes.length}`);
    this.bytes = bytes ?? new Uint8Array(64 * HASH_BYTES);
    this.count = bytes ? bytes.length / HASH_BYTES : 0;
  }

  get length(): number {
    return this.count;
  }

  /** The hash at `i` (a view into the row), or undefined past the end. */
  at(i: number): Hash | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.bytes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }

  push(hash: Hash): void {
    if ((this.count + 1) * HASH_BYTES > this.bytes.length) {
      // Views handed out earlier keep the old buffer alive with the same, never rewritten, contents.
      const grown = new Uint8Array(Math.max(64 * HASH_BYTES, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.count * HASH_BYTES));
      this.bytes = grown;
    }
    this.bytes.set(hash, this.count * HASH_BYTES);
    this.count++;
  }
}

/** In-memory Merkle tree over leaf hashes. */
export class MerkleIndex {
  private readonly levels: PackedHashes[] = [new PackedHashes()];

  /**
   * Builds an index from precomputed levels (level 0 = leaf hashes), each packed as consecutive
   * 32-byte hashes, e.g. hashed in parallel by workers. The buffers are used as they are, not copied.
   */
  static fromLevels(levels: Uint8Array[]): MerkleIndex {
    const index = new MerkleIndex();
    if (levels.length) index.levels.splice(0, 1, ...levels.map((l) => new PackedHashes(l)));
    return index;
  }

  /** Number of leaves. */
  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf hash, completing every perfect subtree it closes. */
  append(leaf: Hash): void {
    let level = 0;
    let hash = leaf;
    for (;;) {
      const row = (this.levels[level] ??= new PackedHashes());
      row.push(hash);
      const index = row.length - 1;
      if (index % 2 === 0) return;
      hash = nodeHash(row.at(index - 1)!, hash);
      level++;
    }
  }

  /** The leaf hash at an index. */
  leaf(index: number): Hash {
    const h = this.levels[0]!.at(index);
    if (!h) throw new RangeError(`no leaf ${index} in a tree of size ${this.size}`);
    return h;
  }

  /** MTH(D[start:end]) for the ranges the RFC recursion produces (start aligned to the range's left part). */
  private range(start: number, end: number): Hash {
    const n = end - start;
    if (n === 0) return EMPTY_ROOT;
    // A perfect, aligned subtree is stored.
    if ((n & (n - 1)) === 0 && start % n === 0) return this.levels[Math.log2(n)]!.at(start / n)!;
    const k = splitPoint(n);
    return nodeHash(this.range(start, start + k), this.range(start + k, end));
  }

  private check(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`tree size ${size} is outside 0..${this.size}`);
  }

  /** The root of the tree of the first `size` leaves. */
  root(size = this.size): Hash {
    this.check(size);
    return this.range(0, size);
  }

  /** Inclusion proof of leaf m in the tree of size n (RFC 6962 PATH). */
  inclusionProof(m: number, n: number): Hash[] {
    this.check(n);
    if (!Number.isSafeInteger(m) || m < 0 || m >= n) throw new RangeError(`leaf index ${m} is outside a tree of size ${n}`);
    const path: Hash[] = [];
    let start = 0;
    let end = n;
    let index = m;
    while (end - start > 1) {
      const k = splitPoint(end - start);
      if (index < k) {
        path.push(this.range(start + k, end));
        end = start + k;
      } else {
        path.push(this.range(start, start + k));
        start += k;
        index -= k;
      }
    }
    return path.reverse();
  }

  /** Consistency proof from size m to size n (RFC 6962 PROOF). */
  consistencyProof(m: number, n: number): Hash[] {
    this.check(n);
    if (!Number.isSafeInteger(m) || m < 0 || m > n) throw new RangeError(`size ${m} is outside 0..${n}`);
    if (m === 0 || m === n) return [];
    const path: Hash[] = [];
    let start = 0;
    let end = n;
    let sub = m;
    let whole = true;
    while (sub !== end - start) {
      const k = splitPoint(end - start);
      if (sub <= k) {
        path.push(this.range(start + k, end));
        end = start + k;
      } else {
        path.push(this.range(start, start + k));
        start += k;
        sub -= k;
        whole = false;
      }
    }
    if (!whole) path.push(this.range(start, end));
    return path.reverse();
  }
}

/**
 * The append-only transparency log of one deployment. Entries go into the database in one
 * transaction per batch (a row lock hands out indexes across processes); after commit the
 * in-memory Merkle tree catches up with the database and a new tree head is signed and stored.
 */
import { leafHash, toHex, fromHex, type Hash } from '../../domain/merkle.js';
import { MerkleIndex } from '../../domain/merkle-index.js';
import { encodeEntry, type LogEntry } from '../../domain/log-entry.js';
import { signCheckpoint, signTreeHead, type SignedTreeHead } from '../../domain/checkpoint.js';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import * as repo from './log.repository.js';
import type { LogKey } from './signing-key.js';

/** What a caller appends: the platform adds version, time and actor. */
export type NewEntry = Omit<LogEntry, 'v' | 'at' | 'actor'>;

function actorName(ctx: Pick<ServiceContext, 'actor'>): string {
  return ctx.actor.kind === 'user' ? `user:${ctx.actor.userId}` : ctx.actor.kind === 'system' ? `system:${ctx.actor.name}` : 'anonymous';
}

/** The log: in-memory tree plus key; all state of record is in the database. */
export class TransparencyLog {
  readonly tree = new MerkleIndex();
  private syncing: Promise<void> | null = null;

  constructor(readonly key: LogKey) {}

  /** Brings the in-memory tree up to the database (entries appended by any process). */
  async sync(db: Executor): Promise<void> {
    // One sync at a time, so concurrent requests do not append the same leaves twice.
    while (this.syncing) await this.syncing;
    this.syncing = (async () => {
      for (;;) {
        const rows = await repo.leafHashes(db, this.tree.size, this.tree.size + 50_000);
        for (const r of rows) {
          if (r.idx !== this.tree.size) throw new Error(`log entry ${this.tree.size} is missing from the database`);
          this.tree.append(fromHex(r.leaf_hash)!);
        }
        if (rows.length < 50_000) return;
      }
    })();
    try {
      await this.syncing;
    } finally {
      this.syncing = null;
    }
  }

  /**
   * Writes a batch inside the caller's transaction, so a state change and its log entries commit
   * together. After commit the caller must `publish` the returned size (tree catch-up and signing).
   */
  async stage(ctx: Pick<ServiceContext, 'actor' | 'clock'>, trx: Executor, entries: NewEntry[]): Promise<{ first: number; size: number; leafHashes: string[] }> {
    if (entries.length === 0) throw new AppError('invalid_input', 'Nothing to append.');
    const at = ctx.clock().toISOString();
    const actor = actorName(ctx);
    const encoded = entries.map((e) => {
      const full: LogEntry = { v: 1, at, actor, ...e };
      const bytes = encodeEntry(full);
      return { full, text: new TextDecoder().decode(bytes), leaf: toHex(leafHash(bytes)) };
    });
    const first = await repo.lockLogSize(trx);
    await repo.insertEntries(trx, encoded.map((e, i) => ({ idx: first + i, entry: e.text, leaf_hash: e.leaf, evidence_sha256: e.full.type === 'evidence' ? String(e.full.data.sha256) : null, case_ref: e.full.case, subject: e.full.subject, created_at: at })));
    await repo.setLogSize(trx, first + entries.length);
    return { first, size: first + entries.length, leafHashes: encoded.map((e) => e.leaf) };
  }

  /** After a staged batch committed: brings the tree up to date and signs the head covering `size`. */
  async publish(ctx: Pick<ServiceContext, 'db' | 'clock'>, size: number): Promise<SignedTreeHead> {
    await this.sync(ctx.db);
    return this.signHead(ctx, size);
  }

  /** Appends a batch atomically and signs the tree head that covers it. */
  async append(ctx: ServiceContext, entries: NewEntry[]): Promise<{ first: number; size: number; head: SignedTreeHead; leafHashes: string[] }> {
    const staged = await ctx.db.transaction().execute((trx) => this.stage(ctx, trx, entries));
    const head = await this.publish(ctx, staged.size);
    return { ...staged, head };
  }

  /** Signs and stores the tree head of a size (idempotent per size). */
  async signHead(ctx: Pick<ServiceContext, 'db' | 'clock'>, size: number): Promise<SignedTreeHead> {
    const existing = await repo.treeHeadAt(ctx.db, size);
    if (existing) return { size: existing.size, rootHash: existing.root_hash, timestamp: existing.timestamp, signature: existing.signature };
    const rootHash = toHex(this.tree.root(size));
    const head = signTreeHead({ size, rootHash, timestamp: ctx.clock().toISOString() }, this.key.privateKey);
    const checkpoint = signCheckpoint(this.key.origin, size, rootHash, this.key.origin, this.key.privateKey, this.key.publicKey);
    await repo.insertTreeHead(ctx.db, { size, root_hash: rootHash, timestamp: head.timestamp, signature: head.signature, checkpoint });
    return head;
  }

  private async ensure(db: Executor, size: number): Promise<void> {
    if (size > this.tree.size) await this.sync(db);
    if (size > this.tree.size) throw new AppError('invalid_input', `The log has only ${this.tree.size} entries.`, [{ field: 'query.treeSize', detail: `must be at most ${this.tree.size}` }]);
  }

  /** Inclusion proof in the proof-file format. */
  async inclusionProof(db: Executor, leafIndex: number, treeSize: number) {
    await this.ensure(db, treeSize);
    if (leafIndex >= treeSize) throw new AppError('invalid_input', `index ${leafIndex} is not below treeSize ${treeSize}.`, [{ field: 'query.index', detail: 'must be below treeSize' }]);
    return { leafIndex, treeSize, leafHash: toHex(this.tree.leaf(leafIndex)), path: this.tree.inclusionProof(leafIndex, treeSize).map(toHex), rootHash: toHex(this.tree.root(treeSize)) };
  }

  /** Consistency proof in the proof-file format. */
  async consistencyProof(db: Executor, size1: number, size2: number) {
    await this.ensure(db, size2);
    if (size1 > size2) throw new AppError('invalid_input', `from (${size1}) must not exceed to (${size2}).`, [{ field: 'query.from', detail: 'must be at most to' }]);
    return { size1, size2, root1: toHex(this.tree.root(size1)), root2: toHex(this.tree.root(size2)), path: this.tree.consistencyProof(size1, size2).map(toHex) };
  }

  /** The root of a size, hex. */
  rootHex(size: number): string {
    return toHex(this.tree.root(size) as Hash);
  }
}

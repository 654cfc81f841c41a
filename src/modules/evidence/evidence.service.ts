/** Evidence use cases: store a file and log it, log an event, look a file up with its proof. */
import type { Readable } from 'node:stream';
import { decodeEntry } from '../../domain/log-entry.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import type { BlobStore } from './blob-store.js';
import * as repo from './log.repository.js';
import type { NewEntry, TransparencyLog } from './transparency-log.js';

/** What evidence services need besides the context. */
export interface EvidenceDeps {
  log: TransparencyLog;
  store: BlobStore;
  maxBytes: number;
}

/** Stores a file (content-addressed, once) and appends an evidence entry for it. */
export async function submitEvidence(ctx: ServiceContext, deps: EvidenceDeps, stream: Readable, meta: { mediaType: string; name?: string | undefined; case?: string | undefined; subject?: string | undefined }) {
  const blob = await deps.store.put(stream, { maxBytes: deps.maxBytes, mediaType: meta.mediaType });
  await ctx.db.insertInto('evidence_blobs').values({ sha256: blob.sha256, size: blob.size, media_type: meta.mediaType, stored_at: ctx.clock().toISOString() }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  const appended = await deps.log.append(ctx, [{ type: 'evidence', case: meta.case ?? null, subject: meta.subject ?? null, data: { sha256: blob.sha256, size: blob.size, mediaType: meta.mediaType, ...(meta.name ? { name: meta.name } : {}) } }]);
  return { index: appended.first, sha256: blob.sha256, size: blob.size, duplicateFile: !blob.created, leafHash: appended.leafHashes[0]!, treeHead: appended.head, inclusionProof: await deps.log.inclusionProof(ctx.db, appended.first, appended.size) };
}

/** Appends case events or notices (no file). */
export async function appendEntries(ctx: ServiceContext, log: TransparencyLog, entries: NewEntry[]) {
  const appended = await log.append(ctx, entries);
  return { first: appended.first, size: appended.size, leafHashes: appended.leafHashes, treeHead: appended.head };
}

/** One entry with its leaf hash. */
export async function getEntry(ctx: ServiceContext, index: number) {
  const row = await repo.findEntry(ctx.db, index);
  if (!row) throw new AppError('not_found', `No log entry ${index}.`);
  return { index: row.idx, entry: decodeEntry(row.entry), entryBytes: row.entry, leafHash: row.leaf_hash };
}

/** Is this file in the log? When, in which case, with inclusion proofs against the latest tree head. */
export async function evidenceByHash(ctx: ServiceContext, log: TransparencyLog, sha256: string) {
  const hash = sha256.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('invalid_input', 'sha256 must be 64 hexadecimal characters.', [{ field: 'path.sha256', detail: 'not a SHA-256 hex digest' }]);
  const head = await repo.latestTreeHead(ctx.db);
  const rows = await repo.entriesForBlob(ctx.db, hash);
  const blob = await ctx.db.selectFrom('evidence_blobs').selectAll().where('sha256', '=', hash).executeTakeFirst();
  const entries = [];
  for (const r of rows) {
    if (!head || r.idx >= head.size) continue;
    entries.push({ index: r.idx, entry: decodeEntry(r.entry), entryBytes: r.entry, leafHash: r.leaf_hash, inclusionProof: await log.inclusionProof(ctx.db, r.idx, head.size) });
  }
  return {
    sha256: hash,
    stored: Boolean(blob),
    size: blob?.size ?? null,
    mediaType: blob?.media_type ?? null,
    entries,
    treeHead: head ? { size: head.size, rootHash: head.root_hash, timestamp: head.timestamp, signature: head.signature } : null,
  };
}

/** Every entry about the signed-in subject (its verified enterprise and its person record), with proofs. */
export async function evidenceAboutMe(ctx: ServiceContext, log: TransparencyLog, me: { enterpriseCreditCode: string | null; verified: boolean; personId: number | null }) {
  const subjects = [me.verified ? me.enterpriseCreditCode : null, me.personId ? `person:${me.personId}` : null].filter((s): s is string => Boolean(s));
  if (subjects.length === 0) throw new AppError('forbidden', 'Verify your enterprise or your identity to see the evidence held about you.');
  const head = await repo.latestTreeHead(ctx.db);
  const rows = (await Promise.all(subjects.map((s) => repo.entriesForSubject(ctx.db, s, 500)))).flat().sort((a, b) => a.idx - b.idx);
  const entries = [];
  for (const r of rows) {
    if (!head || r.idx >= head.size) continue;
    entries.push({ index: r.idx, entry: decodeEntry(r.entry), entryBytes: r.entry, leafHash: r.leaf_hash, inclusionProof: await log.inclusionProof(ctx.db, r.idx, head.size) });
  }
  return { subjects, entries, treeHead: head ? { size: head.size, rootHash: head.root_hash, timestamp: head.timestamp, signature: head.signature } : null };
}

/** The digests among `hashes` that are not stored blobs (so cases reference only real evidence). */
export async function missingBlobs(ctx: Pick<ServiceContext, 'db'>, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const found = await ctx.db.selectFrom('evidence_blobs').select('sha256').where('sha256', 'in', hashes).execute();
  const have = new Set(found.map((r) => r.sha256));
  return hashes.filter((h) => !have.has(h));
}

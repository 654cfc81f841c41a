/** Evidence and transparency-log routes. */
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noteKeyHash, rawPublicKey } from '../../domain/checkpoint.js';
import type { ContextFactory } from '../../server/context-factory.js';
import { AppError } from '../../shared/app-error.js';
import { EVIDENCE_TYPES } from './blob-store.js';
import { getOwnAccount } from '../accounts/register.service.js';
import { appendEntries, evidenceAboutMe, evidenceByHash, getEntry, submitEvidence, type EvidenceDeps } from './evidence.service.js';
import * as repo from './log.repository.js';

const count = (name: string) => z.coerce.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(0, `${name} must not be negative`).max(Number.MAX_SAFE_INTEGER);
const ZInclusion = z.object({ leafIndex: z.number().int(), treeSize: z.number().int(), leafHash: z.string(), path: z.array(z.string()), rootHash: z.string() });
const ZHead = z.object({ size: z.number().int(), rootHash: z.string(), timestamp: z.string(), signature: z.string() });
const ref = z.string().trim().min(1).max(64).optional();

/** Registers the routes under /api/v1. */
export async function evidenceRoutes(app: FastifyInstance, opts: { context: ContextFactory; deps: EvidenceDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const { log, store } = opts.deps;
  // Evidence bodies stay streams: they are hashed and written to disk as they arrive.
  app.addContentTypeParser(Object.keys(EVIDENCE_TYPES), (_req, payload, done) => done(null, payload));

  r.post('/evidence', {
    config: { permission: 'evidence:upload' },
    bodyLimit: opts.deps.maxBytes + 1024,
    schema: { tags: ['evidence'], summary: 'Store an evidence file (raw body; Content-Type one of the accepted types) and log it', querystring: z.object({ case: ref, subject: ref, name: z.string().trim().max(200).optional() }) },
  }, async (req, reply) => {
    const mediaType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!EVIDENCE_TYPES[mediaType]) throw new AppError('unsupported_media_type', `Send the file as the request body with Content-Type one of: ${Object.keys(EVIDENCE_TYPES).join(', ')}.`);
    const result = await submitEvidence(ctx(req), opts.deps, req.body as Readable, { mediaType, name: req.query.name, case: req.query.case, subject: req.query.subject });
    return reply.code(201).send(result);
  });

  r.post('/log/entries', {
    config: { permission: 'log:append' },
    schema: { tags: ['evidence'], summary: 'Append case events or notices (one batch, one signed tree head)', body: z.object({ entries: z.array(z.object({ type: z.enum(['case_event', 'notice']), case: z.string().max(64).nullable().default(null), subject: z.string().max(64).nullable().default(null), data: z.record(z.string(), z.unknown()) })).min(1).max(1000) }) },
  }, async (req, reply) => reply.code(201).send(await appendEntries(ctx(req), log, req.body.entries)));

  r.get('/log/entries/:index', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'One entry: its canonical bytes and leaf hash', params: z.object({ index: count('index') }) } }, async (req) => getEntry(ctx(req), req.params.index));

  r.get('/log/proofs/inclusion', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'Inclusion proof (RFC 9162 §2.1.3)', querystring: z.object({ index: count('index'), treeSize: count('treeSize').min(1, 'treeSize must be at least 1') }), response: { 200: ZInclusion } } }, async (req) => log.inclusionProof(ctx(req).db, req.query.index, req.query.treeSize));

  r.get('/log/proofs/consistency', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'Consistency proof between two tree sizes (RFC 9162 §2.1.4)', querystring: z.object({ from: count('from'), to: count('to') }), response: { 200: z.object({ size1: z.number().int(), size2: z.number().int(), root1: z.string(), root2: z.string(), path: z.array(z.string()) }) } } }, async (req) => log.consistencyProof(ctx(req).db, req.query.from, req.query.to));

  r.get('/log/tree-heads/latest', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'The newest signed tree head', response: { 200: ZHead } } }, async (req) => {
    const h = await repo.latestTreeHead(ctx(req).db);
    if (!h) throw new AppError('not_found', 'The log is empty: no tree head has been signed yet.');
    return { size: h.size, rootHash: h.root_hash, timestamp: h.timestamp, signature: h.signature };
  });

  r.get('/log/tree-heads', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'Historical signed tree heads, newest first', querystring: z.object({ before: count('before').optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }), response: { 200: z.object({ items: z.array(ZHead) }) } } }, async (req) => ({
    items: (await repo.listTreeHeads(ctx(req).db, req.query.limit, req.query.before)).map((h) => ({ size: h.size, rootHash: h.root_hash, timestamp: h.timestamp, signature: h.signature })),
  }));

  r.get('/log/checkpoint', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'The latest checkpoint (transparency-dev signed note), text/plain' } }, async (req, reply) => {
    const h = await repo.latestTreeHead(ctx(req).db);
    if (!h) throw new AppError('not_found', 'The log is empty: no checkpoint yet.');
    return reply.type('text/plain; charset=utf-8').send(h.checkpoint);
  });

  r.get('/log/public-key', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'The Ed25519 key that signs tree heads and checkpoints' } }, async () => ({
    algorithm: 'Ed25519',
    origin: log.key.origin,
    publicKeyPem: log.key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyBase64: rawPublicKey(log.key.publicKey).toString('base64'),
    noteKeyHash: noteKeyHash(log.key.origin, log.key.publicKey).toString('hex'),
  }));

  r.get('/evidence/:sha256', { config: { permission: 'log:read' }, schema: { tags: ['evidence'], summary: 'Is this file in the log? When, in which case, with inclusion proofs', params: z.object({ sha256: z.string().max(64) }) } }, async (req) => evidenceByHash(ctx(req), log, req.params.sha256));

  r.get('/account/evidence', { config: { permission: 'account:self' }, schema: { tags: ['evidence'], summary: 'Every piece of evidence and event about me, with inclusion proofs' } }, async (req) => {
    const c = ctx(req);
    const me = await getOwnAccount(c);
    return evidenceAboutMe(c, log, { enterpriseCreditCode: me.enterpriseCreditCode, verified: me.verificationStatus === 'verified', personId: me.personId });
  });

  r.get('/evidence/:sha256/content', { config: { permission: 'evidence:download' }, schema: { tags: ['evidence'], summary: 'Download a stored evidence file', params: z.object({ sha256: z.string().max(64) }) } }, async (req, reply) => {
    const blob = await ctx(req).db.selectFrom('evidence_blobs').selectAll().where('sha256', '=', req.params.sha256.toLowerCase()).executeTakeFirst();
    const stream = blob ? store.open(blob.sha256) : null;
    if (!blob || !stream) throw new AppError('not_found', 'No stored file with this hash.');
    return reply.type(blob.media_type).header('content-length', blob.size).send(stream);
  });
}

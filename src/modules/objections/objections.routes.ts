/** Objection routes: object to a registry record, follow your objections, the regulator's queue and decisions. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { decideObjection, myObjections, objectionQueue, objectToRegistryRecord, type ObjectionDeps } from './objections.service.js';

const id = z.coerce.number({ error: 'must be a number' }).int().positive();

/** Registers the routes. */
export async function objectionsRoutes(app: FastifyInstance, opts: { context: ContextFactory; deps: ObjectionDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const tags = ['recourse'];
  r.post('/records/:kind/:id/objections', { config: { permission: 'objections:file' }, schema: { tags, summary: 'Object to a published record about your enterprise (review due in 3 working days)', params: z.object({ kind: z.string(), id }), body: z.object({ reason: z.string().trim().min(1, 'give a reason').max(2000) }) } }, async (req, reply) => reply.code(201).send(await objectToRegistryRecord(ctx(req), opts.deps, req.params.kind, req.params.id, req.body.reason)));
  r.get('/objections/mine', { config: { permission: 'objections:file' }, schema: { tags, summary: 'Your objections and their reviews' } }, async (req) => myObjections(ctx(req)));
  r.get('/objections', { config: { permission: 'objections:decide' }, schema: { tags, summary: 'The review queue, oldest due first (regulator)', querystring: z.object({ status: z.enum(['open', 'decided']).default('open') }) } }, async (req) => objectionQueue(ctx(req), req.query.status));
  r.post('/objections/:id/decision', { config: { permission: 'objections:decide' }, schema: { tags, summary: 'Decide an objection: upheld, corrected (with the correction) or removed', params: z.object({ id }), body: z.object({ outcome: z.enum(['upheld', 'corrected', 'removed']), reason: z.string().trim().min(1, 'give a reason').max(2000), correction: z.string().trim().max(2000).optional() }) } }, async (req) => decideObjection(ctx(req), opts.deps, req.params.id, req.body));
}

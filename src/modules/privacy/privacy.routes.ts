/** Privacy routes: related parties of verified enterprises and "who viewed my data". */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { myAccessLog } from './access-log.service.js';
import { addRelatedParty, listMyRelatedParties, removeRelatedParty } from './related-parties.service.js';

const ZRelatedParty = z.object({ id: z.number().int(), creditCode: z.string(), name: z.string().nullable(), purpose: z.string(), createdAt: z.string() });

/** Registers the privacy routes under /api/v1. */
export async function privacyRoutes(app: FastifyInstance, opts: { context: ContextFactory }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  r.get('/account/related-parties', { config: { permission: 'related-parties:manage' }, schema: { tags: ['privacy'], summary: 'My declared related parties', response: { 200: z.object({ items: z.array(ZRelatedParty) }) } } }, async (req) => ({ items: await listMyRelatedParties(ctx(req)) }));
  r.post('/account/related-parties', { config: { permission: 'related-parties:manage' }, schema: { tags: ['privacy'], summary: 'Declare a counterparty (with the purpose) to see its open lawsuits', body: z.object({ creditCode: z.string().trim().min(1).max(18), purpose: z.string().trim().min(5, 'purpose must say why you need it (at least 5 characters)').max(200) }), response: { 201: ZRelatedParty } } }, async (req, reply) => reply.code(201).send(await addRelatedParty(ctx(req), req.body)));
  r.delete('/account/related-parties/:id', { config: { permission: 'related-parties:manage' }, schema: { tags: ['privacy'], summary: 'Remove a related party', params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }) } }, async (req, reply) => {
    await removeRelatedParty(ctx(req), req.params.id);
    return reply.code(204).send();
  });
  r.get('/account/access-log', { config: { permission: 'account:pii-log' }, schema: { tags: ['privacy'], summary: 'Who viewed my data: every non-public read about me (PIPL art. 45)', response: { 200: z.object({ subject: z.string(), items: z.array(z.object({ id: z.number().int(), viewer: z.string(), viewerRole: z.string(), fields: z.array(z.string()), purpose: z.string(), accessedAt: z.string() })) }) } } }, async (req) => myAccessLog(ctx(req)));
}

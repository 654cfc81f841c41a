/** Watchlists, the alert inbox and digest, webhook endpoints and their delivery log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import type { PiiCipher } from '../privacy/pii-cipher.js';
import { digest, evaluateAlerts, listAlerts, MAX_WATCHED, unwatch, watch, watchlist } from './alerts.service.js';
import { addEndpoint, deliveryLog, listEndpoints, removeEndpoint } from './webhooks.service.js';

/** Registers the routes. */
export async function alertsRoutes(app: FastifyInstance, opts: { context: ContextFactory; pii: PiiCipher }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const tags = ['alerts'];
  const p = { config: { permission: 'watchlist:manage' as const } };
  r.get('/watchlist', { ...p, schema: { tags, summary: 'Your watched credit codes' } }, async (req) => watchlist(ctx(req)));
  r.post('/watchlist', { ...p, schema: { tags, summary: `Watch credit codes (up to ${MAX_WATCHED.toLocaleString('en')} in all); alerts are evaluated at once`, body: z.object({ items: z.array(z.object({ creditCode: z.string().trim().min(1).max(40), label: z.string().trim().max(200).optional() })).min(1).max(MAX_WATCHED) }) } }, async (req, reply) => {
    const c = ctx(req);
    const result = await watch(c, req.body.items);
    const evaluated = await evaluateAlerts(c, c.actor.kind === 'user' ? c.actor.userId : undefined);
    return reply.code(201).send({ ...result, alertsRaised: evaluated.raised });
  });
  r.delete('/watchlist/:code', { ...p, schema: { tags, summary: 'Stop watching a code', params: z.object({ code: z.string() }) } }, async (req) => unwatch(ctx(req), req.params.code));
  r.get('/alerts', { ...p, schema: { tags, summary: 'Your alerts, newest first', querystring: z.object({ status: z.enum(['active', 'withdrawn', 'all']).default('active') }) } }, async (req) => listAlerts(ctx(req), req.query.status));
  r.get('/alerts/digest', { ...p, schema: { tags, summary: 'One day’s alerts raised and withdrawn, grouped by rule', querystring: z.object({ date: z.iso.date() }) } }, async (req) => digest(ctx(req), req.query.date));
  r.get('/webhooks', { ...p, schema: { tags, summary: 'Your webhook endpoints' } }, async (req) => listEndpoints(ctx(req)));
  r.post('/webhooks', { ...p, schema: { tags, summary: 'Add an endpoint; the signing secret is shown once', body: z.object({ url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }) }) } }, async (req, reply) => reply.code(201).send(await addEndpoint(ctx(req), opts.pii, req.body.url)));
  r.delete('/webhooks/:id', { ...p, schema: { tags, summary: 'Deactivate an endpoint', params: z.object({ id: z.coerce.number().int().positive() }) } }, async (req) => removeEndpoint(ctx(req), req.params.id));
  r.get('/webhooks/deliveries', { ...p, schema: { tags, summary: 'Delivery log: attempts, status, next try', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) } }, async (req) => deliveryLog(ctx(req), req.query.limit));
}

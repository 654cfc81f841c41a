/** The signed-in user's notification feed. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { listNotifications, markRead } from './notifications.service.js';

/** Registers the routes. */
export async function notificationsRoutes(app: FastifyInstance, opts: { context: ContextFactory }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  r.get('/notifications', { config: { permission: 'notifications:read' }, schema: { tags: ['notifications'], summary: 'Your notification feed', querystring: z.object({ unread: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'), limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (req) => listNotifications(ctx(req), { unreadOnly: req.query.unread, limit: req.query.limit }));
  r.post('/notifications/:id/read', { config: { permission: 'notifications:read' }, schema: { tags: ['notifications'], summary: 'Mark a notification read', params: z.object({ id: z.coerce.number().int().positive() }) } }, async (req) => markRead(ctx(req), req.params.id));
}

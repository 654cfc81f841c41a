/** Ingestion routes: public freshness of each source; for operators, sources, run history, quarantine and manual runs. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { quarantined, resolveQuarantined, runSync, sourceNamed, sourceStatuses, syncRuns, type SyncDeps } from './sync.service.js';

/** Registers the routes. */
export async function ingestRoutes(app: FastifyInstance, opts: { context: ContextFactory; deps: SyncDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const deps = opts.deps;
  const tags = ['ingest'];

  r.get('/sources', { config: { permission: 'registry:read' }, schema: { tags, summary: 'Each data source: when it last synced and whether it is stale' } }, async (req) => ({
    items: (await sourceStatuses(ctx(req), deps)).map((s) => ({ name: s.name, kind: s.kind, lastSuccessAt: s.lastSuccessAt, staleAfterHours: s.staleAfterHours, stale: s.stale })),
  }));
  r.get('/admin/sync/sources', { config: { permission: 'sync:manage' }, schema: { tags, summary: 'Sources with cursor, schedule, last error, running state' } }, async (req) => ({ items: await sourceStatuses(ctx(req), deps) }));
  r.get('/admin/sync/runs', { config: { permission: 'sync:manage' }, schema: { tags, summary: 'Run history, newest first', querystring: z.object({ source: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }) } }, async (req) => ({ items: await syncRuns(ctx(req), req.query.source, req.query.limit) }));
  r.get('/admin/sync/quarantine', { config: { permission: 'sync:manage' }, schema: { tags, summary: 'Quarantined rows with source, position and reason', querystring: z.object({ source: z.string().optional(), status: z.enum(['open', 'replayed', 'discarded']).default('open'), limit: z.coerce.number().int().min(1).max(500).default(100) }) } }, async (req) => ({ items: await quarantined(ctx(req), req.query, req.query.limit) }));
  r.post('/admin/sync/quarantine/:id/:action', { config: { permission: 'sync:manage' }, schema: { tags, summary: 'Replay a quarantined row after a fix, or discard it', params: z.object({ id: z.coerce.number().int().positive(), action: z.enum(['replay', 'discard']) }) } }, async (req) => resolveQuarantined(ctx(req), deps, req.params.id, req.params.action));
  r.post('/admin/sync/sources/:name/run', { config: { permission: 'sync:manage' }, schema: { tags, summary: 'Start a run now (202); follow it in the run history', params: z.object({ name: z.string() }) } }, async (req, reply) => {
    const c = ctx(req);
    sourceNamed(deps, req.params.name);
    const run = runSync({ ...c, log: app.log }, deps, req.params.name);
    // Refusals (already running) arrive at once; the run itself continues after the response.
    const early = await Promise.race([run.then(() => null, (err: unknown) => err), new Promise((r2) => setTimeout(() => r2('running'), 150))]);
    if (early && early !== 'running') throw early;
    run.catch((err: unknown) => app.log.error({ err }, 'manual sync failed'));
    return reply.code(202).send({ source: req.params.name, started: true });
  });
}

/**
 * Dashboard figures: public registry and mediation figures, the regulators' oversight figures, and a creditor's
 * own. Each module computes its figures in its own service; this module only assembles them.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { creditorFigures, recoveryCycle } from '../cases/case-figures.service.js';
import { mediationStats } from '../mediation/instalments.service.js';
import { objectionFigures } from '../objections/objection-figures.service.js';
import { complaintFigures } from '../recourse/complaint-figures.service.js';
import { registryFigures } from '../registry/registry-figures.service.js';

/** Registers the routes. */
export async function statsRoutes(app: FastifyInstance, opts: { context: ContextFactory }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const tags = ['statistics'];
  r.get('/stats/registry', { config: { permission: 'registry:read' , cache: { ttlMs: 30_000 } }, schema: { tags, summary: 'Public registry figures: enterprises by city and status, agencies by certification, adverse records per month' } }, async (req) => registryFigures(ctx(req)));
  r.get('/stats/oversight', { config: { permission: 'stats:oversight' }, schema: { tags, summary: 'Regulators: complaints per agency per month, 48-hour and 3-working-day deadlines met, recovery cycle, certification, mediation' } }, async (req) => {
    const c = ctx(req);
    const [complaints, objections, cycle, registry, mediation] = await Promise.all([complaintFigures(c), objectionFigures(c), recoveryCycle(c), registryFigures(c), mediationStats(c)]);
    return { complaints, objections, recoveryCycle: cycle, certification: registry.agenciesByCertification, mediation };
  });
  r.get('/stats/mine', { config: { permission: 'cases:open' }, schema: { tags, summary: 'A creditor’s own cases, recoveries, fees and net amounts per month' } }, async (req) => creditorFigures(ctx(req)));
}

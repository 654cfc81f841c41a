/** Risk routes: an enterprise's explained default-risk score, and the model card. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { enterpriseRisk, modelCard } from './risk.service.js';
import { debtorProfile } from './debtor-profile.service.js';

/** Registers the routes. */
export async function riskRoutes(app: FastifyInstance, opts: { context: ContextFactory }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  r.get('/enterprises/:id/risk', {
    config: { permission: 'registry:read' },
    schema: { tags: ['risk'], summary: 'Default-risk probability, band and the factors behind it, for a debt of a given amount and age', params: z.object({ id: z.coerce.number().int().positive() }), querystring: z.object({ amountFen: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(10_000_000), ageDays: z.coerce.number().int().min(0).max(36_500).default(90) }) },
  }, async (req) => enterpriseRisk(ctx(req), req.params.id, { amountFen: req.query.amountFen, ageDays: req.query.ageDays }));
  r.get('/enterprises/:id/profile', { config: { permission: 'profile:read' }, schema: { tags: ['risk'], summary: 'Everything known about a debtor, for a reader with a lawful basis and a stated purpose (logged)', params: z.object({ id: z.coerce.number().int().positive() }), querystring: z.object({ purpose: z.string().default('') }) } }, async (req) => debtorProfile(ctx(req), req.params.id, req.query.purpose));
  r.get('/risk/model', { config: { permission: 'registry:read' }, schema: { tags: ['risk'], summary: 'The active model: version, hold-out AUC/KS/Brier, calibration, features with their bins' } }, async (req) => modelCard(ctx(req)));
}

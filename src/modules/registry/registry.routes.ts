/** Registry HTTP routes: validate, call one service function, return its result. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ContextFactory } from '../../server/context-factory.js';
import * as registry from './registry.service.js';
import { ZAgencyList, ZAgencyListRequest, ZCities, ZCodeParams, ZCreditCodeCheck, ZEnterpriseDetail, ZEnterpriseQuery, ZIdParams, ZRegistryStats, ZSearchRequest, ZSearchResponse, ZVerification } from './registry.schemas.js';

/** Registers /api/v1 registry routes. */
/** Public registry answers are cached for anonymous readers for 30 s (src/server/response-cache.ts). */
const PUBLIC_CACHE = { ttlMs: 30_000 };

export async function registryRoutes(app: FastifyInstance, opts: { context: ContextFactory }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;

  r.get('/search', {
    config: { permission: 'registry:read', cache: PUBLIC_CACHE },
    schema: { tags: ['registry'], summary: 'Search enterprises and agencies', description: 'Exact credit code, 2+ character Chinese name fragment, pinyin or initials (jds → 金鼎盛); traditional characters fold to simplified.', querystring: ZSearchRequest, response: { 200: ZSearchResponse } },
  }, async (req) => registry.search(ctx(req), { ...req.query, cityCode: req.query.city }));

  r.get('/credit-codes/:code', {
    config: { permission: 'registry:check-code', cache: PUBLIC_CACHE },
    schema: { tags: ['registry'], summary: 'Check a unified social credit code (GB 32100)', params: ZCodeParams, response: { 200: ZCreditCodeCheck } },
  }, async (req) => registry.checkCode(ctx(req), req.params.code));

  r.get('/enterprises/:id', {
    config: { permission: 'registry:read', cache: PUBLIC_CACHE },
    schema: { tags: ['registry'], summary: 'An enterprise with the records the reader may see, and data freshness', params: ZIdParams, querystring: ZEnterpriseQuery, response: { 200: ZEnterpriseDetail } },
  }, async (req) => registry.getEnterprise(ctx(req), req.params.id, { purpose: req.query.purpose, requestId: req.id }));

  r.get('/agencies', {
    config: { permission: 'registry:read', cache: PUBLIC_CACHE },
    schema: { tags: ['registry'], summary: 'Filed collection/service agencies, recommended first', querystring: ZAgencyListRequest, response: { 200: ZAgencyList } },
  }, async (req) => registry.listAgencies(ctx(req), req.query));

  r.get('/agencies/:id/verification', {
    config: { permission: 'registry:read', cache: PUBLIC_CACHE },
    schema: { tags: ['registry'], summary: 'Three-step verification with a red/yellow/green grade and its reasons', params: ZIdParams, response: { 200: ZVerification } },
  }, async (req) => registry.verifyAgencyById(ctx(req), req.params.id));

  r.get('/stats', { config: { permission: 'registry:read', cache: PUBLIC_CACHE }, schema: { tags: ['registry'], summary: 'Public registry counts', response: { 200: ZRegistryStats } } }, async (req) => registry.stats(ctx(req)));

  r.get('/cities', { config: { permission: 'registry:read', cache: PUBLIC_CACHE }, schema: { tags: ['registry'], summary: 'Cities available as search filters', response: { 200: ZCities } } }, async () => registry.cities());
}

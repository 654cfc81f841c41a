/**
 * Assembles the Fastify application: validation, problem+json errors, OpenAPI, health checks,
 * the API modules and the built web app — all on one port.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Config } from '../config/env.js';
import type { Database } from '../db/database.js';
import { accountsRoutes } from '../modules/accounts/accounts.routes.js';
import { privacyRoutes } from '../modules/privacy/privacy.routes.js';
import { evidenceRoutes } from '../modules/evidence/evidence.routes.js';
import { feeQuoteRoutes } from '../modules/cases/fee-quote.routes.js';
import { casesRoutes } from '../modules/cases/cases.routes.js';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.js';
import { objectionsRoutes } from '../modules/objections/objections.routes.js';
import { recourseRoutes } from '../modules/recourse/recourse.routes.js';
import { ingestRoutes } from '../modules/ingest/ingest.routes.js';
import { riskRoutes } from '../modules/risk/risk.routes.js';
import { batchRoutes } from '../modules/batch/batch.routes.js';
import { alertsRoutes } from '../modules/alerts/alerts.routes.js';
import { mediationRoutes } from '../modules/mediation/mediation.routes.js';
import { statsRoutes } from '../modules/stats/stats.routes.js';
import type { SyncDeps } from '../modules/ingest/sync.service.js';
import type { NotificationSender } from '../modules/notifications/notification-sender.js';
import type { RuleSet } from '../domain/compliance.js';
import type { EvidenceDeps } from '../modules/evidence/evidence.service.js';
import type { PiiCipher } from '../modules/privacy/pii-cipher.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import { loadLicenceIssuers, SignedLicenceVerifier } from '../modules/accounts/licence-verifier.js';
import { registryRoutes } from '../modules/registry/registry.routes.js';
import { installAccessControl } from './access-control.js';
import { installRateLimits } from './rate-limits.js';
import { installResponseCache, ResponseCache } from './response-cache.js';
import { packageRoot } from '../shared/paths.js';
import { contextFactory } from './context-factory.js';
import { installTurnGate } from './turn-gate.js';
import { installErrorHandler, sendProblem } from './error-handler.js';

/** What the app needs from outside. */
export interface AppDeps {
  config: Pick<Config, 'bodyLimit' | 'loginDelayBaseMs' | 'trustProxy' | 'licenceIssuersPath' | 'rateLimits' | 'ratingPolicy'> & Partial<Pick<Config, 'requestsPerTurn'>>;
  database: Database;
  logger: Logger | false;
  clock?: () => Date;
  /** Encryption of personal information at rest. */
  pii: PiiCipher;
  /** Working-day calendar (deadlines). */
  calendar: WorkingCalendar;
  /** The transparency log and blob store. */
  evidence: EvidenceDeps;
  /** Collection compliance rule versions (src/shared/compliance-rules.ts). */
  complianceRules: RuleSet[];
  /** E-mail/SMS delivery of notifications. */
  sender: NotificationSender;
  /** Configured data sources (none: ingestion routes list nothing). */
  sync?: SyncDeps;
  /** Directory of the built web app; defaults to web/dist of the checkout. */
  webRoot?: string;
}

/** Builds (but does not start) the server. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger || undefined,
    logger: deps.logger ? undefined : false,
    bodyLimit: deps.config.bodyLimit,
    requestIdHeader: 'x-request-id',
    trustProxy: deps.config.trustProxy,
  } as never) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  if (deps.config.requestsPerTurn) installTurnGate(app, deps.config.requestsPerTurn);
  await app.register(fastifyCookie);
  const clock = deps.clock ?? (() => new Date());
  installAccessControl(app, { database: deps.database, clock });
  await installRateLimits(app, deps.config.rateLimits);
  const responseCache = new ResponseCache();
  app.decorate('responseCache', responseCache);
  await installResponseCache(app, responseCache, deps.config.rateLimits.redisUrl);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Xinqiao 信桥 API', version: '1', description: 'Debt-dispute credit information: registry, agency verification. Errors are RFC 9457 problem+json.' },
      tags: [{ name: 'registry', description: 'Enterprises, agencies, credit codes' }, { name: 'accounts', description: 'Registration, sign-in, sessions, two-factor' }, { name: 'admin', description: 'Administration (regulator role)' }, { name: 'privacy', description: 'Related parties, access log' }, { name: 'evidence', description: 'Evidence files and the transparency log (RFC 9162)' }, { name: 'fees', description: 'Fee schedules and quotes' }, { name: 'cases', description: 'Debts, commission agreements, timelines, compliance, settlement' }, { name: 'notifications', description: 'Your notification feed' }, { name: 'recourse', description: 'Objections, complaints, ratings, certification' }, { name: 'ingest', description: 'Data sources, sync runs, quarantine' }, { name: 'risk', description: 'Explained default-risk scores, batch checks' }, { name: 'alerts', description: 'Watchlists, alerts, signed webhooks' }, { name: 'mediation', description: 'Mediation offers, settlement agreements, law-firm matching' }, { name: 'health', description: 'Liveness and readiness' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xq_session' }, apiToken: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { tags: ['health'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['health'], summary: 'Readiness: the database answers' } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(deps.database.db);
      return { status: 'ready', database: deps.database.dialect };
    } catch (err) {
      app.log.warn({ err }, 'readiness check failed');
      return sendProblem(reply, 503, 'The database is not reachable.');
    }
  });

  const context = contextFactory(deps.database, clock);
  await app.register(registryRoutes, { prefix: '/api/v1', context });
  const licenceVerifier = new SignedLicenceVerifier(loadLicenceIssuers(deps.config.licenceIssuersPath));
  await app.register(accountsRoutes, { prefix: '/api/v1', context, loginDelayBaseMs: deps.config.loginDelayBaseMs, licenceVerifier, pii: deps.pii });
  await app.register(feeQuoteRoutes, { prefix: '/api/v1', context });
  await app.register(casesRoutes, { prefix: '/api/v1', context, deps: caseDepsOf(deps) });
  await app.register(notificationsRoutes, { prefix: '/api/v1', context });
  await app.register(objectionsRoutes, { prefix: '/api/v1', context, deps: { calendar: deps.calendar, sender: deps.sender } });
  await app.register(recourseRoutes, { prefix: '/api/v1', context, deps: { ...caseDepsOf(deps), ratingPolicy: deps.config.ratingPolicy } });
  await app.register(riskRoutes, { prefix: '/api/v1', context });
  await app.register(batchRoutes, { prefix: '/api/v1', context });
  await app.register(alertsRoutes, { prefix: '/api/v1', context, pii: deps.pii });
  await app.register(mediationRoutes, { prefix: '/api/v1', context, deps: caseDepsOf(deps) });
  await app.register(statsRoutes, { prefix: '/api/v1', context });
  await app.register(ingestRoutes, { prefix: '/api/v1', context, deps: deps.sync ?? { sources: [], secret: () => undefined, leaseMs: 120_000 } });
  await app.register(evidenceRoutes, { prefix: '/api/v1', context, deps: deps.evidence });
  await app.register(privacyRoutes, { prefix: '/api/v1', context, pii: deps.pii, calendar: deps.calendar });

  await serveWeb(app, deps.webRoot ?? path.join(packageRoot(), 'web', 'dist'));
  return app;
}

/** The cases module's dependencies, from the app's. */
export function caseDepsOf(deps: AppDeps) {
  return { log: deps.evidence.log, rules: deps.complianceRules, pii: deps.pii, calendar: deps.calendar, sender: deps.sender };
}

/** Serves the built React app with client-side routing fallback; API 404s stay problem+json. */
async function serveWeb(app: FastifyInstance, root: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(root, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h', immutable: false });
  // The app's pages are all index.html; kept in memory, since it is the most requested file and tiny.
  const index = hasWeb ? fs.readFileSync(path.join(root, 'index.html')) : null;
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && !path.extname(req.url.split('?')[0]!);
    if (isPage && index) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
    if (isPage) return reply.type('text/plain').code(503).send('The web app is not built. Run `npm run build:web`.');
    return sendProblem(reply, 404, `No route for ${req.method} ${req.url.split('?')[0]}.`);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Anonymous public answers (src/server/response-cache.ts). */
    responseCache: ResponseCache;
  }
}

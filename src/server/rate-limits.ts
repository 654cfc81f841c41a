/**
 * Abuse limits on the API: per signed-in account or, for the anonymous public, per IP; anonymous
 * search is the tightest (it is what scrapers hit). Counters live in Redis when REDIS_URL is set,
 * so every server process shares them; otherwise in process memory.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';

/** Requests per minute. */
export interface RateLimitConfig {
  anonymousPerMinute: number;
  anonymousSearchPerMinute: number;
  userPerMinute: number;
  redisUrl: string | null;
}

function isSearch(req: FastifyRequest): boolean {
  return req.routeOptions.url === '/api/v1/search';
}

/** Registers the limiter; returns a function that closes its Redis connection. */
export async function installRateLimits(app: FastifyInstance, config: RateLimitConfig): Promise<void> {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }) : null;
  if (redis) {
    redis.on('error', (err) => app.log.warn({ err }, 'rate-limit Redis unavailable; limits fail open until it returns'));
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  }
  await app.register(rateLimit, {
    global: true,
    // After access control (an earlier onRequest hook) has resolved the actor, so accounts are limited as
    // accounts; before body parsing and validation, so a flood costs as little as possible.
    hook: 'onRequest',
    ...(redis ? { redis, nameSpace: 'xinqiao-rl:', skipOnError: true } : {}),
    allowList: (req) => !req.url.startsWith('/api/'),
    keyGenerator: (req) => `${req.actor?.kind === 'user' ? `u${req.actor.userId}` : `ip${req.ip}`}:${isSearch(req) ? 'search' : 'api'}`,
    max: (req) => (req.actor?.kind === 'user' ? config.userPerMinute : isSearch(req) ? config.anonymousSearchPerMinute : config.anonymousPerMinute),
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => {
      const err = new Error(`Too many requests: the limit is ${ctx.max} per minute here; try again in ${Math.ceil(ctx.ttl / 1000)} s.`) as Error & { statusCode: number };
      err.statusCode = 429;
      return err;
    },
  });
}

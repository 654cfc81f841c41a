/**
 * A short-lived cache of public registry answers, for the anonymous readers who are most of the traffic (the
 * legacy city system fell over under them). Only anonymous GETs of routes that opt in (`config.cache`) are cached,
 * so tiered answers for signed-in readers are never shared. It runs after access control and the rate limiter (both on
 * request), so limits still count cache hits, and before parsing and validation, so a hit costs little.
 *
 * Invalidation is deliberately coarse: any successful write through the API, and every scheduled job run, clears
 * the whole cache — writes are rare next to reads, and "everything" can never miss a dependency (an objection
 * changes an enterprise page, a rating moves an agency's grade). With REDIS_URL the clearing is published to every
 * process and instance (pub/sub); without it other processes fall back on the TTL.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { onDataChanged } from '../shared/data-changes.js';

const CHANNEL = 'xinqiao:cache-invalidate';

/** Route-level opt-in. */
export interface CacheRouteConfig { ttlMs: number }

interface Entry { body: string; type: string }

/** The cache of one process, and the bus that keeps the processes' caches in step. */
export class ResponseCache {
  private readonly lru: LRUCache<string, Entry>;
  private readonly id = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  hits = 0;
  misses = 0;
  /** Bumped by every invalidation: an answer computed across one is not stored (it may predate the write). */
  generation = 0;

  constructor(options: { maxEntries?: number; maxBytes?: number } = {}) {
    this.lru = new LRUCache<string, Entry>({ max: options.maxEntries ?? 20_000, maxSize: options.maxBytes ?? 32 * 1024 * 1024, sizeCalculation: (e) => e.body.length * 2 + 64, ttlAutopurge: false });
  }

  /** Connects the invalidation bus (pub/sub on Redis). */
  async connect(redisUrl: string, onError: (err: unknown) => void): Promise<void> {
    this.pub = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    this.sub = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(CHANNEL);
    this.sub.on('message', (_channel, origin: string) => {
      if (origin !== this.id) {
        this.generation++;
        this.lru.clear();
      }
    });
  }

  get(key: string): Entry | undefined {
    const e = this.lru.get(key);
    if (e) this.hits++;
    else this.misses++;
    return e;
  }

  /** Stores an answer unless an invalidation happened since the request began. */
  set(key: string, entry: Entry, ttlMs: number, generation: number): void {
    if (generation === this.generation) this.lru.set(key, entry, { ttl: ttlMs });
  }

  /** Clears this process's cache and tells the others. */
  invalidate(): void {
    this.generation++;
    this.lru.clear();
    if (this.pub?.status === 'ready') void this.pub.publish(CHANNEL, this.id).catch(() => undefined);
  }

  get size(): number {
    return this.lru.size;
  }

  async close(): Promise<void> {
    this.sub?.disconnect();
    this.pub?.disconnect();
  }
}

const generations = new WeakMap<FastifyRequest, number>();
const isAnonymousGet = (req: FastifyRequest) => req.method === 'GET' && req.actor?.kind === 'anonymous';

/** Adds the cache to routes declaring `config: { cache: { ttlMs } }`; clears it after every successful write. */
export async function installResponseCache(app: FastifyInstance, cache: ResponseCache, redisUrl: string | null): Promise<void> {
  if (redisUrl) await cache.connect(redisUrl, (err) => app.log.warn({ err }, 'cache invalidation bus (Redis) unavailable; other processes rely on the TTL')).catch((err: unknown) => app.log.warn({ err }, 'cache invalidation bus (Redis) unavailable'));
  app.addHook('onClose', async () => cache.close());
  app.addHook('onRoute', (route) => {
    const config = (route.config as { cache?: CacheRouteConfig } | undefined)?.cache;
    if (!config) return;
    // Appended after the rate limiter's own route hook (registered earlier), so hits are still counted.
    const lookup = async (req: FastifyRequest, reply: FastifyReply) => {
      if (!isAnonymousGet(req)) return;
      generations.set(req, cache.generation);
      const hit = cache.get(req.url);
      if (hit) return reply.header('x-cache', 'hit').type(hit.type).send(hit.body);
    };
    const store = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (isAnonymousGet(req) && reply.statusCode === 200 && typeof payload === 'string' && reply.getHeader('x-cache') !== 'hit') {
        cache.set(req.url, { body: payload, type: String(reply.getHeader('content-type') ?? 'application/json') }, config.ttlMs, generations.get(req) ?? -1);
        reply.header('x-cache', 'miss');
      }
      return payload;
    };
    // onRequest: a hit skips parsing, validation and the handler; the rate limiter's onRequest hook ran first.
    route.onRequest = [...toArray(route.onRequest), lookup];
    route.onSend = [...toArray(route.onSend), store];
  });
  // Cleared before a successful write's answer leaves, so its author never reads the old state back.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS' && reply.statusCode < 400) cache.invalidate();
    return payload;
  });
  const stop = onDataChanged(() => cache.invalidate());
  app.addHook('onClose', async () => stop());
}

function toArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

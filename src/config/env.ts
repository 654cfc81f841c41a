/**
 * The only module that reads process.env. Everything else receives a Config value, so tests,
 * the CLI and the server can run side by side with different settings.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { RateLimitConfig } from '../server/rate-limits.js';
import type { RatingPolicy } from '../domain/reputation.js';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres|postgresql):\/\//, 'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite file)')
    .optional(),
  XINQIAO_DATA_DIR: z.string().min(1).default('./data'),
  XINQIAO_SEED_ENTERPRISES: z.coerce.number().int().min(0).max(5_000_000).default(100_000),
  XINQIAO_AUTO_SEED: z.enum(['0', '1', 'true', 'false']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  XINQIAO_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  XINQIAO_LOGIN_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  XINQIAO_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  XINQIAO_LICENCE_ISSUERS: z.string().min(1).optional(),
  XINQIAO_RATE_ANON: z.coerce.number().int().min(1).default(300),
  XINQIAO_RATE_ANON_SEARCH: z.coerce.number().int().min(1).default(60),
  XINQIAO_RATE_USER: z.coerce.number().int().min(1).default(1200),
  XINQIAO_PII_KEYS: z.string().min(1).optional(),
  XINQIAO_PII_INDEX_KEY: z.string().min(1).optional(),
  XINQIAO_LOG_ORIGIN: z.string().trim().min(1).regex(/^[^\s]+$/, 'XINQIAO_LOG_ORIGIN must not contain spaces').default('xinqiao.local/log'),
  XINQIAO_EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).default(52_428_800),
  XINQIAO_RATING_PRIOR_MEAN: z.coerce.number().min(1).max(5).default(4),
  XINQIAO_RATING_PRIOR_WEIGHT: z.coerce.number().int().min(0).max(1000).default(10),
  XINQIAO_DELIST_BELOW: z.coerce.number().min(1).max(5).default(3),
  XINQIAO_DELIST_MIN_RATINGS: z.coerce.number().int().min(1).max(10_000).default(5),
  XINQIAO_SOURCES: z.string().min(1).optional(),
  XINQIAO_SYNC_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
  XINQIAO_WEBHOOK_CLAIM_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  XINQIAO_WORKERS: z.coerce.number().int().min(0, 'XINQIAO_WORKERS is a number of processes (0: one per CPU)').max(256).default(1),
  XINQIAO_REQUESTS_PER_TURN: z.coerce.number().int().min(0, 'XINQIAO_REQUESTS_PER_TURN is a number of requests (0: no limit)').max(100_000).default(8),
  XINQIAO_SCHEDULER: z.enum(['0', '1', 'true', 'false']).default('1'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://').optional(),
});

/** Validated runtime configuration. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL, or null for the embedded SQLite file. */
  databaseUrl: string | null;
  dataDir: string;
  sqlitePath: string;
  seedEnterprises: number;
  autoSeed: boolean;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  bodyLimit: number;
  /** Base of the progressive delay after a failed sign-in. */
  loginDelayBaseMs: number;
  /** Trust X-Forwarded-* (behind a reverse proxy that terminates HTTPS). */
  trustProxy: boolean;
  /** JSON file of trusted e-licence issuer keys (default: licence-issuers.json in the data directory). */
  licenceIssuersPath: string;
  /** Per-minute request limits; shared through Redis when REDIS_URL is set. */
  rateLimits: RateLimitConfig;
  /** Personal-information keys "id:base64,…" (first encrypts) and the blind-index key; null = key file in the data directory. */
  piiKeys: string | null;
  piiIndexKey: string | null;
  /** Origin line of checkpoints and the signed-note key name. */
  logOrigin: string;
  /** Largest evidence file accepted. */
  evidenceMaxBytes: number;
  /** Bayesian prior of agency ratings and the automatic delisting rule. */
  ratingPolicy: RatingPolicy;
  /** Data-source configuration file (default: sources.json in the data directory). */
  sourcesPath: string;
  /** How long a sync run's lock lasts without renewal (a killed process's lock expires after this). */
  syncLeaseMs: number;
  /** How long a webhook delivery in flight is reserved for the process sending it. */
  webhookClaimMs: number;
  /** Reads a secret named in a configuration file (e.g. an API token for a data source) from the environment. */
  /** HTTP worker processes of this instance (cluster mode when more than 1). */
  workers: number;
  /** Requests admitted per event-loop turn while new connections are arriving (0: no gate); see src/server/turn-gate.ts. */
  requestsPerTurn: number;
  /** Whether this process runs the scheduled jobs (cluster mode runs them in the first worker only). */
  scheduler: boolean;
  secret: (name: string) => string | undefined;
}

/** Thrown with a readable, multi-line message when the environment is invalid. */
export class ConfigError extends Error {}

/** Parses an environment (default process.env) and fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= ) means "not set", as shells and .env files commonly write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.XINQIAO_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    sqlitePath: path.join(dataDir, 'xinqiao.db'),
    seedEnterprises: e.XINQIAO_SEED_ENTERPRISES,
    autoSeed: e.XINQIAO_AUTO_SEED === '1' || e.XINQIAO_AUTO_SEED === 'true',
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.XINQIAO_BODY_LIMIT,
    loginDelayBaseMs: e.XINQIAO_LOGIN_DELAY_MS,
    trustProxy: e.XINQIAO_TRUST_PROXY === '1' || e.XINQIAO_TRUST_PROXY === 'true',
    logOrigin: e.XINQIAO_LOG_ORIGIN,
    evidenceMaxBytes: e.XINQIAO_EVIDENCE_MAX_BYTES,
    ratingPolicy: { priorMean: e.XINQIAO_RATING_PRIOR_MEAN, priorWeight: e.XINQIAO_RATING_PRIOR_WEIGHT, delistBelow: e.XINQIAO_DELIST_BELOW, minRatings: e.XINQIAO_DELIST_MIN_RATINGS },
    piiKeys: e.XINQIAO_PII_KEYS ?? null,
    piiIndexKey: e.XINQIAO_PII_INDEX_KEY ?? null,
    rateLimits: { anonymousPerMinute: e.XINQIAO_RATE_ANON, anonymousSearchPerMinute: e.XINQIAO_RATE_ANON_SEARCH, userPerMinute: e.XINQIAO_RATE_USER, redisUrl: e.REDIS_URL ?? null },
    licenceIssuersPath: path.resolve(e.XINQIAO_LICENCE_ISSUERS ?? path.join(dataDir, 'licence-issuers.json')),
    sourcesPath: path.resolve(e.XINQIAO_SOURCES ?? path.join(dataDir, 'sources.json')),
    syncLeaseMs: e.XINQIAO_SYNC_LEASE_MS,
    webhookClaimMs: e.XINQIAO_WEBHOOK_CLAIM_MS,
    workers: e.XINQIAO_WORKERS === 0 ? os.availableParallelism() : e.XINQIAO_WORKERS,
    requestsPerTurn: e.XINQIAO_REQUESTS_PER_TURN,
    scheduler: e.XINQIAO_SCHEDULER === '1' || e.XINQIAO_SCHEDULER === 'true',
    secret: (name) => (env[name] === '' ? undefined : env[name]),
  };
}

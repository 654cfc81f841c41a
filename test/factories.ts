/** Shared builders for tests. */
import { buildApp, type AppDeps } from '../src/server/app.js';
import type { RateLimitConfig } from '../src/server/rate-limits.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FsBlobStore } from '../src/modules/evidence/blob-store.js';
import type { EvidenceDeps } from '../src/modules/evidence/evidence.service.js';
import { loadOrCreateLogKey } from '../src/modules/evidence/signing-key.js';
import { TransparencyLog } from '../src/modules/evidence/transparency-log.js';
import { PiiCipher } from '../src/modules/privacy/pii-cipher.js';
import { loadCalendar } from '../src/shared/calendar.js';
import { loadComplianceRules } from '../src/shared/compliance-rules.js';
import { DEFAULT_RATING_POLICY, type RatingPolicy } from '../src/domain/reputation.js';
import type { SyncDeps } from '../src/modules/ingest/sync.service.js';
import { MemorySender } from '../src/modules/notifications/notification-sender.js';

/** The key of TEST_PII (random per run). */
export const TEST_PII_KEY = { id: 'test1', key: randomBytes(32) };
/** The blind-index key of TEST_PII. */
export const TEST_PII_INDEX_KEY = randomBytes(32);
/** A personal-information key ring for tests (random per run). */
export const TEST_PII = new PiiCipher([TEST_PII_KEY], TEST_PII_INDEX_KEY);
import type { Database } from '../src/db/database.js';
import type { ServiceContext } from '../src/shared/context.js';

/** A fixed clock so verification dates do not drift. */
export const TEST_NOW = new Date('2026-11-23T04:00:00Z');

const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

/** A service context as the CLI would build it. */
export function testContext(database: Database): ServiceContext {
  return { db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'test' }, clock: () => TEST_NOW, log: silentLog };
}

/** Evidence dependencies over a throw-away directory (key and blobs). */
export function testEvidence(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-evidence-')), maxBytes = 1_000_000): EvidenceDeps {
  return { log: new TransparencyLog(loadOrCreateLogKey(dir, 'test.xinqiao/log')), store: new FsBlobStore(path.join(dir, 'blobs')), maxBytes };
}

/** The dependencies testApp builds its app from (for code that builds its own app, such as the demo activity). */
export function testAppDeps(database: Database, webRoot?: string, licenceIssuersPath = '/nonexistent/licence-issuers.json', rateLimits: Partial<RateLimitConfig> = {}, evidence: EvidenceDeps = testEvidence(), extra: { clock?: () => Date; sender?: MemorySender; ratingPolicy?: RatingPolicy; sync?: SyncDeps } = {}): AppDeps {
  const limits: RateLimitConfig = { anonymousPerMinute: 100_000, anonymousSearchPerMinute: 100_000, userPerMinute: 100_000, redisUrl: null, ...rateLimits };
  return { config: { bodyLimit: 1_048_576, loginDelayBaseMs: 1, trustProxy: false, licenceIssuersPath, rateLimits: limits, ratingPolicy: extra.ratingPolicy ?? DEFAULT_RATING_POLICY }, database, pii: TEST_PII, calendar: loadCalendar('/nonexistent'), evidence, complianceRules: loadComplianceRules('/nonexistent'), sender: extra.sender ?? new MemorySender(), ...(extra.sync ? { sync: extra.sync } : {}), logger: false, clock: extra.clock ?? (() => TEST_NOW), ...(webRoot ? { webRoot } : {}) };
}

/** The HTTP app over a database, without a logger. */
export function testApp(...args: Parameters<typeof testAppDeps>) {
  return buildApp(testAppDeps(...args));
}

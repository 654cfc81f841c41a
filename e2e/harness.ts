/** Shared browser-test set-up: a seeded server on a free port and Debian Chromium driven by playwright-core. */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { testApp, testEvidence } from '../test/factories.js';
import type { EvidenceDeps } from '../src/modules/evidence/evidence.service.js';
import { createSeededDatabase, type TestDatabase } from '../test/test-database.js';

/** Path of Chromium, when browser tests can run. */
export const CHROMIUM = process.env.XINQIAO_CHROMIUM;
if (process.env.XINQIAO_REQUIRE_BROWSER === '1' && !CHROMIUM) throw new Error('XINQIAO_REQUIRE_BROWSER=1 but XINQIAO_CHROMIUM is not set.');
/** Where screenshots go. */
export const ARTIFACTS = path.resolve('e2e/artifacts');

/** A running server with a browser. */
export interface Harness {
  database: TestDatabase;
  app: FastifyInstance;
  browser: Browser;
  base: string;
  evidence: EvidenceDeps;
  close(): Promise<void>;
}

/** Seeds a SQLite registry, serves it with the built web app, and launches Chromium with the flags this sandbox needs. */
export async function startHarness(enterprises = 1500): Promise<Harness> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const database = await createSeededDatabase('sqlite', enterprises);
  const evidence = testEvidence();
  const app = await testApp(database, undefined, undefined, {}, evidence);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  return {
    database, app, browser, base, evidence,
    close: async () => {
      await browser.close();
      await app.close();
      await database.destroy();
    },
  };
}

/** A browser context signed in as `userId` (null: anonymous), with options for the viewport and language. */
export async function contextFor(h: Harness, userId: number | null, options: { width?: number; locale?: string; init?: () => void } = {}) {
  const { sessionFor } = await import('../test/accounts.js');
  const context = await h.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: options.locale ?? 'zh-CN', acceptDownloads: true });
  if (options.init) await context.addInitScript(options.init);
  if (userId !== null) {
    const s = await sessionFor(h.database, userId);
    const [name, value] = s.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: h.base }]);
  }
  return context;
}

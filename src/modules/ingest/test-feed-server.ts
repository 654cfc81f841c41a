/**
 * A local HTTP feed that speaks the sync protocol, for tests, demos and anyone writing a connector
 * (`xinqiao sync-fixture`). Deterministic from a seed: /feeds/enterprises serves the generated registry;
 * /feeds/dishonest serves a change log of dishonest-debtor entries — listings, later updates, delistings as
 * removals ({ deleted: true, caseNumber }) and a few malformed rows that a sync must quarantine.
 * Options simulate a real source: a bearer token, failures every Nth request (503), latency.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDemo } from '../registry/demo/generate.js';

/** Feed options. */
export interface FeedOptions {
  port?: number;
  host?: string;
  enterprises?: number;
  seed?: number;
  /** Require "Authorization: Bearer <token>". */
  token?: string | undefined;
  /** Answer 503 to every Nth request (after serving N − 1). */
  failEvery?: number;
  delayMs?: number;
}

/** The two change logs of a seed. */
export function feedData(enterprises: number, seed: number) {
  const ents: Array<Record<string, unknown>> = [];
  const listings: Array<Record<string, unknown>> = [];
  for (const b of generateDemo({ enterprises, seed, asOf: new Date('2026-11-01T00:00:00Z'), batchSize: 1000 })) {
    ents.push(...b.enterprises.map(({ source: _s, fetchedAt: _f, ...e }) => e));
    listings.push(...b.dishonest.map(({ source: _s, fetchedAt: _f, ...d }) => d));
  }
  // The generated registry has few dishonest debtors; a feed worth testing lists one enterprise in three.
  ents.forEach((e, i) => {
    if (i % 3 !== 1) return;
    const month = String((i % 9) + 1).padStart(2, '0');
    listings.push({ creditCode: e.creditCode, caseNumber: `（2026）苏0508执${10_000 + i}号`, court: '苏州市姑苏区人民法院', obligation: `支付货款 ${(i % 50) * 1000 + 5000} 元`, performance: 'unperformed', listedOn: `2026-${month}-15`, removedOn: null });
  });
  const log: Array<Record<string, unknown>> = [...listings];
  listings.forEach((d, i) => {
    if (i % 7 === 3) log.push({ ...d, performance: 'partially_performed' });
    if (i % 11 === 5) log.push({ deleted: true, caseNumber: d.caseNumber });
  });
  // Every 97th position carries a broken row (a bad credit code), as real feeds sometimes do.
  for (let i = 96; i < log.length; i += 97) log.splice(i, 0, { ...listings[0], caseNumber: `（2026）坏数据${i}号`, creditCode: 'NOT-A-CODE' });
  return { enterprises: ents, dishonest: log };
}

/** Starts the feed; resolves with its base URL. */
export async function startFeedServer(options: FeedOptions = {}): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const data = feedData(options.enterprises ?? 2000, options.seed ?? 11);
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const answer = () => {
      const url = new URL(req.url ?? '/', 'http://feed');
      const feed = url.pathname === '/feeds/enterprises' ? data.enterprises : url.pathname === '/feeds/dishonest' ? data.dishonest : null;
      if (!feed) return send(404, { error: 'no such feed' });
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return send(401, { error: 'bad token' });
      if (options.failEvery && requests % options.failEvery === 0) return send(503, { error: 'try again' });
      const limit = Math.min(Number(url.searchParams.get('limit')) || 100, 1000);
      const from = Number(url.searchParams.get('cursor') ?? '0') || 0;
      const items = feed.slice(from, from + limit);
      const next = from + items.length;
      send(200, { items, nextCursor: String(next), hasMore: next < feed.length });
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${options.host ?? '127.0.0.1'}:${port}`, requests: () => requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * HTTP JSON API sources. Protocol (docs/ingestion.md): GET <url>?limit=<pageSize>[&cursor=<cursor>] answers
 * { items: [...], nextCursor: string | null, hasMore: boolean }; an item { deleted: true, …natural key } is a
 * removal. Requests are spaced to the source's rate limit, time out, and are retried with exponential backoff
 * and jitter on network errors, 429 and 5xx (honouring Retry-After); other 4xx fail the run at once.
 */
import { z } from 'zod';
import type { HttpSource } from '../sources.config.js';
import type { Connector, Page } from './connector.js';

const ZResponse = z.object({ items: z.array(z.unknown()), nextCursor: z.string().nullable(), hasMore: z.boolean() });

/** Thrown when a source answers in a way that retrying will not fix. */
export class SourceError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An HTTP JSON API connector. */
export class HttpConnector implements Connector {
  private lastRequest = 0;

  constructor(private readonly source: HttpSource, private readonly secret: (name: string) => string | undefined, private readonly fetchImpl: typeof fetch = fetch) {}

  private headers(): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json' };
    if (this.source.auth) {
      const value = this.secret(this.source.auth.secret);
      if (!value) throw new SourceError(`The environment variable ${this.source.auth.secret} (the credential of source ${this.source.name}) is not set.`);
      h[this.source.auth.header] = `${this.source.auth.prefix}${value}`;
    }
    return h;
  }

  /** One page, with rate limiting, timeout and retries. */
  async fetchPage(cursor: string | null): Promise<z.infer<typeof ZResponse>> {
    const url = new URL(this.source.url);
    url.searchParams.set('limit', String(this.source.pageSize));
    if (cursor) url.searchParams.set('cursor', cursor);
    const headers = this.headers();
    for (let attempt = 0; ; attempt++) {
      const wait = this.lastRequest + 1000 / this.source.ratePerSecond - Date.now();
      if (wait > 0) await sleep(wait);
      this.lastRequest = Date.now();
      let retryAfterMs: number | null = null;
      let problem: string;
      try {
        const res = await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.source.timeoutMs) });
        if (res.ok) {
          const parsed = ZResponse.safeParse(await res.json().catch(() => null));
          if (!parsed.success) throw new SourceError(`${url.origin}${url.pathname} answered with an unexpected body: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
          return parsed.data;
        }
        if (res.status !== 429 && res.status < 500) throw new SourceError(`${url.origin}${url.pathname} answered ${res.status} ${res.statusText}; check the URL and credentials.`);
        const ra = Number(res.headers.get('retry-after'));
        retryAfterMs = Number.isFinite(ra) && ra > 0 ? Math.min(ra * 1000, 60_000) : null;
        problem = `HTTP ${res.status}`;
      } catch (err) {
        if (err instanceof SourceError) throw err;
        problem = (err as Error).name === 'TimeoutError' ? `timed out after ${this.source.timeoutMs} ms` : (err as Error).message;
      }
      if (attempt >= this.source.retries) throw new Error(`${url.origin}${url.pathname} failed after ${attempt + 1} attempts: ${problem}`);
      const backoff = this.source.backoffMs * 2 ** attempt;
      await sleep(retryAfterMs ?? backoff + Math.random() * backoff);
    }
  }

  async *pages(startCursor: string | null): AsyncIterable<Page> {
    let cursor = startCursor;
    for (;;) {
      const body = await this.fetchPage(cursor);
      const at = cursor ?? 'start';
      const rows = body.items.map((item, i) => (item && typeof item === 'object' && !Array.isArray(item) ? { position: `${at}#${i}`, raw: item as Record<string, unknown> } : { position: `${at}#${i}`, raw: null, error: 'row: each item must be a JSON object' }));
      // An empty last page keeps the old cursor, so the next incremental run asks from the same place.
      cursor = body.nextCursor ?? cursor;
      yield { rows, cursor };
      if (!body.hasMore) return;
    }
  }
}

/**
 * Sessions for API tests whose clock moves: a party's session is started at the current test time when first
 * used at that time, so jumping days ahead never meets an expired session.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.js';
import { sessionFor } from './accounts.js';

/** Headers for one request. */
export type Headers = Record<string, string>;

/** A request helper bound to an app, a database, named users and a clock. */
export function partyClient<Who extends string>(app: () => FastifyInstance, database: () => Database, ids: Record<Who, number>, now: () => Date) {
  const sessions = new Map<string, Headers>();
  const headers = async (who: Who | null): Promise<Headers> => {
    if (who === null) return {};
    const key = `${who}@${now().toISOString()}`;
    if (!sessions.has(key)) {
      const s = await sessionFor(database(), ids[who], now());
      sessions.set(key, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    }
    return sessions.get(key)!;
  };
  return {
    post: async (url: string, who: Who | null, payload: unknown = {}, extra: Headers = {}) => app().inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...(await headers(who)), ...extra }, payload: payload as object }),
    get: async (url: string, who: Who | null = null) => app().inject({ method: 'GET', url: `/api/v1${url}`, headers: await headers(who) }),
    upload: async (url: string, who: Who, body: Buffer, type: string) => app().inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...(await headers(who)), 'content-type': type }, payload: body }),
  };
}

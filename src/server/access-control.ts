/**
 * Authentication and authorisation for every API route, in one hook (deny by default):
 * a bearer API token or the session cookie becomes the request's actor; the route's declared
 * permission is checked against the policy table, the token's scopes, the two-factor requirement
 * and — for cookie-authenticated writes — the CSRF token. A route under /api/v1 that declares no
 * permission makes registration fail at start-up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allows, POLICY, type Permission } from '../domain/access-policy.js';
import type { Database } from '../db/database.js';
import { authenticateSession, authenticateToken } from '../modules/accounts/session.service.js';
import { safeEqual } from '../modules/accounts/tokens.js';
import { roleOf, type Actor } from '../shared/context.js';
import { sendProblem } from './error-handler.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route requires (see src/domain/access-policy.ts). */
    permission?: Permission;
    /** Anonymous GET answers may be cached this long (src/server/response-cache.ts). */
    cache?: { ttlMs: number };
  }
  interface FastifyInstance {
    /** Every API route with the permission it declared (walked by the authorisation-matrix test). */
    apiRoutes: Array<{ method: string; url: string; permission: Permission }>;
  }
  interface FastifyRequest {
    actor: Actor;
    /** The CSRF token of the cookie session, when there is one. */
    csrfToken: string | null;
  }
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'xq_session';
const API_PREFIX = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Permissions a user may use before completing a required two-factor set-up or check. */
const MFA_EXEMPT: readonly Permission[] = ['auth:session', 'auth:login', 'account:self', 'account:mfa'];
/** Sign-in and registration do not act with the session's authority, so they need no CSRF token. */
const CSRF_EXEMPT: readonly Permission[] = ['auth:login', 'auth:register'];

/** Sets or clears the session cookie with the platform's attributes. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, value: string | null, expiresAt?: string): void {
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https' };
  if (value === null) reply.clearCookie(SESSION_COOKIE, base);
  else reply.setCookie(SESSION_COOKIE, value, { ...base, ...(expiresAt ? { expires: new Date(expiresAt) } : {}) });
}

/** Installs the hooks. */
export function installAccessControl(app: FastifyInstance, deps: { database: Database; clock: () => Date }): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', null);
  app.decorate('apiRoutes', []);
  const ctx = { db: deps.database.db, clock: deps.clock };

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX)) return;
    const permission = (route.config as { permission?: string } | undefined)?.permission;
    if (!permission || !(permission in POLICY)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission from the policy table; every API route must.`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, permission: permission as Permission });
  });

  app.addHook('onRequest', async (req, reply) => {
    req.actor = { kind: 'anonymous' };
    let expired = false;
    let cookieAuth = false;
    const authorization = req.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const actor = await authenticateToken(ctx, authorization.slice(7).trim());
      if (!actor) return sendProblem(reply, 401, 'The API token is invalid, expired or revoked.');
      req.actor = actor;
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        const check = await authenticateSession(ctx, cookie);
        if (check.status === 'valid') {
          req.actor = check.actor;
          req.csrfToken = check.csrfToken;
          cookieAuth = true;
        } else {
          expired = true;
          setSessionCookie(req, reply, null);
        }
      }
    }

    const permission = req.routeOptions.config?.permission;
    if (!permission) return;
    const actor = req.actor;
    if (!allows(roleOf(actor), permission)) {
      if (actor.kind === 'anonymous') return sendProblem(reply, 401, expired ? 'Your session has expired or was ended; please sign in again.' : 'Sign in to use this.');
      return sendProblem(reply, 403, `Your role (${roleOf(actor)}) lacks the permission "${permission}".`);
    }
    if (actor.kind === 'user' && actor.token && !actor.token.scopes.includes(permission)) {
      return sendProblem(reply, 403, `This API token is not scoped for "${permission}".`);
    }
    // Two-factor guards what the account can do beyond the public; public data stays public.
    if (actor.kind === 'user' && !actor.mfaSatisfied && !MFA_EXEMPT.includes(permission) && !allows('public', permission)) {
      return sendProblem(reply, 403, 'Two-factor authentication is required for your account: set it up under your account, or sign in again with your code.');
    }
    if (cookieAuth && UNSAFE.has(req.method) && !CSRF_EXEMPT.includes(permission)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
        return sendProblem(reply, 403, 'Missing or wrong CSRF token: send the x-csrf-token header given by GET /api/v1/auth/session.');
      }
    }
  });
}

/**
 * Server-side sessions in the database (so every server process shares them) and API-token
 * authentication. The cookie carries a random id; the database keeps only its SHA-256.
 */
import { MFA_REQUIRED_ROLES, type Permission, type Role } from '../../domain/access-policy.js';
import type { Executor } from '../../db/database.js';
import type { ServiceContext, UserActor } from '../../shared/context.js';
import { AppError } from '../../shared/app-error.js';
import * as repo from './accounts.repository.js';
import { digest, randomSecret } from './tokens.js';

/** A session ends 7 days after sign-in at the latest… */
export const SESSION_ABSOLUTE_HOURS = 24 * 7;
/** …or after 12 hours without use. */
export const SESSION_IDLE_HOURS = 12;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The role a user acts with: an enterprise user gains the verified role once its licence is verified. */
export function effectiveRole(user: { role: string; verification_status: string | null }): Role {
  if (user.role === 'enterprise' && user.verification_status === 'verified') return 'enterprise_verified';
  return user.role as Role;
}

/** Whether the session satisfies two-factor requirements for this user. */
export function mfaSatisfied(role: Role, totpEnabled: boolean, mfaPassed: boolean): boolean {
  if (mfaPassed) return true;
  return !totpEnabled && !MFA_REQUIRED_ROLES.includes(role);
}

/** A new session: the cookie value (shown once) and its CSRF token. */
export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: string;
}

/** Creates a session for a user. */
export async function createSession(db: Executor, userId: number, meta: { ip: string | null; userAgent: string | null; mfaPassed: boolean }, now: Date): Promise<NewSession> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000).toISOString();
  await repo.insertSession(db, { id_hash: digest(cookieValue), user_id: userId, csrf_token: csrfToken, mfa_passed: meta.mfaPassed ? 1 : 0, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, revoked_at: null, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 512) ?? null });
  return { cookieValue, csrfToken, expiresAt };
}

/** Starts a session for a user and returns it with the actor it authenticates. */
export async function startSession(
  db: Executor,
  user: { id: number; role: string; verification_status: string | null; totp_enabled: number; enterprise_credit_code: string | null },
  meta: { ip: string | null; userAgent: string | null; mfaPassed: boolean },
  now: Date,
): Promise<{ session: NewSession; actor: UserActor }> {
  const session = await createSession(db, user.id, meta, now);
  const role = effectiveRole(user);
  const actor: UserActor = { kind: 'user', userId: user.id, role, sessionHash: digest(session.cookieValue), token: null, mfaSatisfied: mfaSatisfied(role, user.totp_enabled === 1, meta.mfaPassed), enterpriseCreditCode: user.enterprise_credit_code, enterpriseVerified: user.verification_status === 'verified' };
  return { session, actor };
}

/** The outcome of presenting a session cookie. */
export type SessionCheck = { status: 'valid'; actor: UserActor; csrfToken: string } | { status: 'expired' } | { status: 'unknown' };

/** Resolves a cookie to an actor; expired, idle, revoked or disabled sessions say so. */
export async function authenticateSession(ctx: Pick<ServiceContext, 'db' | 'clock'>, cookieValue: string): Promise<SessionCheck> {
  const hash = digest(cookieValue);
  const s = await repo.findSession(ctx.db, hash);
  if (!s) return { status: 'unknown' };
  const now = ctx.clock();
  const idleLimit = new Date(new Date(s.last_seen_at).getTime() + SESSION_IDLE_HOURS * 3_600_000);
  if (s.revoked_at || s.status !== 'active' || s.expires_at <= now.toISOString() || idleLimit <= now) return { status: 'expired' };
  if (now.getTime() - new Date(s.last_seen_at).getTime() > TOUCH_INTERVAL_MS) await repo.updateSession(ctx.db, hash, { last_seen_at: now.toISOString() });
  const role = effectiveRole(s);
  return {
    status: 'valid',
    csrfToken: s.csrf_token,
    actor: { kind: 'user', userId: s.user_id, role, sessionHash: hash, token: null, mfaSatisfied: mfaSatisfied(role, s.totp_enabled === 1, s.mfa_passed === 1), enterpriseCreditCode: s.enterprise_credit_code, enterpriseVerified: s.verification_status === 'verified' },
  };
}

/** Resolves a bearer API token to a partner actor limited to the token's scopes. */
export async function authenticateToken(ctx: Pick<ServiceContext, 'db' | 'clock'>, bearer: string): Promise<UserActor | null> {
  const t = await repo.findTokenByHash(ctx.db, digest(bearer));
  const now = ctx.clock().toISOString();
  if (!t || t.revoked_at || t.status !== 'active' || (t.expires_at && t.expires_at <= now)) return null;
  if (!t.last_used_at || Date.parse(now) - Date.parse(t.last_used_at) > TOUCH_INTERVAL_MS) await repo.updateToken(ctx.db, t.id, { last_used_at: now });
  return { kind: 'user', userId: t.user_id, role: t.role as Role, sessionHash: null, token: { id: t.id, scopes: JSON.parse(t.scopes) as Permission[] }, mfaSatisfied: true, enterpriseCreditCode: t.enterprise_credit_code, enterpriseVerified: false };
}

function currentSession(ctx: ServiceContext): string {
  if (ctx.actor.kind !== 'user' || !ctx.actor.sessionHash) throw new AppError('unauthenticated', 'This needs a browser session (sign in first).');
  return ctx.actor.sessionHash;
}

/** Ends the current session. */
export async function logout(ctx: ServiceContext): Promise<void> {
  await repo.updateSession(ctx.db, currentSession(ctx), { revoked_at: ctx.clock().toISOString() });
}

/** Ends every session of the current user (all devices); returns how many. */
export async function logoutEverywhere(ctx: ServiceContext): Promise<number> {
  currentSession(ctx);
  return repo.revokeUserSessions(ctx.db, (ctx.actor as UserActor).userId, ctx.clock().toISOString());
}

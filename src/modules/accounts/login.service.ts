/**
 * Sign-in: argon2id check, TOTP when enabled, progressive delay and lockout. A wrong password and an
 * unknown email get the same answer, and a fresh session id is issued every time (no fixation).
 */
import { failureDelayMs, isLocked, lockAfterFailure } from '../../domain/login-throttle.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import * as repo from './accounts.repository.js';
import { verifyTotpCode } from './mfa.service.js';
import { verifyPassword } from './password.js';
import type { UserActor } from '../../shared/context.js';
import type { PiiCipher } from '../privacy/pii-cipher.js';
import { startSession, type NewSession } from './session.service.js';

/** Sign-in input. */
export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

/** The result: a session, or a failure with the delay to apply before answering. */
export type LoginResult = { ok: true; session: NewSession; actor: UserActor } | { ok: false; error: AppError; delayMs: number };

const WRONG = 'Email or password is incorrect.';

/** Attempts a sign-in. */
export async function login(ctx: ServiceContext, input: LoginInput, meta: { ip: string | null; userAgent: string | null; delayBaseMs: number; cipher: PiiCipher }): Promise<LoginResult> {
  const now = ctx.clock();
  const user = await repo.findUserByEmail(ctx.db, input.email.trim().toLowerCase());
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user) return { ok: false, error: new AppError('unauthenticated', WRONG), delayMs: failureDelayMs(1, meta.delayBaseMs) };
  if (isLocked(user.locked_until, now)) {
    return { ok: false, error: new AppError('unauthenticated', `Too many failed attempts: this account is locked until ${user.locked_until} (UTC). Try again later.`), delayMs: 0 };
  }
  if (user.status !== 'active') return { ok: false, error: new AppError('unauthenticated', WRONG), delayMs: failureDelayMs(1, meta.delayBaseMs) };
  let failure: string | null = passwordOk ? null : WRONG;
  if (!failure && user.totp_enabled === 1) {
    if (!input.totp) return { ok: false, error: new AppError('unauthenticated', 'Two-factor code required: enter the 6-digit code from your authenticator app.', [{ field: 'body.totp', detail: 'is required for this account' }]), delayMs: 0 };
    if (!verifyTotpCode(meta.cipher, user.totp_secret, input.totp, now)) failure = 'The two-factor code is wrong or expired.';
  }
  if (failure) {
    const failures = user.failed_logins + 1;
    await repo.updateUser(ctx.db, user.id, { failed_logins: failures, locked_until: lockAfterFailure(failures, now) ?? user.locked_until, updated_at: now.toISOString() });
    return { ok: false, error: new AppError('unauthenticated', failure), delayMs: failureDelayMs(failures, meta.delayBaseMs) };
  }
  const started = await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failed_logins: 0, locked_until: null, updated_at: now.toISOString() });
    return startSession(trx, user, { ip: meta.ip, userAgent: meta.userAgent, mfaPassed: user.totp_enabled === 1 }, now);
  });
  return { ok: true, ...started };
}

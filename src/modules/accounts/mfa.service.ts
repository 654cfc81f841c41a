/** TOTP two-factor authentication (RFC 6238: SHA-1, 6 digits, 30 s; one step of clock drift allowed). */
import { Secret, TOTP } from 'otpauth';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext, UserActor } from '../../shared/context.js';
import type { PiiCipher } from '../privacy/pii-cipher.js';
import * as repo from './accounts.repository.js';

function totpFor(secret: string, label = 'account'): TOTP {
  return new TOTP({ issuer: 'Xinqiao 信桥', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** True when the code matches the sealed secret at `now` (±30 s). Secrets are stored encrypted like personal information. */
export function verifyTotpCode(cipher: PiiCipher, sealedSecret: string | null, code: string, now: Date): boolean {
  if (!sealedSecret || !/^\d{6}$/.test(code.trim())) return false;
  return totpFor(cipher.decrypt(sealedSecret)).validate({ token: code.trim(), timestamp: now.getTime(), window: 1 }) !== null;
}

/** The current code for a secret (tests and the CLI's bootstrap use it). */
export function currentTotpCode(secret: string, now: Date): string {
  return totpFor(secret).generate({ timestamp: now.getTime() });
}

function userActor(ctx: ServiceContext): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return ctx.actor;
}

/** Starts TOTP set-up: a new secret and its otpauth:// URI for the authenticator app (not active until confirmed). */
export async function beginTotpSetup(ctx: ServiceContext, cipher: PiiCipher): Promise<{ secret: string; uri: string }> {
  const actor = userActor(ctx);
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('not_found', 'Account not found.');
  if (user.totp_enabled === 1) throw new AppError('conflict', 'Two-factor authentication is already on.');
  const secret = new Secret({ size: 20 }).base32;
  await repo.updateUser(ctx.db, user.id, { totp_secret: cipher.encrypt(secret), updated_at: ctx.clock().toISOString() });
  return { secret, uri: totpFor(secret, user.email).toString() };
}

/** Confirms set-up with a code from the app; the current session counts as having passed 2FA. */
export async function enableTotp(ctx: ServiceContext, cipher: PiiCipher, code: string): Promise<void> {
  const actor = userActor(ctx);
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user?.totp_secret) throw new AppError('conflict', 'Start two-factor set-up first.');
  if (!verifyTotpCode(cipher, user.totp_secret, code, ctx.clock())) throw new AppError('invalid_input', 'That code is wrong or expired; check the time on your phone.', [{ field: 'body.code', detail: 'does not match' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { totp_enabled: 1, updated_at: ctx.clock().toISOString() });
    if (actor.sessionHash) await repo.updateSession(trx, actor.sessionHash, { mfa_passed: 1 });
  });
}

/** Re-encrypts two-factor secrets sealed with an older key; returns how many. */
export async function rotateTotpSecrets(ctx: ServiceContext, cipher: PiiCipher): Promise<number> {
  const rows = await ctx.db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute();
  let n = 0;
  for (const r of rows) {
    if (!r.totp_secret || !cipher.needsRotation(r.totp_secret)) continue;
    await repo.updateUser(ctx.db, r.id, { totp_secret: cipher.encrypt(cipher.decrypt(r.totp_secret)) });
    n++;
  }
  return n;
}

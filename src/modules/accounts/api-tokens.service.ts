/** Scoped, revocable API tokens for partner institutions; only a SHA-256 digest is stored. */
import { TOKEN_SCOPES, type Permission } from '../../domain/access-policy.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import * as repo from './accounts.repository.js';
import { digest, randomSecret } from './tokens.js';

/** Issues a token to a partner account; the plain token is returned once and never again. */
export async function createApiToken(ctx: ServiceContext, input: { userId: number; name: string; scopes: Permission[]; expiresInDays?: number | undefined }) {
  const user = await repo.findUserById(ctx.db, input.userId);
  if (!user) throw new AppError('not_found', `No account with id ${input.userId}.`);
  if (user.role !== 'partner') throw new AppError('invalid_input', 'API tokens are issued to partner-institution accounts only.', [{ field: 'body.userId', detail: `account role is ${user.role}` }]);
  const bad = input.scopes.filter((s) => !TOKEN_SCOPES.includes(s));
  if (bad.length) throw new AppError('invalid_input', `Scopes not available to tokens: ${bad.join(', ')}.`, [{ field: 'body.scopes', detail: `allowed: ${TOKEN_SCOPES.join(', ')}` }]);
  const token = `xq_${randomSecret()}`;
  const now = ctx.clock();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null;
  const id = await repo.insertToken(ctx.db, { user_id: user.id, name: input.name, token_hash: digest(token), prefix: token.slice(0, 10), scopes: JSON.stringify([...new Set(input.scopes)]), created_at: now.toISOString(), expires_at: expiresAt, last_used_at: null, revoked_at: null });
  return { id, token, prefix: token.slice(0, 10), scopes: [...new Set(input.scopes)], expiresAt };
}

/** Revokes a token at once (every process sees it on the next request). */
export async function revokeApiToken(ctx: ServiceContext, id: number): Promise<void> {
  const n = await repo.updateToken(ctx.db, id, { revoked_at: ctx.clock().toISOString() });
  if (n === 0) throw new AppError('not_found', `No API token with id ${id}.`);
}

/** Lists tokens without their secrets. */
export async function listApiTokens(ctx: ServiceContext) {
  const rows = await repo.listTokens(ctx.db);
  return rows.map((t) => ({ id: t.id, userId: t.user_id, name: t.name, prefix: t.prefix, scopes: JSON.parse(t.scopes) as string[], createdAt: t.created_at, expiresAt: t.expires_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at }));
}

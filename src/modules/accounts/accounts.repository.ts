/** Accounts persistence: users, sessions and API tokens. */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from '../../db/schema.js';

/** Inserts a user; returns its id. */
export async function insertUser(db: Executor, user: Insertable<UsersTable>): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A user by normalised email. */
export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A user by id. */
export function findUserById(db: Executor, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates a user's columns. */
export async function updateUser(db: Executor, id: number, changes: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** A page of users, newest first. */
export function listUsers(db: Executor, page: { limit: number; offset: number; role?: string | undefined; verificationStatus?: string | undefined }) {
  let q = db.selectFrom('users').select(['id', 'email', 'display_name', 'role', 'status', 'enterprise_credit_code', 'verification_status', 'verification_reason', 'totp_enabled', 'locked_until', 'created_at']);
  if (page.role) q = q.where('role', '=', page.role);
  if (page.verificationStatus) q = q.where('verification_status', '=', page.verificationStatus as 'pending');
  return q.orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

/** Stores a new session. */
export async function insertSession(db: Executor, session: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A session with its user, if it exists at all (validity is the service's call). */
export function findSession(db: Executor, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.user_id', 'sessions.csrf_token', 'sessions.mfa_passed', 'sessions.expires_at', 'sessions.last_seen_at', 'sessions.revoked_at', 'users.role', 'users.status', 'users.verification_status', 'users.enterprise_credit_code', 'users.totp_enabled'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

/** Updates a session's columns. */
export async function updateSession(db: Executor, idHash: string, changes: Updateable<SessionsTable>): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id_hash', '=', idHash).execute();
}

/** Revokes every live session of a user; returns how many. */
export async function revokeUserSessions(db: Executor, userId: number, now: string): Promise<number> {
  const r = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Stores an API token digest. */
export async function insertToken(db: Executor, token: Insertable<ApiTokensTable>): Promise<number> {
  const row = await db.insertInto('api_tokens').values(token).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A token with its owner by digest. */
export function findTokenByHash(db: Executor, hash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.scopes', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at', 'users.role', 'users.status', 'users.enterprise_credit_code'])
    .where('api_tokens.token_hash', '=', hash)
    .executeTakeFirst();
}

/** Updates a token's columns. */
export async function updateToken(db: Executor, id: number, changes: Updateable<ApiTokensTable>): Promise<number> {
  const r = await db.updateTable('api_tokens').set(changes).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** All tokens (without digests), newest first. */
export function listTokens(db: Executor) {
  return db.selectFrom('api_tokens').select(['id', 'user_id', 'name', 'prefix', 'scopes', 'created_at', 'expires_at', 'last_used_at', 'revoked_at']).orderBy('id', 'desc').execute();
}

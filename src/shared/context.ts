/** What every service call receives instead of an HTTP request, so the CLI, scheduler and tests share it. */
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Permission, Role } from '../domain/access-policy.js';

/** A signed-in user, through a browser session or an API token. */
export interface UserActor {
  kind: 'user';
  userId: number;
  role: Role;
  /** Set for cookie sessions (SHA-256 of the session id). */
  sessionHash: string | null;
  /** Set for API-token requests: the token's id and the permissions it is limited to. */
  token: { id: number; scopes: Permission[] } | null;
  /** False until a role that requires TOTP has passed it in this session. */
  mfaSatisfied: boolean;
  enterpriseCreditCode: string | null;
  /** True once the account proved the enterprise is its own (electronic business licence). */
  enterpriseVerified: boolean;
}

/** Who is acting: the anonymous public, a user, or the system itself (CLI, scheduler). */
export type Actor = { kind: 'anonymous' } | { kind: 'system'; name: string } | UserActor;

/** The role whose permissions apply (the system acts with the regulator's). */
export function roleOf(actor: Actor): Role {
  return actor.kind === 'anonymous' ? 'public' : actor.kind === 'system' ? 'regulator' : actor.role;
}

/** The logging a service may do (pino's and Fastify's loggers both fit). */
export interface Log {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** Service context. */
export interface ServiceContext {
  db: Kysely<DB>;
  dialect: DialectName;
  actor: Actor;
  clock: () => Date;
  log: Log;
}

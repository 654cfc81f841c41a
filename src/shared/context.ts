/** What every service call receives instead of an HTTP request, so the CLI, scheduler and tests share it. */
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** Who is acting. Accounts arrive with the accounts issue; until then everyone is the public. */
export type Actor = { kind: 'anonymous' } | { kind: 'system'; name: string };

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

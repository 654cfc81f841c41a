/** Builds the service context for a request, so route handlers never pass Fastify objects to services. */
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { ServiceContext } from '../shared/context.js';

/** Makes a ServiceContext from a request. */
export type ContextFactory = (req: FastifyRequest) => ServiceContext;

/** A context factory bound to one database and clock. */
export function contextFactory(database: Database, clock: () => Date): ContextFactory {
  return (req) => ({ db: database.db, dialect: database.dialect, actor: req.actor ?? { kind: 'anonymous' }, clock, log: req.log });
}

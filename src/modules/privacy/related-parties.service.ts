/** A verified enterprise declares the counterparties it needs to see more about — limited in number, each with a purpose. */
import { isValidCreditCode } from '../../domain/credit-code.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { findEnterpriseSummary } from '../registry/registry.service.js';
import * as repo from './related-parties.repository.js';

/** Most counterparties one enterprise may declare (data minimisation, PIPL art. 6). */
export const MAX_RELATED_PARTIES = 50;

function userId(ctx: ServiceContext): number {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return ctx.actor.userId;
}

/** Lists my declared related parties with their names. */
export async function listMyRelatedParties(ctx: ServiceContext) {
  const rows = await repo.listRelatedParties(ctx.db, userId(ctx));
  return Promise.all(rows.map(async (r) => ({ id: r.id, creditCode: r.credit_code, name: (await findEnterpriseSummary(ctx, r.credit_code))?.name ?? null, purpose: r.purpose, createdAt: r.created_at })));
}

/** Declares a counterparty. */
export async function addRelatedParty(ctx: ServiceContext, input: { creditCode: string; purpose: string }) {
  const id = userId(ctx);
  const code = input.creditCode.trim().toUpperCase();
  if (!isValidCreditCode(code)) throw new AppError('invalid_input', 'creditCode is not a valid unified social credit code.', [{ field: 'body.creditCode', detail: 'invalid' }]);
  if (ctx.actor.kind === 'user' && ctx.actor.enterpriseCreditCode === code) throw new AppError('invalid_input', 'Your own enterprise is not a related party.', [{ field: 'body.creditCode', detail: 'is your own' }]);
  const enterprise = await findEnterpriseSummary(ctx, code);
  if (!enterprise) throw new AppError('not_found', `No enterprise with credit code ${code} is in the registry.`);
  const existing = await repo.listRelatedParties(ctx.db, id);
  if (existing.some((r) => r.credit_code === code)) throw new AppError('conflict', `${enterprise.name} is already on your list.`);
  if (existing.length >= MAX_RELATED_PARTIES) throw new AppError('conflict', `At most ${MAX_RELATED_PARTIES} related parties; remove one first.`);
  const rowId = await repo.insertRelatedParty(ctx.db, { user_id: id, credit_code: code, purpose: input.purpose.trim(), created_at: ctx.clock().toISOString() });
  return { id: rowId, creditCode: code, name: enterprise.name, purpose: input.purpose.trim(), createdAt: ctx.clock().toISOString() };
}

/** Removes a declaration. */
export async function removeRelatedParty(ctx: ServiceContext, id: number): Promise<void> {
  if (!(await repo.deleteRelatedParty(ctx.db, userId(ctx), id))) throw new AppError('not_found', `No related party with id ${id} on your list.`);
}

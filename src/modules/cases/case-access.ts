/**
 * Who may see and act on a case: its creditor, the agency it was commissioned to (an agency account
 * whose verified enterprise is that agency), the debtor (verified enterprise or identity), the
 * mediator who took it from the mediation queue, and regulators. Anyone else gets "not found", so case ids reveal nothing.
 */
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { getOwnAccount } from '../accounts/register.service.js';
import { agencyForCreditCode } from '../registry/registry.service.js';
import * as repo from './cases.repository.js';

/** The caller's relation to a case. */
export type CaseParty = 'creditor' | 'agency' | 'debtor' | 'regulator' | 'mediator';

/** The agency an agency account acts for: its enterprise must be verified and filed as an agency. */
export async function actingAgency(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'agency') return null;
  if (!ctx.actor.enterpriseVerified || !ctx.actor.enterpriseCreditCode) return null;
  return agencyForCreditCode(ctx, ctx.actor.enterpriseCreditCode);
}

/** Debtor keys the caller may act as: its verified enterprise and its verified identity. */
export async function debtorKeysOf(ctx: ServiceContext): Promise<string[]> {
  if (ctx.actor.kind !== 'user') return [];
  const keys: string[] = [];
  if (ctx.actor.enterpriseVerified && ctx.actor.enterpriseCreditCode) keys.push(`ent:${ctx.actor.enterpriseCreditCode}`);
  const me = await getOwnAccount(ctx);
  if (me.personId) keys.push(`person:${me.personId}`);
  return keys;
}

/** Loads a case with its debt if the caller is party to it; `lock` row-locks it (PostgreSQL). */
export async function loadCase(ctx: ServiceContext, caseId: number, options: { lock?: boolean } = {}) {
  const kase = await repo.findCase(ctx.db, caseId, Boolean(options.lock) && ctx.dialect === 'postgres');
  const debt = kase ? await repo.findDebt(ctx.db, kase.debt_id) : undefined;
  const party = kase && debt ? await partyOf(ctx, kase.id, kase.agency_id, debt) : null;
  if (!kase || !debt || !party) throw new AppError('not_found', `No case ${caseId} that you are party to.`);
  return { kase, debt, party };
}

async function partyOf(ctx: ServiceContext, caseId: number, agencyId: number, debt: { creditor_user_id: number; debtor_key: string }): Promise<CaseParty | null> {
  if (ctx.actor.kind === 'system' || roleOf(ctx.actor) === 'regulator') return 'regulator';
  if (ctx.actor.kind !== 'user') return null;
  if (debt.creditor_user_id === ctx.actor.userId) return 'creditor';
  if (ctx.actor.role === 'agency') return (await actingAgency(ctx))?.id === agencyId ? 'agency' : null;
  if (ctx.actor.role === 'mediator') return (await mediatorOf(ctx, caseId)) === ctx.actor.userId ? 'mediator' : null;
  return (await debtorKeysOf(ctx)).includes(debt.debtor_key) ? 'debtor' : null;
}

/** The user id of the mediator who took the case, if any. */
export async function mediatorOf(ctx: ServiceContext, caseId: number): Promise<number | null> {
  const row = await ctx.db.selectFrom('case_mediators').select('mediator_user_id').where('case_id', '=', caseId).executeTakeFirst();
  return row?.mediator_user_id ?? null;
}

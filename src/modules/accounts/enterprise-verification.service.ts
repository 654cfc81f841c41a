/**
 * Enterprise verification by electronic business licence: pending → verified | rejected, with reasons.
 * A verified enterprise user acts with the enterprise_verified role (more about its counterparties).
 */
import { compareLicence } from '../../domain/licence-check.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { findEnterpriseSummary } from '../registry/registry.service.js';
import * as repo from './accounts.repository.js';
import type { LicenceVerifier } from './licence-verifier.js';

/** The verification state as the user sees it. */
export interface VerificationState {
  status: 'pending' | 'verified' | 'rejected';
  reasons: string[];
}

/** Checks a submitted licence document and records the outcome on the account. */
export async function submitLicence(ctx: ServiceContext, verifier: LicenceVerifier, document: unknown): Promise<VerificationState> {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const user = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!user || !['enterprise', 'debtor', 'agency'].includes(user.role)) throw new AppError('forbidden', 'Only enterprise, agency and debtor accounts verify a business licence.');
  if (user.verification_status === 'verified') throw new AppError('conflict', 'This enterprise is already verified.');
  let state: VerificationState;
  if (!verifier.configured) {
    state = { status: 'pending', reasons: ['Electronic licence checking is not configured on this platform; an administrator will review your account.'] };
  } else {
    const verdict = verifier.verify(document);
    if (!verdict.ok) state = { status: 'rejected', reasons: verdict.reasons };
    else {
      const registry = await findEnterpriseSummary(ctx, verdict.licence.creditCode.trim().toUpperCase());
      const reasons = compareLicence(verdict.licence, user.enterprise_credit_code, registry, ctx.clock());
      state = reasons.length ? { status: 'rejected', reasons } : { status: 'verified', reasons: [`Licence from issuer “${verdict.licence.issuer}” matches the registry.`] };
    }
  }
  await repo.updateUser(ctx.db, user.id, { verification_status: state.status, verification_reason: state.reasons.join(' '), updated_at: ctx.clock().toISOString() });
  return state;
}

/** An administrator decides by hand (documents checked offline, or a disputed rejection). */
export async function reviewVerification(ctx: ServiceContext, userId: number, decision: 'verified' | 'rejected', reason: string): Promise<VerificationState> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user || !['enterprise', 'debtor', 'agency'].includes(user.role) || !user.enterprise_credit_code) throw new AppError('not_found', `No enterprise, agency or debtor account with a credit code has id ${userId}.`);
  await repo.updateUser(ctx.db, userId, { verification_status: decision, verification_reason: `Manual review: ${reason}`, updated_at: ctx.clock().toISOString() });
  return { status: decision, reasons: [`Manual review: ${reason}`] };
}

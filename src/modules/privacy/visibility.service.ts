/**
 * Tiered visibility of non-public registry information (open lawsuits), decided in the service
 * layer: the public sees counts; a verified enterprise sees details of counterparties it declared
 * (with a purpose); a verified debtor sees its own; a regulator sees everything when it states a
 * purpose. Every non-public read is written to the access log with who, role, what, purpose, when.
 */
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { appendAccess } from './access-log.repository.js';
import { findRelatedParty } from './related-parties.repository.js';

/** Which tier a reader gets for one enterprise. */
export type AccessTier = { tier: 'public'; note: string | null } | { tier: 'related_party' | 'regulator' | 'self'; purpose: string };

/** Decides the tier for reading an enterprise's non-public records. */
export async function accessTierFor(ctx: ServiceContext, creditCode: string, purpose: string | undefined): Promise<AccessTier> {
  const actor = ctx.actor;
  const role = roleOf(actor);
  if (role === 'regulator') {
    return purpose?.trim() ? { tier: 'regulator', purpose: purpose.trim() } : { tier: 'public', note: 'State a purpose (?purpose=…) to see non-public records; the query is logged.' };
  }
  if (actor.kind !== 'user') return { tier: 'public', note: null };
  if (role === 'enterprise_verified') {
    const related = await findRelatedParty(ctx.db, actor.userId, creditCode);
    return related ? { tier: 'related_party', purpose: related.purpose } : { tier: 'public', note: 'Declare this enterprise as a related party (with a purpose) to see its open lawsuits.' };
  }
  if (role === 'debtor' && actor.enterpriseVerified && actor.enterpriseCreditCode === creditCode) return { tier: 'self', purpose: 'data subject viewing own records' };
  return { tier: 'public', note: null };
}

/** Records a non-public read (skipped for the subject reading its own data). */
export async function recordAccess(ctx: ServiceContext, subject: { kind: 'enterprise' | 'person'; key: string }, fields: string[], tier: Exclude<AccessTier, { tier: 'public' }>, requestId: string | null): Promise<void> {
  if (tier.tier === 'self') return;
  await appendAccess(ctx.db, {
    subject_kind: subject.kind,
    subject_key: subject.key,
    viewer_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    viewer_role: roleOf(ctx.actor),
    fields: JSON.stringify(fields),
    purpose: tier.purpose,
    request_id: requestId,
    accessed_at: ctx.clock().toISOString(),
  });
}

/** True when the signed-in user declared this enterprise a related party. */
export async function isRelatedParty(ctx: ServiceContext, creditCode: string): Promise<boolean> {
  return ctx.actor.kind === 'user' && Boolean(await findRelatedParty(ctx.db, ctx.actor.userId, creditCode));
}

/** "Who viewed my data": a data subject reads the access log about itself (PIPL art. 45). */
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { listAccesses } from './access-log.repository.js';

/** The access log about the signed-in subject: its verified enterprise and/or its own person record. */
export async function myAccessLog(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  const code = user?.enterprise_credit_code && user.verification_status === 'verified' ? user.enterprise_credit_code : null;
  if (!user || (!code && !user.person_id)) {
    throw new AppError('forbidden', 'Verify your enterprise (electronic business licence) or your identity to see who viewed your data.');
  }
  const rows = [
    ...(code ? await listAccesses(ctx.db, { kind: 'enterprise', key: code }, 500) : []),
    ...(user.person_id ? await listAccesses(ctx.db, { kind: 'person', key: String(user.person_id) }, 500) : []),
  ].sort((a, b) => (a.accessed_at < b.accessed_at ? 1 : -1));
  return {
    subject: [code, user.person_id ? `person ${user.person_id}` : null].filter(Boolean).join(' + '),
    items: rows.map((r) => ({ id: r.id, viewer: r.viewer_role === 'regulator' ? `${r.display_name ?? 'regulator'}` : r.display_name ?? '(deleted account)', viewerRole: r.viewer_role, fields: JSON.parse(r.fields) as string[], purpose: r.purpose, accessedAt: r.accessed_at })),
  };
}

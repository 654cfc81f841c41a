/** "Who viewed my data": a data subject reads the access log about itself (PIPL art. 45). */
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { listAccesses } from './access-log.repository.js';

/** The access log about the signed-in subject's verified enterprise. */
export async function myAccessLog(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  const code = user?.enterprise_credit_code;
  if (!user || !code || user.verification_status !== 'verified') {
    throw new AppError('forbidden', 'Verify that the enterprise is yours (electronic business licence) to see who viewed its data.');
  }
  const rows = await listAccesses(ctx.db, { kind: 'enterprise', key: code }, 500);
  return {
    subject: code,
    items: rows.map((r) => ({ id: r.id, viewer: r.viewer_role === 'regulator' ? `${r.display_name ?? 'regulator'}` : r.display_name ?? '(deleted account)', viewerRole: r.viewer_role, fields: JSON.parse(r.fields) as string[], purpose: r.purpose, accessedAt: r.accessed_at })),
  };
}

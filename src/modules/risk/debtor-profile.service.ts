/**
 * The debtor profile: everything the platform knows about an enterprise debtor — registration, every public record
 * with its source and fetch time, open lawsuits, objections, cases against it on the platform (counts only), data
 * freshness and the risk score — for a reader with a lawful basis and a stated purpose. Every view is logged, and
 * the enterprise sees who looked (PIPL art. 45 practice, "who viewed my data").
 */
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { isRelatedParty, recordAccess } from '../privacy/visibility.service.js';
import { getEnterprise } from '../registry/registry.service.js';
import { enterpriseRisk } from './risk.service.js';

/** Why the reader may see the profile, or null. */
async function lawfulBasis(ctx: ServiceContext, creditCode: string): Promise<string | null> {
  const role = roleOf(ctx.actor);
  if (role === 'regulator') return 'supervision';
  if (role === 'partner') return 'partner institution under its agreement with the platform';
  if (ctx.actor.kind !== 'user') return null;
  const userId = ctx.actor.userId;
  const owed = await ctx.db.selectFrom('debts').select('id').where('creditor_user_id', '=', userId).where('debtor_key', '=', `ent:${creditCode}`).executeTakeFirst();
  if (owed) return 'creditor of a registered debt';
  if (role === 'agency' && ctx.actor.enterpriseVerified && ctx.actor.enterpriseCreditCode) {
    const agencyCase = await ctx.db.selectFrom('cases').innerJoin('debts', 'debts.id', 'cases.debt_id').innerJoin('agencies', 'agencies.id', 'cases.agency_id').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id')
      .select('cases.id').where('debts.debtor_key', '=', `ent:${creditCode}`).where('enterprises.credit_code', '=', ctx.actor.enterpriseCreditCode).where('cases.status', 'in', ['cooling_off', 'active']).executeTakeFirst();
    if (agencyCase) return 'agency commissioned on a case against this debtor';
  }
  if (role === 'enterprise_verified' && (await isRelatedParty(ctx, creditCode))) return 'declared counterparty of a verified enterprise';
  return null;
}

/** The profile of enterprise `id` for a reader with a lawful basis and a purpose. */
export async function debtorProfile(ctx: ServiceContext, id: number, purpose: string) {
  const base = await ctx.db.selectFrom('enterprises').select('credit_code').where('id', '=', id).executeTakeFirst();
  if (!base) throw new AppError('not_found', `No enterprise with id ${id}.`);
  if (purpose.trim().length < 4) throw new AppError('invalid_input', 'State the purpose of this lookup (it is logged and shown to the enterprise).', [{ field: 'query.purpose', detail: 'at least 4 characters' }]);
  const basis = await lawfulBasis(ctx, base.credit_code);
  if (!basis) throw new AppError('forbidden', 'The debtor profile is for creditors of a registered debt against this enterprise, agencies working such a case, declared counterparties of verified enterprises, partner institutions and regulators.');
  await recordAccess(ctx, { kind: 'enterprise', key: base.credit_code }, ['profile', 'openLawsuits', 'cases'], { tier: roleOf(ctx.actor) === 'regulator' ? 'regulator' : 'related_party', purpose: `${purpose.trim()} (${basis})` }, null);
  // The registry view, with open lawsuits: the lawful basis and the logged purpose allow them here.
  const registry = await getEnterprise({ ...ctx, actor: { kind: 'system', name: 'debtor-profile' } }, id, { purpose: purpose.trim() });
  const cases = await ctx.db.selectFrom('cases').innerJoin('debts', 'debts.id', 'cases.debt_id').select(['cases.status', (eb) => eb.fn.countAll<number>().as('n')]).where('debts.debtor_key', '=', `ent:${base.credit_code}`).groupBy('cases.status').execute();
  const objections = await ctx.db.selectFrom('objections').select(['record_kind', 'status', 'due_on', 'created_at']).where('subject_key', '=', `ent:${base.credit_code}`).orderBy('id', 'desc').limit(50).execute();
  const risk = await enterpriseRisk(ctx, id, { amountFen: 10_000_000, ageDays: 90 }).catch(() => null);
  return {
    basis, purpose: purpose.trim(), enterprise: registry,
    platformCases: Object.fromEntries(cases.map((c) => [c.status, Number(c.n)])),
    objections: objections.map((o) => ({ recordKind: o.record_kind, status: o.status, dueOn: o.due_on, filedAt: o.created_at })),
    risk: risk ? { probability: risk.probability, band: risk.band, contributions: risk.contributions, modelVersion: risk.modelVersion } : null,
    logged: true,
  };
}

/**
 * Human mediators: the queue of active cases routed to mediation, and taking one. Before a mediator takes a case
 * the queue shows only what is needed to choose (amount, dispute, age, where the negotiation stands) — not the
 * debtor's name; after taking it the mediator is party to the case and reads it in full.
 */
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import type { CaseDeps } from '../cases/cases.deps.js';
import { findCase, findDebt } from '../cases/cases.repository.js';
import { appendTimelineEvent, inCaseTransaction } from '../cases/timeline.js';
import { currentRoute } from './mediation.service.js';

const QUEUE_LIMIT = 200;

/** Active cases routed to mediation that nobody took yet, and the caller's own. */
export async function mediationQueue(ctx: ServiceContext) {
  const me = requireMediator(ctx);
  const rows = await ctx.db
    .selectFrom('cases')
    .innerJoin('debts', 'debts.id', 'cases.debt_id')
    .leftJoin('case_mediators', 'case_mediators.case_id', 'cases.id')
    .leftJoin('law_firm_assignments', 'law_firm_assignments.case_id', 'cases.id')
    .select(['cases.id', 'cases.reference', 'cases.activated_at', 'debts.debtor_name', 'debts.debtor_kind', 'debts.principal_fen', 'debts.interest_fen', 'debts.description', 'case_mediators.mediator_user_id'])
    .where('cases.status', '=', 'active')
    .where('law_firm_assignments.case_id', 'is', null)
    .where((eb) => eb.or([eb('case_mediators.mediator_user_id', 'is', null), eb('case_mediators.mediator_user_id', '=', me)]))
    .orderBy('cases.id')
    .limit(QUEUE_LIMIT)
    .execute();
  const items = [];
  for (const r of rows) {
    const owedFen = r.principal_fen + r.interest_fen;
    const route = await currentRoute(ctx, r.id, owedFen);
    const mine = r.mediator_user_id === me;
    if (route.to !== 'mediation' && !mine) continue;
    const latest = await ctx.db.selectFrom('mediation_offers').select(['status', 'by_party', 'deadline']).where('case_id', '=', r.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
    // A case whose agreement is being performed or was fulfilled needs no mediator any more.
    if (!mine && latest && ['accepted', 'completed'].includes(latest.status)) continue;
    items.push({
      caseId: r.id, reference: r.reference, owedFen, debtorKind: r.debtor_kind, description: r.description, activatedAt: r.activated_at,
      mine, debtorName: mine ? r.debtor_name : null, route,
      negotiation: latest ? { status: latest.status, byParty: latest.by_party, deadline: latest.deadline } : null,
    });
  }
  return { items, limit: QUEUE_LIMIT };
}

/** The mediator takes a case from the queue; the parties see it on the timeline. */
export async function takeCase(ctx: ServiceContext, deps: CaseDeps, caseId: number) {
  const me = requireMediator(ctx);
  const kase = await findCase(ctx.db, caseId);
  const debt = kase ? await findDebt(ctx.db, kase.debt_id) : undefined;
  if (!kase || !debt) throw new AppError('not_found', `No case ${caseId}.`);
  if (kase.status !== 'active') throw new AppError('conflict', `Only an active case is mediated; this one is ${kase.status}.`);
  const route = await currentRoute(ctx, kase.id, debt.principal_fen + debt.interest_fen);
  if (route.to !== 'mediation') throw new AppError('conflict', `Case ${kase.reference} is routed to law-firm matching: ${route.reason['zh-CN']}`);
  const now = ctx.clock().toISOString();
  const user = await ctx.db.selectFrom('users').select('display_name').where('id', '=', me).executeTakeFirstOrThrow();
  await inCaseTransaction(ctx, deps, async (trx, after) => {
    const taken = await trx.selectFrom('case_mediators').select('mediator_user_id').where('case_id', '=', kase.id).executeTakeFirst();
    if (taken) throw new AppError('conflict', taken.mediator_user_id === me ? 'You took this case already.' : 'Another mediator took this case.');
    // Two mediators taking the same case at once: the primary key lets one through, the other hears "taken".
    const inserted = await trx.insertInto('case_mediators').values({ case_id: kase.id, mediator_user_id: me, assigned_at: now }).onConflict((oc) => oc.column('case_id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('conflict', 'Another mediator took this case.');
    await appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'mediator_assigned', occurredAt: now, notes: `调解员 ${user.display_name} 受理本案调解。`, evidence: [], details: { mediator: me } }, after);
  });
  return { caseId: kase.id, reference: kase.reference, mediatorUserId: me, assignedAt: now };
}

function requireMediator(ctx: ServiceContext): number {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'mediator') throw new AppError('forbidden', 'Only mediators work the mediation queue.');
  return ctx.actor.userId;
}

/**
 * Mediation on a case: routing (small debts to mediation first), repayment offers computed from the debtor's stated
 * monthly capacity, answered by the other side before a deadline (3 working days), and — on acceptance — a
 * settlement agreement and an application for judicial confirmation whose hashes go on the timeline and into the
 * evidence log.
 */
import { instalmentPlan, lumpSumOffer, type InstalmentPlan, type LumpSum } from '../../domain/mediation/repayment-plan.js';
import { routeDebt } from '../../domain/mediation/routing.js';
import { checkMediationTransition, type MediationStatus } from '../../domain/mediation/mediation-status.js';
import { script, type DisputeType } from '../../domain/mediation/scripts.js';
import { activeLibrary } from './script-library.service.js';
import { addWorkingDaysLenient, endOfDayShanghai, shanghaiDate } from '../../domain/working-days.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { agreementDocx, agreementPdf } from '../cases/agreement-documents.js';
import { loadCase, type CaseParty } from '../cases/case-access.js';
import type { CaseDeps } from '../cases/cases.deps.js';
import { statement } from '../cases/record-payment.service.js';
import { appendTimelineEvent, inCaseTransaction } from '../cases/timeline.js';
import { judicialConfirmationApplication, settlementAgreement, type SettlementFacts } from './settlement-documents.js';

const LABELS: Record<DisputeType, string> = { goods_payment: '货款', services: '服务费', subcontract_wages: '分包工程款及劳务费', private_loan: '民间借款', rent: '租金' };
const side = (p: CaseParty) => (p === 'debtor' ? 'debtor' : 'creditor');

/** Every status change of an offer goes through the state machine; a refused one is a 409 naming what is allowed. */
export function assertOfferTransition(offerId: number, from: MediationStatus, to: MediationStatus): void {
  const check = checkMediationTransition(from, to);
  if (!check.ok) throw new AppError('conflict', `Offer ${offerId}: ${check.reason}`);
}

/** Where this case should go, and why: the latest decision on its timeline, else by amount. */
export async function routeCase(ctx: ServiceContext, caseId: number) {
  const { kase, debt } = await loadCase(ctx, caseId);
  const owedFen = debt.principal_fen + debt.interest_fen;
  return { owedFen, ...(await currentRoute(ctx, kase.id, owedFen)) };
}

/** The route in force: a creditor's choice or a failed mediation overrides the amount rule. */
export async function currentRoute(ctx: ServiceContext, caseId: number, owedFen: number) {
  const last = await ctx.db.selectFrom('case_events').select(['kind', 'details']).where('case_id', '=', caseId).where('kind', 'in', ['route_decided', 'mediation_failed', 'mediation_defaulted']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!last) return { ...routeDebt(owedFen), decidedBy: 'amount' as const };
  if (last.kind !== 'route_decided') return { ...routeDebt(owedFen, { mediationFailed: true }), decidedBy: 'mediation_outcome' as const };
  const to = (JSON.parse(last.details) as { to: 'mediation' | 'law_firm' }).to;
  return { ...routeDebt(owedFen, { creditorChoice: to }), decidedBy: 'creditor' as const };
}

/** The creditor chooses the route directly; recorded on the timeline. */
export async function chooseRoute(ctx: ServiceContext, deps: CaseDeps, caseId: number, to: 'mediation' | 'law_firm') {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor') throw new AppError('forbidden', 'The creditor chooses the route of its case.');
  if (kase.status !== 'active') throw new AppError('conflict', `A route is chosen for an active case; this one is ${kase.status}.`);
  const route = routeDebt(debt.principal_fen + debt.interest_fen, { creditorChoice: to });
  await inCaseTransaction(ctx, deps, (trx, after) => appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'route_decided', occurredAt: ctx.clock().toISOString(), notes: `${to === 'mediation' ? '先行调解' : '律师事务所匹配'}：${route.reason['zh-CN']}`, evidence: [], details: { to, by: 'creditor' } }, after));
  return { owedFen: debt.principal_fen + debt.interest_fen, ...route, decidedBy: 'creditor' as const };
}

/**
 * Ends a mediation without agreement (the mediator, the creditor or its agency): open offers are withdrawn and the
 * case is routed to law-firm matching.
 */
export async function endMediation(ctx: ServiceContext, deps: CaseDeps, caseId: number, reason: string) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party === 'debtor' || party === 'regulator') throw new AppError('forbidden', 'The mediator or the creditor’s side ends a mediation; the debtor rejects an offer instead.');
  const offers = await ctx.db.selectFrom('mediation_offers').select(['id', 'status']).where('case_id', '=', kase.id).execute();
  if (offers.length === 0) throw new AppError('conflict', 'No mediation has started on this case.');
  if (offers.some((o) => o.status === 'accepted')) throw new AppError('conflict', 'An agreement is being performed; a missed instalment reopens the case by itself.');
  const now = ctx.clock().toISOString();
  const route = routeDebt(debt.principal_fen + debt.interest_fen, { mediationFailed: true });
  await inCaseTransaction(ctx, deps, async (trx, after) => {
    await trx.updateTable('mediation_offers').set({ status: 'withdrawn', answered_at: now }).where('case_id', '=', kase.id).where('status', '=', 'proposed').execute();
    await appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'mediation_failed', occurredAt: now, notes: `${reason}。${route.reason['zh-CN']}`, evidence: [], details: { route: route.to, by: party } }, after);
  });
  return { owedFen: debt.principal_fen + debt.interest_fen, ...route, decidedBy: 'mediation_outcome' as const };
}

/** A new offer (or a counter-offer to the other side's open one). */
export async function proposePlan(ctx: ServiceContext, deps: CaseDeps, caseId: number, input: { disputeType: string; situation: string; kind: 'instalments' | 'lump_sum'; monthlyCapacityFen?: number | undefined; discountBps?: number | undefined }) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party === 'regulator') throw new AppError('forbidden', 'Offers are made by the parties or the case’s mediator.');
  const by = party === 'mediator' ? 'mediator' : side(party);
  if (kase.status !== 'active') throw new AppError('conflict', `Mediation happens on an active case; this one is ${kase.status}.`);
  const lib = await activeLibrary(ctx);
  if (!lib.base[input.disputeType]) throw new AppError('invalid_input', `disputeType must be one of ${Object.keys(lib.base).join(', ')}.`, [{ field: 'body.disputeType', detail: 'unknown dispute type' }]);
  if (!lib.situations[input.situation]) throw new AppError('invalid_input', `situation must be one of ${Object.keys(lib.situations).join(', ')}.`, [{ field: 'body.situation', detail: 'unknown situation' }]);
  const st = await statement(ctx, caseId);
  const remaining = st.owedFen - st.totals.recoveredFen;
  const today = shanghaiDate(ctx.clock());
  let plan: LumpSum | InstalmentPlan;
  try {
    if (input.kind === 'lump_sum') plan = lumpSumOffer(deps.calendar, remaining, input.discountBps ?? 0, today);
    else {
      if (!input.monthlyCapacityFen) throw new AppError('invalid_input', 'An instalment plan needs the debtor’s monthly capacity.', [{ field: 'body.monthlyCapacityFen', detail: 'required for instalments' }]);
      plan = instalmentPlan(deps.calendar, remaining, input.monthlyCapacityFen, addWorkingDaysLenient(deps.calendar, today, 10).date);
    }
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('invalid_input', err.message);
    throw err;
  }
  const open = await ctx.db.selectFrom('mediation_offers').selectAll().where('case_id', '=', kase.id).where('status', '=', 'proposed').orderBy('id', 'desc').executeTakeFirst();
  if (open && open.by_party === by) throw new AppError('conflict', by === 'mediator' ? 'Your proposal is waiting for the parties’ answers.' : 'Your offer is waiting for the other side’s answer.');
  const deadline = endOfDayShanghai(addWorkingDaysLenient(deps.calendar, today, 3).date);
  const now = ctx.clock().toISOString();
  const route = await currentRoute(ctx, kase.id, remaining);
  const text = script(input.disputeType, open ? 'counter' : 'proposal', input.situation, { debtorName: debt.debtor_name, creditorName: '委托人', amountFen: remaining, dueOn: debt.due_on, plan: planSummary(plan), deadline: deadline.slice(0, 10) }, await activeLibrary(ctx));
  return inCaseTransaction(ctx, deps, async (trx, after) => {
    if (open) assertOfferTransition(open.id, open.status, 'countered');
    if (open) await trx.updateTable('mediation_offers').set({ status: 'countered', answered_at: now }).where('id', '=', open.id).execute();
    const id = (await trx.insertInto('mediation_offers').values({ case_id: kase.id, by_party: by, creditor_accepted_at: null, debtor_accepted_at: null, dispute_type: input.disputeType, situation: input.situation, plan: JSON.stringify(plan), status: 'proposed', deadline, agreement_sha256: null, created_at: now, answered_at: null }).returning('id').executeTakeFirstOrThrow()).id;
    await appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'mediation_opened', occurredAt: now, notes: text, evidence: [], details: { offer: id, counterTo: open?.id ?? null, route: route.to, routeReason: route.reason['zh-CN'], deadline, remainingFen: remaining } }, after);
    return { id, caseId: kase.id, status: 'proposed' as const, byParty: by, plan, deadline, script: text, route };
  });
}

function planSummary(plan: LumpSum | InstalmentPlan): string {
  return plan.kind === 'lump_sum' ? `${plan.dueOn} 前一次性支付 ${(plan.payFen / 100).toFixed(2)} 元` : `分 ${plan.instalments.length} 期，首期 ${plan.instalments[0]!.dueOn} 前 ${(plan.instalments[0]!.amountFen / 100).toFixed(2)} 元`;
}

/**
 * The other side accepts or rejects the open offer before its deadline. A mediator's proposal binds once both sides
 * accepted it; either side's rejection ends it.
 */
export async function answerOffer(ctx: ServiceContext, deps: CaseDeps, caseId: number, offerId: number, action: 'accept' | 'reject') {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  const offer = await ctx.db.selectFrom('mediation_offers').selectAll().where('id', '=', offerId).where('case_id', '=', kase.id).executeTakeFirst();
  if (!offer) throw new AppError('not_found', `No offer ${offerId} on case ${kase.reference}.`);
  if (party === 'regulator' || party === 'mediator' || side(party) === offer.by_party) throw new AppError('forbidden', 'Only the other side answers an offer.');
  assertOfferTransition(offerId, offer.status, action === 'accept' ? 'accepted' : 'rejected');
  const mine = side(party) === 'debtor' ? 'debtor_accepted_at' : 'creditor_accepted_at';
  const theirs = mine === 'debtor_accepted_at' ? 'creditor_accepted_at' : 'debtor_accepted_at';
  if (offer[mine]) throw new AppError('conflict', `Your side accepted offer ${offerId} already; it waits for the other side.`);
  const now = ctx.clock().toISOString();
  if (Date.parse(offer.deadline) < ctx.clock().getTime()) {
    assertOfferTransition(offerId, offer.status, 'expired');
    await ctx.db.updateTable('mediation_offers').set({ status: 'expired' }).where('id', '=', offerId).execute();
    throw new AppError('conflict', `Offer ${offerId} expired at ${offer.deadline}; make a new one.`);
  }
  // A mediator's proposal needs both sides; the first acceptance is recorded and the offer stays open.
  if (action === 'accept' && offer.by_party === 'mediator' && !offer[theirs]) {
    const r = await ctx.db.updateTable('mediation_offers').set({ [mine]: now }).where('id', '=', offerId).where('status', '=', 'proposed').where(mine, 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', `Offer ${offerId} changed meanwhile; reload it.`);
    return { id: offerId, status: 'proposed' as const, awaiting: theirs === 'debtor_accepted_at' ? 'debtor' : 'creditor', agreementSha256: null };
  }
  const plan = JSON.parse(offer.plan) as LumpSum | InstalmentPlan;
  const agreement = action === 'accept' ? settlementAgreement(await factsOf(ctx, kase.reference, debt, offer.dispute_type, plan, now)) : null;
  return inCaseTransaction(ctx, deps, async (trx, after) => {
    const r = await trx.updateTable('mediation_offers').set({ status: action === 'accept' ? 'accepted' : 'rejected', answered_at: now, agreement_sha256: agreement?.sha256 ?? null, ...(action === 'accept' ? { [mine]: now } : {}) }).where('id', '=', offerId).where('status', '=', 'proposed').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', `Offer ${offerId} changed meanwhile; reload it.`);
    if (agreement) await appendTimelineEvent(ctx, deps, trx, kase, debt, { kind: 'mediation_settled', occurredAt: now, notes: `调解协议已达成（SHA-256 ${agreement.sha256}）。`, evidence: [], details: { offer: offerId, agreementSha256: agreement.sha256, plan } }, after);
    return { id: offerId, status: action === 'accept' ? 'accepted' : 'rejected', agreementSha256: agreement?.sha256 ?? null };
  });
}

async function factsOf(ctx: ServiceContext, reference: string, debt: { creditor_user_id: number; debtor_name: string; debtor_credit_code: string | null; debtor_kind: string; principal_fen: number; interest_fen: number }, disputeType: string, plan: LumpSum | InstalmentPlan, agreedAt: string): Promise<SettlementFacts> {
  const creditor = await ctx.db.selectFrom('users').select('display_name').where('id', '=', debt.creditor_user_id).executeTakeFirstOrThrow();
  return { reference, creditor: creditor.display_name, debtor: debt.debtor_name, debtorId: debt.debtor_kind === 'enterprise' ? `统一社会信用代码 ${debt.debtor_credit_code}` : '身份信息已在平台核验', disputeType: LABELS[disputeType as DisputeType] ?? disputeType, owedFen: plan.totalFen, plan, agreedAt };
}

/** Offers on a case, newest first. */
export async function offersOf(ctx: ServiceContext, caseId: number) {
  const { kase } = await loadCase(ctx, caseId);
  const rows = await ctx.db.selectFrom('mediation_offers').selectAll().where('case_id', '=', kase.id).orderBy('id', 'desc').execute();
  return { items: rows.map((o) => ({ id: o.id, byParty: o.by_party, disputeType: o.dispute_type, situation: o.situation, plan: JSON.parse(o.plan) as unknown, status: o.status, deadline: o.deadline, agreementSha256: o.agreement_sha256, createdAt: o.created_at, acceptedBy: { creditor: o.creditor_accepted_at, debtor: o.debtor_accepted_at } })) };
}

/** The accepted offer's settlement agreement or judicial-confirmation application, as JSON, PDF or DOCX. */
export async function settlementDocument(ctx: ServiceContext, caseId: number, which: 'agreement' | 'judicial_confirmation', format: 'json' | 'pdf' | 'docx') {
  const { kase, debt } = await loadCase(ctx, caseId);
  const offer = await ctx.db.selectFrom('mediation_offers').selectAll().where('case_id', '=', kase.id).where('status', '=', 'accepted').orderBy('id', 'desc').executeTakeFirst();
  if (!offer) throw new AppError('not_found', 'No mediation agreement on this case yet.');
  const facts = await factsOf(ctx, kase.reference, debt, offer.dispute_type, JSON.parse(offer.plan) as LumpSum | InstalmentPlan, offer.answered_at!);
  const agreement = settlementAgreement(facts);
  const doc = which === 'agreement' ? agreement : judicialConfirmationApplication(facts, agreement.sha256);
  if (format === 'pdf') return { doc, body: Buffer.from(await agreementPdf(doc)), type: 'application/pdf' };
  if (format === 'docx') return { doc, body: await agreementDocx(doc), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  return { doc, body: null, type: 'application/json' };
}

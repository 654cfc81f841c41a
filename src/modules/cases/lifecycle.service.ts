/**
 * Case lifecycle: sign (→ cooling-off, 24 h), revoke within cooling-off (final), activation when the
 * period ends (scheduler, and lazily on access), close, and transfer to a law firm. Each step checks
 * the transition table, changes the status guarded by its previous value (so two racing requests
 * cannot both win) and appends its timeline event in the same transaction.
 */
import { checkTransition, type CaseStatus } from '../../domain/case-status.js';
import type { EventKind } from '../../domain/case-events.js';
import type { Executor } from '../../db/database.js';
import type { CaseRow, DebtRow } from '../../db/schema.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { renderCaseAgreement } from './agreement.service.js';
import { loadCase } from './case-access.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';
import { appendTimelineEvent, inCaseTransaction, type AfterCommit } from './timeline.js';

const COOLING_OFF_MS = 24 * 3_600_000;
const FIRST_REPORT_MS = 3 * 24 * 3_600_000;

/** Moves a case from its status to `to` inside `trx`, with the event that records it. */
async function transition(ctx: ServiceContext, deps: CaseDeps, trx: Executor, after: AfterCommit, kase: CaseRow, debt: DebtRow, to: CaseStatus, kind: EventKind, notes: string, extra: Partial<CaseRow> = {}) {
  const check = checkTransition(kase.status as CaseStatus, to);
  if (!check.ok) throw new AppError('conflict', check.reason);
  const now = ctx.clock().toISOString();
  if (!(await repo.updateCaseFrom(trx, kase.id, kase.status, { ...extra, status: to, updated_at: now }))) throw new AppError('conflict', `Case ${kase.reference} changed meanwhile; reload and try again.`);
  const updated = { ...kase, ...extra, status: to, updated_at: now } as CaseRow;
  await appendTimelineEvent(ctx, deps, trx, updated, debt, { kind, occurredAt: now, notes: notes || check.because, evidence: [], details: { from: kase.status, to } }, after);
  return updated;
}

/** The creditor signs the agreement (and the personal-information authorisation): cooling-off starts. */
export async function signCommission(ctx: ServiceContext, deps: CaseDeps, caseId: number, input: { acceptAgreement: boolean; authorisePersonalInformation: boolean }) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor') throw new AppError('forbidden', 'Only the creditor signs the commission agreement.');
  if (!input.acceptAgreement || !input.authorisePersonalInformation) throw new AppError('invalid_input', 'Signing needs both the agreement and the personal-information processing authorisation accepted.', [{ field: input.acceptAgreement ? 'body.authorisePersonalInformation' : 'body.acceptAgreement', detail: 'must be true' }]);
  const signedAt = ctx.clock().toISOString();
  const endsAt = new Date(Date.parse(signedAt) + COOLING_OFF_MS).toISOString();
  const agreement = await renderCaseAgreement(ctx, deps.pii, kase, debt, signedAt, endsAt);
  const updated = await inCaseTransaction(ctx, deps, (trx, after) =>
    transition(ctx, deps, trx, after, kase, debt, 'cooling_off', 'agreement_signed', `协议已签署（模板 ${agreement.templateVersion}，SHA-256 ${agreement.sha256}）；冷静期至 ${new Date(endsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）。`, { signed_at: signedAt, cooling_off_ends_at: endsAt, agreement_sha256: agreement.sha256 }),
  );
  return { id: updated.id, reference: updated.reference, status: updated.status, signedAt, coolingOffEndsAt: endsAt, agreementSha256: agreement.sha256 };
}

/** The creditor revokes within cooling-off, without giving a reason. Final. */
export async function revokeCommission(ctx: ServiceContext, deps: CaseDeps, caseId: number, reason: string | undefined) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor') throw new AppError('forbidden', 'Only the creditor may revoke the commission.');
  if (kase.status === 'cooling_off' && kase.cooling_off_ends_at && Date.parse(kase.cooling_off_ends_at) <= ctx.clock().getTime()) {
    throw new AppError('conflict', `The cooling-off period ended at ${kase.cooling_off_ends_at}; the commission can no longer be revoked without reason.`);
  }
  const now = ctx.clock().toISOString();
  const updated = await inCaseTransaction(ctx, deps, (trx, after) => transition(ctx, deps, trx, after, kase, debt, 'revoked', 'commission_revoked', reason?.trim() || '委托人在冷静期内无理由撤销委托。', { ended_at: now, end_reason: 'revoked in cooling-off' }));
  return { id: updated.id, reference: updated.reference, status: updated.status, revokedAt: now };
}

/** Activates one case whose cooling-off has ended (idempotent: a case already moved is left alone). */
async function activate(ctx: ServiceContext, deps: CaseDeps, caseId: number): Promise<boolean> {
  const kase = await repo.findCase(ctx.db, caseId);
  if (!kase || kase.status !== 'cooling_off' || !kase.cooling_off_ends_at || Date.parse(kase.cooling_off_ends_at) > ctx.clock().getTime()) return false;
  const debt = (await repo.findDebt(ctx.db, kase.debt_id))!;
  const now = ctx.clock().toISOString();
  const system: ServiceContext = { ...ctx, actor: { kind: 'system', name: 'cooling-off' } };
  try {
    await inCaseTransaction(system, deps, (trx, after) => transition(system, deps, trx, after, kase, debt, 'active', 'case_activated', '', { activated_at: now, first_report_due_at: new Date(Date.parse(now) + FIRST_REPORT_MS).toISOString() }));
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') return false; // another process won the race
    throw err;
  }
}

/** Activates every case whose cooling-off has ended; run by the scheduler each minute. */
export async function activateDueCases(ctx: ServiceContext, deps: CaseDeps): Promise<number> {
  let n = 0;
  for (const { id } of await repo.coolingOffEnded(ctx.db, ctx.clock().toISOString())) if (await activate(ctx, deps, id)) n++;
  return n;
}

/** Brings one case's status up to the clock before it is read or acted on. */
export async function refreshCase(ctx: ServiceContext, deps: CaseDeps, caseId: number): Promise<void> {
  await activate(ctx, deps, caseId);
}

/** Closes a case (creditor or agency), or the creditor withdraws an unsigned one. */
export async function closeCase(ctx: ServiceContext, deps: CaseDeps, caseId: number, reason: string) {
  await refreshCase(ctx, deps, caseId);
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party === 'debtor') throw new AppError('forbidden', 'The debtor cannot close a case; file an objection or a complaint instead.');
  if (party === 'mediator') throw new AppError('forbidden', 'A mediator ends the mediation, not the case.');
  const now = ctx.clock().toISOString();
  const updated = await inCaseTransaction(ctx, deps, (trx, after) => transition(ctx, deps, trx, after, kase, debt, 'closed', 'case_closed', reason, { ended_at: now, end_reason: reason }));
  return { id: updated.id, reference: updated.reference, status: updated.status };
}

/** The creditor hands an active case to a law firm for litigation. */
export async function transferToLawFirm(ctx: ServiceContext, deps: CaseDeps, caseId: number, notes: string) {
  await refreshCase(ctx, deps, caseId);
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor' && party !== 'regulator') throw new AppError('forbidden', 'Only the creditor transfers a case to a law firm.');
  const updated = await inCaseTransaction(ctx, deps, (trx, after) => transition(ctx, deps, trx, after, kase, debt, 'transferred_to_law_firm', 'transferred_to_law_firm', notes));
  return { id: updated.id, reference: updated.reference, status: updated.status };
}

/** Used by payments: settle inside an existing transaction. */
export { transition as transitionInTransaction };

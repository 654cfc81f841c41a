/**
 * Recording a recovered payment. The payment is split per the signed agreement's schedule into the
 * agency's fee and the creditor's net (domain/settlement.ts), posted double-entry, and put on the
 * timeline — all in one transaction. The Idempotency-Key makes a retried request a no-op that returns
 * the first result; the same key with a different body is refused.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.js';
import { balanced, postingsFor, splitPayment } from '../../domain/settlement.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { missingBlobs } from '../evidence/evidence.service.js';
import { loadCase } from './case-access.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';
import type { PublishedSchedule } from './fee-schedules.service.js';
import { refreshCase, transitionInTransaction } from './lifecycle.service.js';
import { appendTimelineEvent, inCaseTransaction } from './timeline.js';

/** A payment as submitted. */
export interface PaymentInput {
  amountFen: number;
  receivedAt: string;
  method: string;
  notes: string;
  evidence: string[];
}

type Txn = { id: number; case_id: number; amount_fen: number; fee_fen: number; net_fen: number; received_at: string; event_id: number | null; request_sha256: string };
const view = (t: Txn, replayed: boolean) => ({ id: t.id, caseId: t.case_id, amountFen: t.amount_fen, feeFen: t.fee_fen, netFen: t.net_fen, receivedAt: t.received_at, eventId: t.event_id, replayed });

/** Records a payment on an active case (creditor or agency). */
export async function recordPayment(ctx: ServiceContext, deps: CaseDeps, caseId: number, idempotencyKey: string, input: PaymentInput) {
  await refreshCase(ctx, deps, caseId);
  const { kase, debt, party } = await loadCase(ctx, caseId);
  if (party !== 'creditor' && party !== 'agency') throw new AppError('forbidden', 'Payments are recorded by the creditor or the agency of the case.');
  const requestSha256 = createHash('sha256').update(canonicalJson(input)).digest('hex');
  const prior = await ctx.db.selectFrom('ledger_transactions').selectAll().where('case_id', '=', kase.id).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  if (prior) return replay(prior, requestSha256);
  if (kase.status !== 'active') throw new AppError('conflict', `Payments are recorded on active cases; this case is ${kase.status}.`);
  const missing = await missingBlobs(ctx, input.evidence);
  if (missing.length) throw new AppError('invalid_input', `Evidence not stored: ${missing.join(', ')}.`, [{ field: 'body.evidence', detail: 'unknown SHA-256' }]);
  const schedule = JSON.parse(kase.fee_schedule) as PublishedSchedule;
  const owedFen = debt.principal_fen + debt.interest_fen;
  try {
    return await inCaseTransaction(ctx, deps, async (trx, after) => {
      // Lock the case row (PostgreSQL) so concurrent payments split against the right running totals.
      const fresh = (await repo.findCase(trx, kase.id, ctx.dialect === 'postgres'))!;
      if (fresh.status !== 'active') throw new AppError('conflict', `The case is now ${fresh.status}; the payment was not recorded.`);
      const totals = await trx.selectFrom('ledger_transactions').select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('recovered'), eb.fn.coalesce(eb.fn.sum<number>('fee_fen'), eb.lit(0)).as('fees')]).where('case_id', '=', kase.id).executeTakeFirstOrThrow();
      const split = splitPayment(schedule, input.amountFen, { recoveredFen: Number(totals.recovered), feesFen: Number(totals.fees) });
      const postings = postingsFor(kase.id, split);
      if (!balanced(postings)) throw new Error('unbalanced postings'); // cannot happen: the split sums exactly
      const full = split.recoveredAfterFen >= owedFen;
      const now = ctx.clock().toISOString();
      const txId = (await trx.insertInto('ledger_transactions').values({ case_id: kase.id, idempotency_key: idempotencyKey, request_sha256: requestSha256, amount_fen: split.amountFen, fee_fen: split.feeFen, net_fen: split.netFen, received_at: input.receivedAt, recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, event_id: null, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      await trx.insertInto('ledger_postings').values(postings.map((p) => ({ transaction_id: txId, account: p.account, debit_fen: p.debitFen, credit_fen: p.creditFen }))).execute();
      const e = await appendTimelineEvent(ctx, deps, trx, fresh, debt, { kind: full ? 'full_payment' : 'partial_payment', occurredAt: input.receivedAt, notes: input.notes, evidence: input.evidence, details: { transaction: txId, amountFen: split.amountFen, feeFen: split.feeFen, netFen: split.netFen, method: input.method, recoveredFen: split.recoveredAfterFen, owedFen } }, after);
      await trx.updateTable('ledger_transactions').set({ event_id: e.eventId }).where('id', '=', txId).execute();
      if (full) await transitionInTransaction(ctx, deps, trx, after, fresh, debt, 'settled', 'case_closed', '债务已全部清偿，案件结清。', { ended_at: now, end_reason: 'settled' });
      return { ...view({ id: txId, case_id: kase.id, amount_fen: split.amountFen, fee_fen: split.feeFen, net_fen: split.netFen, received_at: input.receivedAt, event_id: e.eventId, request_sha256: requestSha256 }, false), caseStatus: full ? 'settled' : 'active' };
    });
  } catch (err) {
    // Two identical retries racing: the unique key lets one in; the other returns its result.
    const again = await ctx.db.selectFrom('ledger_transactions').selectAll().where('case_id', '=', kase.id).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    if (again) return replay(again, requestSha256);
    throw err;
  }
}

function replay(prior: Txn, requestSha256: string) {
  if (prior.request_sha256 !== requestSha256) throw new AppError('conflict', 'This Idempotency-Key was already used for a different payment; use a new key for a new payment.', [{ field: 'header.idempotency-key', detail: 'reused with a different body' }]);
  return { ...view(prior, true), caseStatus: null };
}

/** The settlement statement of a case: every payment's split and the ledger balances. */
export async function statement(ctx: ServiceContext, caseId: number) {
  const { kase, debt, party } = await loadCase(ctx, caseId);
  const txns = await ctx.db.selectFrom('ledger_transactions').selectAll().where('case_id', '=', kase.id).orderBy('id').execute();
  const balances = await ctx.db.selectFrom('ledger_postings').innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_postings.transaction_id')
    .select((eb) => ['ledger_postings.account', eb.fn.sum<number>('ledger_postings.debit_fen').as('debit'), eb.fn.sum<number>('ledger_postings.credit_fen').as('credit')])
    .where('ledger_transactions.case_id', '=', kase.id).groupBy('ledger_postings.account').orderBy('ledger_postings.account').execute();
  const sum = (k: 'amount_fen' | 'fee_fen' | 'net_fen') => txns.reduce((s, t) => s + t[k], 0);
  return {
    caseId: kase.id, reference: kase.reference, viewer: party, owedFen: debt.principal_fen + debt.interest_fen, feeScheduleVersion: kase.fee_schedule_version,
    payments: txns.map((t) => view(t, false)),
    totals: { recoveredFen: sum('amount_fen'), agencyFeeFen: sum('fee_fen'), creditorNetFen: sum('net_fen') },
    ledger: balances.map((b) => ({ account: b.account, debitFen: Number(b.debit), creditFen: Number(b.credit) })),
  };
}

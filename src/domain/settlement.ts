/**
 * Settlement split of a recovered payment into the agency's fee and the creditor's net, and the
 * double-entry postings that record it. The fee on a payment is what the signed schedule charges on
 * the recoveries so far, minus the fees already charged — never below zero and never above the
 * payment — so under a progressive schedule the fees of all payments add up exactly to the fee on
 * the total. Integer fen throughout: fee + net = payment, always.
 */
import { quoteFee, type FeeSchedule } from './fees.js';

/** The split of one payment. */
export interface PaymentSplit {
  amountFen: number;
  feeFen: number;
  netFen: number;
  /** Recoveries and fees on the case after this payment. */
  recoveredAfterFen: number;
  feesAfterFen: number;
}

/** Splits a payment given the case's recoveries and fees before it. */
export function splitPayment(schedule: FeeSchedule, amountFen: number, before: { recoveredFen: number; feesFen: number }): PaymentSplit {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new RangeError('A payment must be a positive whole number of fen.');
  const recoveredAfterFen = before.recoveredFen + amountFen;
  if (!Number.isSafeInteger(recoveredAfterFen)) throw new RangeError('Recoveries exceed the largest exact amount.');
  const owed = quoteFee(recoveredAfterFen, schedule).feeFen - before.feesFen;
  const feeFen = Math.min(amountFen, Math.max(0, owed));
  return { amountFen, feeFen, netFen: amountFen - feeFen, recoveredAfterFen, feesAfterFen: before.feesFen + feeFen };
}

/** One posting line. */
export interface Posting {
  account: string;
  debitFen: number;
  creditFen: number;
}

/** Ledger accounts of a case. */
export const ledgerAccounts = (caseId: number) => ({
  collections: `case:${caseId}:collections`,
  creditor: `case:${caseId}:creditor-payable`,
  agencyFee: `case:${caseId}:agency-fee`,
});

/** Postings for a split: money received (debit) equals what is owed to creditor and agency (credits). */
export function postingsFor(caseId: number, split: PaymentSplit): Posting[] {
  const a = ledgerAccounts(caseId);
  const lines: Posting[] = [{ account: a.collections, debitFen: split.amountFen, creditFen: 0 }, { account: a.creditor, debitFen: 0, creditFen: split.netFen }];
  if (split.feeFen > 0) lines.push({ account: a.agencyFee, debitFen: 0, creditFen: split.feeFen });
  return lines;
}

/** True when postings balance (sum of debits equals sum of credits). */
export function balanced(postings: readonly Posting[]): boolean {
  return postings.reduce((s, p) => s + p.debitFen - p.creditFen, 0) === 0;
}

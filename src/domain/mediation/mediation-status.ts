/**
 * The mediation state machine, as a typed transition table: a proposal is accepted, rejected or countered before
 * its deadline (or expires); an accepted plan becomes a signed settlement; instalments complete it, and a missed
 * instalment reopens the case (back to the creditor's routing: a law firm).
 */

/** Every mediation status. */
export const MEDIATION_STATUSES = ['proposed', 'countered', 'accepted', 'rejected', 'expired', 'settled', 'completed', 'defaulted'] as const;
/** A mediation status. */
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

/** Allowed transitions with the event causing each. */
export const MEDIATION_TRANSITIONS: { readonly [S in MediationStatus]: Readonly<Partial<Record<MediationStatus, string>>> } = {
  proposed: { accepted: 'the other party accepted', rejected: 'the other party rejected', countered: 'the other party proposed another plan', expired: 'no answer before the deadline' },
  countered: { accepted: 'the counter-offer was accepted', rejected: 'the counter-offer was rejected', countered: 'a further counter-offer', expired: 'no answer before the deadline' },
  accepted: { settled: 'both parties signed the settlement agreement' },
  rejected: {},
  expired: {},
  settled: { completed: 'every instalment was paid', defaulted: 'an instalment was missed' },
  completed: {},
  defaulted: {},
};

/** Checks a transition; the reason names what is allowed instead. */
export function checkMediationTransition(from: MediationStatus, to: MediationStatus): { ok: true; because: string } | { ok: false; reason: string } {
  const because = MEDIATION_TRANSITIONS[from][to];
  if (because) return { ok: true, because };
  const allowed = Object.keys(MEDIATION_TRANSITIONS[from]);
  return { ok: false, reason: allowed.length ? `A mediation that is ${from} can only become ${allowed.join(' or ')}, not ${to}.` : `A mediation that is ${from} is final.` };
}

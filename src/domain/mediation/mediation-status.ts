/**
 * The state machine of a mediation offer, as a typed transition table. A proposed offer is accepted, rejected,
 * countered (superseded by the other side's offer or the mediator's), expires at its deadline, or is withdrawn when
 * the mediation ends without agreement. An accepted offer is the settlement being performed: every instalment paid
 * completes it, a missed one defaults it and reopens the case. The mediation service checks every status change here.
 */

/** Every offer status (the values stored in mediation_offers.status). */
export const MEDIATION_STATUSES = ['proposed', 'accepted', 'rejected', 'countered', 'expired', 'withdrawn', 'completed', 'defaulted'] as const;
/** An offer status. */
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

/** Allowed transitions with the event causing each. */
export const MEDIATION_TRANSITIONS: { readonly [S in MediationStatus]: Readonly<Partial<Record<MediationStatus, string>>> } = {
  proposed: {
    accepted: 'the other side accepted (both sides, for a mediator’s proposal)', rejected: 'the other side rejected',
    countered: 'another plan was proposed in its place', expired: 'no answer before the deadline', withdrawn: 'the mediation ended without agreement',
  },
  accepted: { completed: 'every instalment was paid', defaulted: 'an instalment was missed' },
  rejected: {},
  countered: {},
  expired: {},
  withdrawn: {},
  completed: {},
  defaulted: {},
};

/** Checks a transition; the reason names what is allowed instead. */
export function checkMediationTransition(from: MediationStatus, to: MediationStatus): { ok: true; because: string } | { ok: false; reason: string } {
  const because = MEDIATION_TRANSITIONS[from][to];
  if (because) return { ok: true, because };
  const allowed = Object.keys(MEDIATION_TRANSITIONS[from]);
  return { ok: false, reason: allowed.length ? `An offer that is ${from} can only become ${allowed.join(' or ')}, not ${to}.` : `An offer that is ${from} is final.` };
}

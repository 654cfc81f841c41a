/**
 * The case status state machine (issue: collection cases). A typed transition table, checked
 * exhaustively: every status lists where it may go and why; anything else is refused with a reason.
 *   open → cooling_off → active → settled | closed | transferred_to_law_firm
 *   cooling_off → revoked (the creditor's right within 24 hours, final)
 */

/** Every case status. */
export const CASE_STATUSES = ['open', 'cooling_off', 'active', 'settled', 'closed', 'revoked', 'transferred_to_law_firm'] as const;
/** A case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Allowed transitions, each with the event that causes it. */
export const TRANSITIONS: { readonly [S in CaseStatus]: Readonly<Partial<Record<CaseStatus, string>>> } = {
  open: { cooling_off: 'commission agreement signed', closed: 'creditor withdrew before signing' },
  cooling_off: { active: 'cooling-off period (24 h) ended', revoked: 'creditor revoked within the cooling-off period' },
  active: { settled: 'debt fully paid', closed: 'case closed without full recovery', transferred_to_law_firm: 'handed to a law firm for litigation' },
  settled: {},
  closed: {},
  revoked: {},
  transferred_to_law_firm: { closed: 'law firm closed the case' },
};

/** Statuses in which no collection action may be recorded. */
export const NO_COLLECTION_STATUSES: readonly CaseStatus[] = ['open', 'cooling_off', 'settled', 'closed', 'revoked', 'transferred_to_law_firm'];

/** The result of asking for a transition. */
export type TransitionCheck = { ok: true; because: string } | { ok: false; reason: string };

/** Checks a transition against the table. */
export function checkTransition(from: CaseStatus, to: CaseStatus): TransitionCheck {
  const because = TRANSITIONS[from][to];
  if (because) return { ok: true, because };
  const allowed = Object.keys(TRANSITIONS[from]);
  return {
    ok: false,
    reason: allowed.length
      ? `A case that is ${from} can only become ${allowed.join(' or ')}, not ${to}.`
      : `A case that is ${from} is final; it cannot become ${to}.`,
  };
}

import { describe, expect, it } from 'vitest';
import { checkMediationTransition, MEDIATION_STATUSES, MEDIATION_TRANSITIONS } from './mediation-status.js';

describe('mediation state machine', () => {
  it('allows exactly the table and refuses the rest with a reason', () => {
    for (const from of MEDIATION_STATUSES) {
      for (const to of MEDIATION_STATUSES) {
        const r = checkMediationTransition(from, to);
        expect(r.ok, `${from} → ${to}`).toBe(Boolean(MEDIATION_TRANSITIONS[from][to]));
        if (!r.ok) expect(r.reason).toMatch(from === 'rejected' || from === 'expired' || from === 'completed' || from === 'defaulted' ? /final/ : /can only become/);
      }
    }
    expect(checkMediationTransition('settled', 'defaulted')).toEqual({ ok: true, because: 'an instalment was missed' });
  });
});

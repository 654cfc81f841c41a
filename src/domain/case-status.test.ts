import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, checkTransition, NO_COLLECTION_STATUSES, TRANSITIONS } from './case-status.js';

describe('case status state machine', () => {
  it('walks the normal path and the revocation path', () => {
    expect(checkTransition('open', 'cooling_off')).toEqual({ ok: true, because: 'commission agreement signed' });
    expect(checkTransition('cooling_off', 'active').ok).toBe(true);
    expect(checkTransition('cooling_off', 'revoked').ok).toBe(true);
    expect(checkTransition('active', 'settled').ok).toBe(true);
    expect(checkTransition('active', 'transferred_to_law_firm').ok).toBe(true);
  });

  it('refuses every transition not in the table, with a reason', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const r = checkTransition(from, to);
        expect(r.ok, `${from} → ${to}`).toBe(Boolean(TRANSITIONS[from][to]));
        if (!r.ok) expect(r.reason).toContain(to);
      }
    }
    expect(checkTransition('active', 'revoked')).toEqual({ ok: false, reason: 'A case that is active can only become settled or closed or transferred_to_law_firm, not revoked.' });
    expect(checkTransition('revoked', 'active')).toEqual({ ok: false, reason: 'A case that is revoked is final; it cannot become active.' });
  });

  it('allows collection actions only on active cases', () => {
    expect(CASE_STATUSES.filter((s) => !NO_COLLECTION_STATUSES.includes(s))).toEqual(['active']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkMediationTransition, MEDIATION_STATUSES, MEDIATION_TRANSITIONS } from './mediation-status.js';

describe('mediation offer state machine', () => {
  it('allows exactly the table and refuses the rest with a reason', () => {
    for (const from of MEDIATION_STATUSES) {
      for (const to of MEDIATION_STATUSES) {
        const r = checkMediationTransition(from, to);
        expect(r.ok, `${from} → ${to}`).toBe(Boolean(MEDIATION_TRANSITIONS[from][to]));
        if (!r.ok) expect(r.reason).toMatch(from === 'proposed' || from === 'accepted' ? /can only become/ : /final/);
      }
    }
  });
  it('lets only an open offer be answered and only a settlement be completed or defaulted', () => {
    expect(checkMediationTransition('accepted', 'defaulted')).toEqual({ ok: true, because: 'an instalment was missed' });
    expect(checkMediationTransition('countered', 'accepted')).toEqual({ ok: false, reason: 'An offer that is countered is final.' });
    expect(checkMediationTransition('proposed', 'completed')).toMatchObject({ ok: false, reason: expect.stringContaining('can only become accepted or rejected') });
  });
  it('matches the statuses the database stores', async () => {
    const schema = await import('node:fs').then((fs) => fs.readFileSync(new URL('../../db/schema.ts', import.meta.url), 'utf8'));
    const stored = /status: ('proposed'[^;]+);/.exec(schema)![1]!.split('|').map((s) => s.trim().replaceAll("'", ''));
    expect([...stored].sort()).toEqual([...MEDIATION_STATUSES].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { checkResidentId, computeResidentIdCheck } from './resident-id.js';

describe('GB 11643 resident ID numbers', () => {
  const today = new Date('2026-11-23T00:00:00Z');

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    // The example from GB 11643-1999 Annex: 11010519491231002 → X.
    expect(computeResidentIdCheck('11010519491231002')).toBe('X');
  });

  it('accepts a valid number with X (upper or lower case) and decodes it', () => {
    const r = checkResidentId('11010519491231002x', today);
    expect(r.valid).toBe(true);
    expect(r).toMatchObject({ birthDate: '1949-12-31', sex: 'female', normalised: '11010519491231002X' });
    expect(r.division?.province).toBe('北京市');
  });

  it('rejects wrong check characters, impossible dates, future births and unknown divisions', () => {
    expect(checkResidentId('110105194912310021', today).reason).toBe('check_character_mismatch');
    expect(checkResidentId('110105194902300021', today).reason).toBe('invalid_birth_date');
    expect(checkResidentId('110105203001010021', today).reason).toBe('invalid_birth_date');
    expect(checkResidentId('990105194912310021', today).reason).toBe('unknown_division');
    expect(checkResidentId('1101051949123100', today).reason).toBe('wrong_format');
  });
});

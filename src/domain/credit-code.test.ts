import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCreditCode, checkCreditCode, computeCheckCharacter, computeOrganisationCheck, CREDIT_CODE_CHARSET } from './credit-code.js';

// Codes published on business licences (public information); their check characters are known answers.
const REAL_CODES = ['914403001922038216', '9144030071526726XG', '91330100799655058B', '91350100M000100Y43', '91110000802100433B'];

describe('GB 32100 credit codes', () => {
  it.each(REAL_CODES)('accepts the published code %s', (code) => {
    const r = checkCreditCode(code);
    expect(r.valid).toBe(true);
    expect(r.reason).toBeNull();
    expect(r.expectedCheckCharacter).toBe(code[17]);
  });

  it('computes the check character of the standard example by hand: 91350100M000100Y4 → 3', () => {
    // Σ value×weight = 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17+21·20+0·29+0·25+0·13+1·8+0·24+0·10+30·30+4·28 = 1640; 1640 mod 31 = 28; 31−28 = 3.
    expect(computeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('decodes department, organisation type and division', () => {
    const r = checkCreditCode('914403001922038216');
    expect(r.department?.zh).toContain('市场监督管理');
    expect(r.organisationType?.zh).toBe('企业');
    expect(r.division).toMatchObject({ province: '广东省', city: '深圳市', cityCode: '440300' });
  });

  it('normalises lower case with a note', () => {
    const r = checkCreditCode('9144030071526726xg');
    expect(r.valid).toBe(true);
    expect(r.normalised).toBe('9144030071526726XG');
    expect(r.notes[0]!.en).toMatch(/Lower-case/);
    expect(r.notes[0]!['zh-CN']).toContain('小写');
  });

  it('gives a specific reason for each kind of mistake', () => {
    expect(checkCreditCode('').reason).toBe('empty');
    expect(checkCreditCode('91440300192203821').reason).toBe('wrong_length');
    expect(checkCreditCode('9144030019220382166').reason).toBe('wrong_length');
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const r = checkCreditCode(`9144030019220382${letter}6`);
      expect(r.reason).toBe('forbidden_letter');
      expect(r.message!.en).toContain(`letter ${letter} at position 17`);
      expect(r.message!['zh-CN']).toContain(`第 17 位的字母 ${letter}`);
    }
    expect(checkCreditCode('91440300192203821*').reason).toBe('invalid_character');
    expect(checkCreditCode('X14403001922038216').reason).toBe('unknown_department');
    expect(checkCreditCode('9A4403001922038216').reason).toBe('unknown_organisation_type');
    expect(checkCreditCode('919903001922038216').reason).toBe('unknown_division');
    const wrong = checkCreditCode('914403001922038217');
    expect(wrong.reason).toBe('check_character_mismatch');
    expect(wrong.expectedCheckCharacter).toBe('6');
    expect(wrong.message!.en).toContain('require "6"');
    expect(wrong.message!['zh-CN']).toContain('应为“6”');
  });

  it('computes GB 11714 organisation-code checks (X for 10)', () => {
    expect(computeOrganisationCheck('19220382')).toBe('1');
    // A body whose weighted sum leaves remainder 1 → 11 − 1 = 10 → "X".
    expect(computeOrganisationCheck('71526726')).toBe('X');
  });

  const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
  const validCode = fc
    .tuple(fc.constantFrom('320505', '320706', '110101', '440300'), fc.array(charsetChar, { minLength: 8, maxLength: 8 }))
    .map(([division, body]) => buildCreditCode('9', '1', division, body.join('')));

  it('property: built codes are valid; any single-character change is caught', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), charsetChar, (code, pos, replacement) => {
        expect(checkCreditCode(code).valid).toBe(true);
        fc.pre(code[pos] !== replacement);
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(checkCreditCode(changed).valid).toBe(false);
      }),
    );
  });

  it('property: any string gets an answer, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = checkCreditCode(s);
        expect(typeof r.valid).toBe('boolean');
        if (!r.valid) expect(r.message?.en).toBeTruthy();
      }),
      { numRuns: 2000 },
    );
  });
});

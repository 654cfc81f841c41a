import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidCreditCode } from './credit-code.js';
import { bigrams, foldText, parseSearchQuery, pinyinTokens, searchFieldsFor, syllables } from './search-text.js';

describe('search text folding', () => {
  it('folds traditional to simplified, full-width to half-width, case and punctuation', () => {
    expect(foldText('蘇州金鼎盛（國際）')).toBe('苏州金鼎盛国际');
    expect(foldText('ＡＢＣ Trade, Ltd.')).toBe('abctradeltd');
  });

  it('makes overlapping bigrams', () => {
    expect(bigrams('金鼎盛')).toEqual(['金鼎', '鼎盛']);
    expect(bigrams('金')).toEqual(['金']);
    expect(bigrams('')).toEqual([]);
  });

  it('makes, for every syllable, the pinyin and initials of the rest of the name, capped at 32 letters', () => {
    // The definition, written the slow and obvious way; pinyinTokens builds the same tokens in one backward pass.
    const reference = (folded: string) => {
      const sy = syllables(folded);
      const all = new Set<string>();
      sy.forEach((_s, i) => {
        all.add(sy.slice(i).join('').slice(0, 32));
        all.add(sy.slice(i).map((s) => s[0]).join('').slice(0, 32));
      });
      return { head: sy.length ? [sy.join('').slice(0, 32), sy.map((s) => s[0]).join('').slice(0, 32)] : [], all: [...all] };
    };
    const part = fc.constantFrom('金', '鼎', '盛', '长', '银行', '重庆', '乐', '苏州', 'abc', '42', '有限公司', '商贸', '科技发展');
    fc.assert(fc.property(fc.array(part, { maxLength: 20 }), (parts) => {
      const folded = foldText(parts.join(''));
      expect(pinyinTokens(folded)).toEqual(reference(folded));
    }));
  });

  it('produces pinyin and initials from every syllable, so jds and dingsheng match mid-name', () => {
    const { head, all } = pinyinTokens(foldText('连云港金鼎盛'));
    expect(head).toEqual(['lianyungangjindingsheng', 'lygjds']);
    expect(all).toContain('jds');
    expect(all).toContain('dingsheng');
  });

  it('search fields include former names', () => {
    const f = searchFieldsFor('苏州新名有限公司', ['苏州旧名有限公司']);
    expect(f.searchAlias).toBe('苏州旧名有限公司');
    expect(f.searchBigrams).toContain('旧名');
    expect(f.searchPinyin).toContain(' jiuming');
  });

  it('classifies queries', () => {
    expect(parseSearchQuery('914403001922038216', isValidCreditCode)).toEqual({ kind: 'credit_code', code: '914403001922038216' });
    expect(parseSearchQuery('  ', isValidCreditCode).kind).toBe('empty');
    expect(parseSearchQuery('913205', isValidCreditCode)).toEqual({ kind: 'code_prefix', prefix: '913205' });
    expect(parseSearchQuery('JDS', isValidCreditCode)).toMatchObject({ kind: 'text', folded: 'jds', pinyin: true });
    expect(parseSearchQuery('蘇州', isValidCreditCode)).toMatchObject({ kind: 'text', folded: '苏州', grams: ['苏州'], pinyin: false });
  });

  it('property: any string parses to a query without throwing, and tokens stay FTS-safe', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const q = parseSearchQuery(s, isValidCreditCode);
        if (q.kind === 'text') for (const g of q.grams) expect(g).not.toMatch(/["*:()\s]/);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuanString, yuanToFen } from './money.js';

describe('money in fen', () => {
  it('parses yuan strings exactly', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('1,000.01')).toBe(100001);
    expect(yuanToFen(0.1)).toBe(10);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });

  it('round-trips any fen amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
      expect(yuanToFen(fenToYuanString(fen))).toBe(fen);
    }));
  });
});

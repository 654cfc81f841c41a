/**
 * Text folding and search tokens for enterprise names, shared by every database dialect so
 * that "蘇州", "苏州", "suzhou" and "sz" reach the same records.
 */
import { Converter } from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

const toSimplified = Converter({ from: 't', to: 'cn' });
/** Longest pinyin token kept; enough for any realistic prefix a user types. */
const MAX_TOKEN_LENGTH = 32;

/** Folds text for matching: NFKC (full-width → half-width), traditional → simplified, lower case, no spaces or punctuation. */
export function foldText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Marks the end of a name in the index, so a one-character query can find a name's last character too. */
export const END_MARK = '〇';

/** Overlapping 2-character grams of folded text; a substring query of length ≥ 2 is a phrase of these. */
export function bigrams(folded: string): string[] {
  const chars = Array.from(folded);
  if (chars.length < 2) return chars.length ? [chars[0]!] : [];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Pinyin syllables of folded text; non-Chinese runs (latin letters, digits) stay as they are. */
export function syllables(folded: string): string[] {
  if (!folded) return [];
  return pinyin(folded, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((s) => s.length > 0);
}

/** Search tokens for one name: full pinyin and initials starting at every syllable, so "jds" and "dingsheng" match mid-name. */
export function pinyinTokens(folded: string): { head: string[]; all: string[] } {
  const sy = syllables(folded);
  const all = new Set<string>();
  // Built from the last syllable backwards, each suffix extends the previous one: linear, not quadratic (imports
  // compute this for every enterprise).
  let full = '';
  let initials = '';
  const fulls: string[] = [];
  const heads: string[] = [];
  for (let i = sy.length - 1; i >= 0; i--) {
    full = (sy[i]! + full).slice(0, MAX_TOKEN_LENGTH);
    initials = (sy[i]![0]! + initials).slice(0, MAX_TOKEN_LENGTH);
    fulls.push(full);
    heads.push(initials);
  }
  for (let i = fulls.length - 1; i >= 0; i--) {
    all.add(fulls[i]!);
    all.add(heads[i]!);
  }
  return { head: sy.length ? [full, initials] : [], all: [...all] };
}

/** The columns every dialect stores for searching an enterprise. */
export interface SearchFields {
  /** Folded current name. */
  searchName: string;
  /** Folded former names, '|'-separated. */
  searchAlias: string;
  /** ' '-wrapped pinyin tokens of the current name starting at its first syllable. */
  searchPinyinHead: string;
  /** ' '-wrapped pinyin tokens of current and former names from every syllable. */
  searchPinyin: string;
  /** Space-separated bigrams of current and former names (the SQLite FTS5 document). */
  searchBigrams: string;
}

/** Computes the search columns for a name and its former names. */
export function searchFieldsFor(name: string, formerNames: readonly string[] = []): SearchFields {
  const folded = foldText(name);
  const formers = formerNames.map(foldText).filter((f) => f.length > 0);
  const tokens = pinyinTokens(folded);
  const allTokens = new Set(tokens.all);
  for (const f of formers) for (const t of pinyinTokens(f).all) allTokens.add(t);
  return {
    searchName: folded,
    searchAlias: formers.join('|'),
    searchPinyinHead: ` ${tokens.head.join(' ')} `,
    searchPinyin: ` ${[...allTokens].join(' ')} `,
    // Each name's grams end with "<last char>〇" so that a one-character query (a prefix query on grams) sees every character.
    searchBigrams: [folded, ...formers].map((f) => [...bigrams(f), `${Array.from(f).pop() ?? ''}${END_MARK}`].join(' ')).join(' '),
  };
}

/** How a query string is to be run. */
export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'credit_code'; code: string }
  | { kind: 'code_prefix'; prefix: string }
  | { kind: 'text'; folded: string; grams: string[]; pinyin: boolean };

/** Classifies a raw query: exact credit code, credit-code prefix, or text (with pinyin when it is latin letters only). */
export function parseSearchQuery(raw: string, isCreditCode: (s: string) => boolean): SearchQuery {
  const trimmed = raw.trim();
  const upper = trimmed.toUpperCase();
  if (upper.length === 18 && isCreditCode(upper)) return { kind: 'credit_code', code: upper };
  const folded = foldText(trimmed);
  if (!folded) return { kind: 'empty' };
  if (/^[0-9][0-9a-z]{5,16}$/.test(folded) && /^\d{2}/.test(folded)) return { kind: 'code_prefix', prefix: folded.toUpperCase() };
  return { kind: 'text', folded, grams: bigrams(folded), pinyin: /^[a-z]+$/.test(folded) };
}

/**
 * Commission fee schedules and quotes. All arithmetic is exact (bigint fen × basis points); the fee is
 * rounded half-up to the fen once, on the total — never per bracket — so a quote is reproducible
 * by hand. A bracket covers amounts up to and including `upToFen`; the last bracket is open-ended.
 */

/** One bracket of a schedule. */
export interface FeeBracket {
  /** Inclusive upper bound in fen; null for the open-ended last bracket. */
  upToFen: number | null;
  /** Rate in basis points (1 bp = 0.01 %), 0–10000. */
  rateBps: number;
}

/** A published schedule. */
export interface FeeSchedule {
  /** progressive: each part at its bracket's rate (like tax brackets); flat: the whole amount at the rate of its bracket. */
  mode: 'progressive' | 'flat';
  brackets: FeeBracket[];
  /** Optional floor and cap on the fee, in fen. */
  minFeeFen?: number | undefined;
  capFen?: number | undefined;
}

/** What is wrong with a schedule, named so the caller can fix it. */
export type ScheduleFault = 'no_brackets' | 'rate_out_of_range' | 'bound_not_whole_fen' | 'unsorted_brackets' | 'overlapping_brackets' | 'open_bracket_not_last' | 'no_open_ended_last_bracket' | 'min_above_cap';

/** A schedule problem with the bracket it concerns. */
export interface ScheduleProblem {
  fault: ScheduleFault;
  bracket: number | null;
  detail: string;
}

/** Checks a schedule; an empty list means it is usable. */
export function validateSchedule(s: FeeSchedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (s.brackets.length === 0) return [{ fault: 'no_brackets', bracket: null, detail: 'A schedule needs at least one bracket.' }];
  s.brackets.forEach((b, i) => {
    if (!Number.isInteger(b.rateBps) || b.rateBps < 0 || b.rateBps > 10_000) problems.push({ fault: 'rate_out_of_range', bracket: i, detail: `Bracket ${i + 1}: rateBps ${b.rateBps} is outside 0–10000.` });
    if (b.upToFen !== null && (!Number.isSafeInteger(b.upToFen) || b.upToFen < 0)) problems.push({ fault: 'bound_not_whole_fen', bracket: i, detail: `Bracket ${i + 1}: upToFen must be a whole, non-negative number of fen.` });
    if (b.upToFen === null && i < s.brackets.length - 1) problems.push({ fault: 'open_bracket_not_last', bracket: i, detail: `Bracket ${i + 1} is open-ended but is not the last one.` });
    const prev = s.brackets[i - 1];
    if (i > 0 && prev && prev.upToFen !== null && b.upToFen !== null) {
      if (b.upToFen === prev.upToFen) problems.push({ fault: 'overlapping_brackets', bracket: i, detail: `Brackets ${i} and ${i + 1} both end at ${b.upToFen} fen.` });
      else if (b.upToFen < prev.upToFen) problems.push({ fault: 'unsorted_brackets', bracket: i, detail: `Bracket ${i + 1} ends below bracket ${i}; list brackets in increasing order.` });
    }
  });
  if (s.brackets[s.brackets.length - 1]!.upToFen !== null) problems.push({ fault: 'no_open_ended_last_bracket', bracket: s.brackets.length - 1, detail: 'The last bracket must be open-ended (upToFen: null) so every amount has a rate.' });
  if (s.minFeeFen !== undefined && s.capFen !== undefined && s.minFeeFen > s.capFen) problems.push({ fault: 'min_above_cap', bracket: null, detail: 'minFeeFen is above capFen.' });
  return problems;
}

/** One line of a quote, in plain language. */
export interface QuoteLine {
  bracket: number;
  fromFen: number;
  toFen: number;
  portionFen: number;
  rateBps: number;
  /** The unrounded contribution, exact, as a decimal string in fen (e.g. "149999.97"). */
  exactFeeFen: string;
  text: { 'zh-CN': string; en: string };
}

/** A fee quote. */
export interface FeeQuote {
  amountFen: number;
  feeFen: number;
  netFen: number;
  mode: FeeSchedule['mode'];
  lines: QuoteLine[];
  adjustments: Array<{ kind: 'minimum' | 'cap'; text: { 'zh-CN': string; en: string } }>;
}

const yuan = (fen: number | bigint) => {
  const f = BigInt(fen);
  return `¥${(f / 100n).toLocaleString('en')}.${String(f % 100n).padStart(2, '0')}`;
};
const percent = (bps: number) => `${(bps / 100).toString()}%`;
/** Exact fen × bps / 10000 as a decimal string with up to 4 decimals. */
const exactFen = (fenTimesBps: bigint) => {
  const whole = fenTimesBps / 10_000n;
  const frac = (fenTimesBps % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
};

/** Half-up rounding of fen × bps / 10000 to whole fen. */
function roundHalfUp(fenTimesBps: bigint): bigint {
  return (fenTimesBps + 5_000n) / 10_000n;
}

/** Quotes the fee on an amount; the schedule must be valid (see validateSchedule). */
export function quoteFee(amountFen: number, s: FeeSchedule): FeeQuote {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError('amountFen must be a whole, non-negative number of fen');
  const problems = validateSchedule(s);
  if (problems.length) throw new RangeError(problems[0]!.detail);
  const lines: QuoteLine[] = [];
  let total = 0n;
  if (s.mode === 'flat') {
    const i = s.brackets.findIndex((b) => b.upToFen === null || amountFen <= b.upToFen);
    const b = s.brackets[i]!;
    const product = BigInt(amountFen) * BigInt(b.rateBps);
    total = product;
    lines.push({
      bracket: i, fromFen: 0, toFen: amountFen, portionFen: amountFen, rateBps: b.rateBps, exactFeeFen: exactFen(product),
      text: { 'zh-CN': `全部金额 ${yuan(amountFen)} 落在第 ${i + 1} 档，按 ${percent(b.rateBps)} 计收`, en: `The whole ${yuan(amountFen)} falls in bracket ${i + 1} and is charged at ${percent(b.rateBps)}` },
    });
  } else {
    let lower = 0; // amounts already charged (fen)
    s.brackets.forEach((b, i) => {
      const upper = b.upToFen === null ? amountFen : Math.min(amountFen, b.upToFen);
      const portion = upper - lower;
      if (portion <= 0) return;
      const product = BigInt(portion) * BigInt(b.rateBps);
      total += product;
      lines.push({
        bracket: i, fromFen: lower, toFen: upper, portionFen: portion, rateBps: b.rateBps, exactFeeFen: exactFen(product),
        text: { 'zh-CN': `${yuan(lower)} 以上至 ${yuan(upper)} 的部分 ${yuan(portion)} × ${percent(b.rateBps)}`, en: `The part above ${yuan(lower)} up to ${yuan(upper)}, ${yuan(portion)}, at ${percent(b.rateBps)}` },
      });
      lower = upper;
    });
  }
  let fee = Number(roundHalfUp(total));
  const adjustments: FeeQuote['adjustments'] = [];
  if (s.minFeeFen !== undefined && fee < s.minFeeFen && amountFen > 0) {
    fee = Math.min(s.minFeeFen, amountFen);
    adjustments.push({ kind: 'minimum', text: { 'zh-CN': `不足最低收费，按 ${yuan(fee)} 计（不超过回收金额）`, en: `Raised to the minimum fee of ${yuan(fee)} (never more than the amount)` } });
  }
  if (s.capFen !== undefined && fee > s.capFen) {
    fee = s.capFen;
    adjustments.push({ kind: 'cap', text: { 'zh-CN': `超过收费上限，按 ${yuan(fee)} 计`, en: `Capped at ${yuan(fee)}` } });
  }
  return { amountFen, feeFen: fee, netFen: amountFen - fee, mode: s.mode, lines, adjustments };
}

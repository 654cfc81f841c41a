/** Money is integer fen everywhere; these helpers convert at the edges only. */

/** Parses a yuan amount ("1234.5", 1234.5) to integer fen without floating-point drift; null if not a valid amount. */
export function yuanToFen(value: string | number): number | null {
  const text = typeof value === 'number' ? value.toString() : value.trim().replace(/,/g, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? (m[1] ? -fen : fen) : null;
}

/** Formats fen as a yuan string with two decimals ("1234.50"). */
export function fenToYuanString(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

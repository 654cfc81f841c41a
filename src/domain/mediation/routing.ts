/** Where a debt goes first: small debts to mediation, large ones (and failed mediations) to law-firm matching. */

/** The default threshold: 50,000 yuan. */
export const DEFAULT_MEDIATION_THRESHOLD_FEN = 5_000_000;

/** A routing decision with its reason, for the case timeline. */
export interface Route {
  to: 'mediation' | 'law_firm';
  reason: { 'zh-CN': string; en: string };
}

/** Routes a debt; the creditor's own choice wins, a failed mediation goes to a law firm. */
export function routeDebt(owedFen: number, options: { thresholdFen?: number; creditorChoice?: 'mediation' | 'law_firm' | undefined; mediationFailed?: boolean } = {}): Route {
  const threshold = options.thresholdFen ?? DEFAULT_MEDIATION_THRESHOLD_FEN;
  const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN');
  if (options.mediationFailed) return { to: 'law_firm', reason: { 'zh-CN': '调解未成功，转律师事务所匹配。', en: 'Mediation failed; matched to a law firm.' } };
  if (options.creditorChoice) return { to: options.creditorChoice, reason: { 'zh-CN': '委托人自行选择。', en: 'Chosen by the creditor.' } };
  return owedFen < threshold
    ? { to: 'mediation', reason: { 'zh-CN': `债权 ${yuan(owedFen)} 元低于 ${yuan(threshold)} 元，先行调解。`, en: `The debt of ${yuan(owedFen)} yuan is below ${yuan(threshold)} yuan: mediation first.` } }
    : { to: 'law_firm', reason: { 'zh-CN': `债权 ${yuan(owedFen)} 元不低于 ${yuan(threshold)} 元，匹配律师事务所。`, en: `The debt of ${yuan(owedFen)} yuan is at least ${yuan(threshold)} yuan: law-firm matching.` } };
}

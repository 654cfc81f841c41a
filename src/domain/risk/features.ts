/**
 * The features of the default-risk model, and how an enterprise's public records and a debt become them.
 * Kept in one place so training (closed cases) and prediction (a live lookup) can never disagree.
 */

/** Numeric features. */
export const NUMERIC_FEATURES = ['amountLog10', 'debtAgeDays', 'openLawsuits', 'enforcementOpen', 'dishonestCurrent', 'penalties3y', 'abnormalCurrent', 'priorSettled'] as const;
/** Categorical features. */
export const CATEGORY_FEATURES = ['industry', 'region'] as const;
/** Every feature, in model order. */
export const FEATURES = [...NUMERIC_FEATURES, ...CATEGORY_FEATURES] as const;
/** A feature name. */
export type FeatureName = (typeof FEATURES)[number];

/** Industry from the business scope (the registry has no reliable industry code in every feed). */
export function industryOf(businessScope: string): string {
  if (/建筑|工程|装修|装饰/.test(businessScope)) return 'construction';
  if (/制造|生产|加工/.test(businessScope)) return 'manufacturing';
  if (/销售|贸易|批发|零售|进出口/.test(businessScope)) return 'trade';
  return 'services';
}

/** What the registry knows about a debtor, counted as the model needs it. */
export interface DebtorFacts {
  openLawsuits: number;
  enforcementOpen: number;
  dishonestCurrent: boolean;
  penalties3y: number;
  abnormalCurrent: boolean;
  priorSettled: number;
  businessScope: string;
  cityCode: string;
}

/** The feature vector of a debt against a debtor. */
export function featuresOf(debt: { amountFen: number; ageDays: number }, d: DebtorFacts): Record<FeatureName, number | string> {
  return {
    amountLog10: Math.log10(Math.max(1, debt.amountFen / 100)),
    debtAgeDays: Math.max(0, Math.round(debt.ageDays)),
    openLawsuits: d.openLawsuits,
    enforcementOpen: d.enforcementOpen,
    dishonestCurrent: d.dishonestCurrent ? 1 : 0,
    penalties3y: d.penalties3y,
    abnormalCurrent: d.abnormalCurrent ? 1 : 0,
    priorSettled: d.priorSettled,
    industry: industryOf(d.businessScope),
    region: d.cityCode,
  };
}

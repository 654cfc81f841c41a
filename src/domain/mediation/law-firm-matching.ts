/**
 * Scoring law firms for a case: specialty fit, region, current load, rating and fee fit, each weighted and shown,
 * so the creditor sees why a firm ranks where it does. A firm acting for the debtor or one of its related parties
 * is excluded outright (conflict of interest). Deterministic: equal scores rank by firm id.
 */

/** A firm as matching sees it. */
export interface FirmProfile {
  id: number;
  name: string;
  specialties: string[];
  cityCodes: string[];
  capacity: number;
  activeCases: number;
  adjustedRating: number;
  feeBps: number;
  /** Credit codes of clients the firm acts for (conflict check). */
  clientCodes: string[];
}

/** The case to match. */
export interface CaseProfile {
  disputeType: string;
  cityCode: string;
  debtorCode: string;
  relatedCodes: string[];
  maxFeeBps: number;
}

/** Weights of the components (sum 1). */
export const WEIGHTS = { specialty: 0.35, region: 0.2, load: 0.15, rating: 0.2, fee: 0.1 } as const;

/** A scored firm, or an excluded one with the reason. */
export type FirmMatch =
  | { firmId: number; name: string; excluded: false; score: number; components: Record<keyof typeof WEIGHTS, number> }
  | { firmId: number; name: string; excluded: true; reason: string };

/** Scores every firm for a case, best first; excluded firms last. */
export function matchFirms(c: CaseProfile, firms: readonly FirmProfile[]): FirmMatch[] {
  const conflicts = new Set([c.debtorCode, ...c.relatedCodes]);
  const out: FirmMatch[] = firms.map((f) => {
    const conflict = f.clientCodes.find((code) => conflicts.has(code));
    if (conflict) return { firmId: f.id, name: f.name, excluded: true, reason: conflict === c.debtorCode ? 'acts for the debtor' : `acts for a related party of the debtor (${conflict})` };
    if (f.activeCases >= f.capacity) return { firmId: f.id, name: f.name, excluded: true, reason: 'at capacity' };
    const components = {
      specialty: f.specialties.includes(c.disputeType) ? 1 : f.specialties.includes('general') ? 0.4 : 0,
      region: f.cityCodes.includes(c.cityCode) ? 1 : f.cityCodes.some((x) => x.slice(0, 2) === c.cityCode.slice(0, 2)) ? 0.6 : 0.2,
      load: 1 - f.activeCases / f.capacity,
      rating: Math.max(0, Math.min(1, (f.adjustedRating - 1) / 4)),
      fee: f.feeBps <= c.maxFeeBps ? 1 : Math.max(0, 1 - (f.feeBps - c.maxFeeBps) / Math.max(1, c.maxFeeBps)),
    };
    const score = (Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).reduce((s, k) => s + WEIGHTS[k] * components[k], 0);
    return { firmId: f.id, name: f.name, excluded: false, score: Math.round(score * 10_000) / 10_000, components };
  });
  return out.sort((a, b) => (a.excluded !== b.excluded ? (a.excluded ? 1 : -1) : a.excluded || b.excluded ? a.firmId - b.firmId : b.score - a.score || a.firmId - b.firmId));
}

/**
 * An agency's risk grade, recomputed from its record on the platform and in the registry: complaints per 100
 * cases, caseload-adjusted rating, penalties and open enforcement against it, refused (unlawful) collection
 * attempts, and certification. Each point lost is a reason shown with the grade, so the grade explains itself.
 */

/** What the grade is computed from. */
export interface AgencyGradeInputs {
  complaintsPer100: number | null;
  adjustedRating: number;
  ratings: number;
  penalties3y: number;
  enforcementOpen: number;
  refusedActionsPer100: number | null;
  certificationLevel: 'A' | 'AA' | 'AAA' | null;
}

/** A grade: A (best) to D. */
export type AgencyGrade = 'A' | 'B' | 'C' | 'D';

/** One reason, with the points it cost (or earned). */
export interface GradeReason {
  code: string;
  points: number;
  text: { 'zh-CN': string; en: string };
}

/** Computes the grade from 100 points: A ≥ 85, B ≥ 70, C ≥ 50, else D. */
export function agencyGrade(x: AgencyGradeInputs): { grade: AgencyGrade; score: number; reasons: GradeReason[] } {
  const reasons: GradeReason[] = [];
  const add = (code: string, points: number, zh: string, en: string) => reasons.push({ code, points, text: { 'zh-CN': zh, en } });
  if (x.complaintsPer100 !== null && x.complaintsPer100 > 2) add('complaints', -Math.min(30, Math.round((x.complaintsPer100 - 2) * 4)), `每百案投诉 ${x.complaintsPer100.toFixed(1)} 件`, `${x.complaintsPer100.toFixed(1)} complaints per 100 cases`);
  if (x.ratings > 0 && x.adjustedRating < 4) add('rating', -Math.min(25, Math.round((4 - x.adjustedRating) * 15)), `调整后评分 ${x.adjustedRating.toFixed(2)}`, `adjusted rating ${x.adjustedRating.toFixed(2)}`);
  if (x.penalties3y > 0) add('penalties', -Math.min(20, x.penalties3y * 7), `近 3 年行政处罚 ${x.penalties3y} 次`, `${x.penalties3y} penalties in 3 years`);
  if (x.enforcementOpen > 0) add('enforcement', -Math.min(25, x.enforcementOpen * 12), `未结被执行案件 ${x.enforcementOpen} 件`, `${x.enforcementOpen} open enforcement case(s)`);
  if (x.refusedActionsPer100 !== null && x.refusedActionsPer100 > 0) add('refused', -Math.min(20, Math.round(x.refusedActionsPer100 * 2)), `每百案被拒违规催收 ${x.refusedActionsPer100.toFixed(1)} 次`, `${x.refusedActionsPer100.toFixed(1)} refused unlawful actions per 100 cases`);
  if (x.certificationLevel) add('certified', { A: 3, AA: 6, AAA: 10 }[x.certificationLevel], `阳光催收认证 ${x.certificationLevel}`, `sunshine certification ${x.certificationLevel}`);
  const score = Math.max(0, Math.min(100, 100 + reasons.reduce((s, r) => s + r.points, 0)));
  const grade: AgencyGrade = score >= 85 ? 'A' : score >= 70 ? 'B' : score >= 50 ? 'C' : 'D';
  return { grade, score, reasons };
}

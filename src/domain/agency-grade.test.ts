import { describe, expect, it } from 'vitest';
import { agencyGrade } from './agency-grade.js';

const clean = { complaintsPer100: 0, adjustedRating: 4.5, ratings: 20, penalties3y: 0, enforcementOpen: 0, refusedActionsPer100: 0, certificationLevel: null } as const;

describe('agency risk grade', () => {
  it('gives a clean agency A with no reasons, and certification only adds', () => {
    expect(agencyGrade(clean)).toEqual({ grade: 'A', score: 100, reasons: [] });
    expect(agencyGrade({ ...clean, certificationLevel: 'AAA' }).reasons[0]).toMatchObject({ code: 'certified', points: 10 });
  });

  it('lowers the grade with each problem and names every one', () => {
    const r = agencyGrade({ ...clean, complaintsPer100: 6, adjustedRating: 3.2, penalties3y: 1, enforcementOpen: 1 });
    expect(r.reasons.map((x) => x.code)).toEqual(['complaints', 'rating', 'penalties', 'enforcement']);
    expect(r.score).toBe(100 - 16 - 12 - 7 - 12);
    expect(r.grade).toBe('C');
    expect(agencyGrade({ ...clean, enforcementOpen: 3, penalties3y: 3, complaintsPer100: 12 }).grade).toBe('D');
    expect(agencyGrade({ ...clean, ratings: 0, adjustedRating: 1 }).grade).toBe('A'); // no ratings: nothing to hold against it
  });
});

/**
 * Citizen identification number, GB 11643-1999: 6-digit division, 8-digit birth date,
 * 3-digit sequence (odd = male), check character over ISO 7064 MOD 11-2 (X stands for 10).
 */
import { decodeDivision, type Division } from './division.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Why an ID number was rejected. */
export type ResidentIdReason = 'wrong_format' | 'unknown_division' | 'invalid_birth_date' | 'check_character_mismatch';

/** The result of checking a resident ID number. */
export interface ResidentIdCheck {
  valid: boolean;
  reason: ResidentIdReason | null;
  normalised: string;
  expectedCheckCharacter: string | null;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  division: Division | null;
}

/** Computes the ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function computeResidentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return y >= 1900 && date.getTime() <= today.getTime();
}

/** Checks an 18-character resident ID number (lower-case x accepted); never throws. */
export function checkResidentId(input: string, today: Date = new Date()): ResidentIdCheck {
  const normalised = input.trim().toUpperCase();
  const base: ResidentIdCheck = { valid: false, reason: null, normalised, expectedCheckCharacter: null, birthDate: null, sex: null, division: null };
  if (!/^\d{17}[\dX]$/.test(normalised)) return { ...base, reason: 'wrong_format' };
  const division = decodeDivision(normalised.slice(0, 6));
  if (!division) return { ...base, reason: 'unknown_division' };
  const birth = normalised.slice(6, 14);
  if (!isRealDate(birth, today)) return { ...base, division, reason: 'invalid_birth_date' };
  const expected = computeResidentIdCheck(normalised.slice(0, 17));
  const result: ResidentIdCheck = {
    ...base,
    division,
    expectedCheckCharacter: expected,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: Number(normalised[16]) % 2 === 1 ? 'male' : 'female',
  };
  if (expected !== normalised[17]) return { ...result, reason: 'check_character_mismatch' };
  return { ...result, valid: true };
}

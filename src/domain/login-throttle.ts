/**
 * Brute-force protection for sign-in: each consecutive failure doubles the delay before the answer,
 * and the fifth locks the account for 15 minutes (OWASP ASVS 2.2.1). A success resets both.
 */

/** Consecutive failures that lock an account. */
export const LOCKOUT_THRESHOLD = 5;
/** How long a lock lasts. */
export const LOCKOUT_MINUTES = 15;
/** Longest delay added to a failed attempt. */
export const MAX_DELAY_MS = 4_000;

/** Delay before answering the n-th consecutive failure (n ≥ 1): base, 2×base, 4×base… capped. */
export function failureDelayMs(failures: number, baseMs: number): number {
  if (failures <= 0 || baseMs <= 0) return 0;
  return Math.min(MAX_DELAY_MS, baseMs * 2 ** (failures - 1));
}

/** The lock expiry after a failure, or null when the account stays open. */
export function lockAfterFailure(failures: number, now: Date): string | null {
  return failures >= LOCKOUT_THRESHOLD ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
}

/** True while a lock is in force. */
export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now.toISOString();
}

import { describe, expect, it } from 'vitest';
import { failureDelayMs, isLocked, lockAfterFailure, LOCKOUT_THRESHOLD, MAX_DELAY_MS } from './login-throttle.js';

describe('login throttling', () => {
  it('doubles the delay with each failure, up to a cap', () => {
    expect([0, 1, 2, 3, 4].map((n) => failureDelayMs(n, 250))).toEqual([0, 250, 500, 1000, 2000]);
    expect(failureDelayMs(20, 250)).toBe(MAX_DELAY_MS);
    expect(failureDelayMs(3, 0)).toBe(0);
  });

  it('locks at the threshold for 15 minutes', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(lockAfterFailure(LOCKOUT_THRESHOLD - 1, now)).toBeNull();
    const until = lockAfterFailure(LOCKOUT_THRESHOLD, now)!;
    expect(until).toBe('2026-11-23T00:15:00.000Z');
    expect(isLocked(until, new Date('2026-11-23T00:14:59Z'))).toBe(true);
    expect(isLocked(until, new Date('2026-11-23T00:15:01Z'))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});

/**
 * Webhook signatures (docs/risk.md): the sender puts `X-Xinqiao-Timestamp: <unix seconds>` and
 * `X-Xinqiao-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` on every delivery. The receiver
 * recomputes it over the raw bytes, compares in constant time, and rejects stale timestamps (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature header value for a body at a time. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks a delivery; returns null when genuine, else the reason. */
export function verifyWebhook(secret: string, headers: { timestamp: string | undefined; signature: string | undefined }, body: string, nowSeconds: number, toleranceSeconds = 300): string | null {
  const ts = Number(headers.timestamp);
  if (!headers.timestamp || !Number.isInteger(ts)) return 'missing or malformed timestamp';
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return 'timestamp outside the tolerance (possible replay)';
  const given = Buffer.from(headers.signature ?? '');
  const expected = Buffer.from(signWebhook(secret, ts, body));
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'signature does not match';
}

import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ event: 'alert.created', alert: { id: 1, creditCode: '91320500MA1XXXXXX0' } });
  const ts = 1_795_000_000;

  it('signs HMAC-SHA256 over "<timestamp>.<body>" (known answer)', () => {
    // openssl: printf '1.x' | openssl dgst -sha256 -hmac key
    expect(signWebhook('key', 1, 'x')).toBe('v1=fc4913c41a7bf793267e2a384f3261c9436ec2cd097bd745e7b0d99113f510ec');
    expect(signWebhook(secret, ts, body)).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signWebhook(secret, ts, body)).not.toBe(signWebhook(secret, ts + 1, body));
  });

  it('accepts a genuine delivery and rejects a tampered body, a wrong secret, and a stale timestamp', () => {
    const signature = signWebhook(secret, ts, body);
    expect(verifyWebhook(secret, { timestamp: String(ts), signature }, body, ts + 10)).toBeNull();
    expect(verifyWebhook(secret, { timestamp: String(ts), signature }, body.replace('alert.created', 'alert.withdrawn'), ts)).toBe('signature does not match');
    expect(verifyWebhook('other', { timestamp: String(ts), signature }, body, ts)).toBe('signature does not match');
    expect(verifyWebhook(secret, { timestamp: String(ts), signature }, body, ts + 3600)).toMatch(/replay/);
    expect(verifyWebhook(secret, { timestamp: undefined, signature }, body, ts)).toMatch(/timestamp/);
  });
});

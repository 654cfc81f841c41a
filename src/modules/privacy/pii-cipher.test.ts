import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPiiCipher, PiiCipher } from './pii-cipher.js';

describe('personal-information encryption', () => {
  const k1 = { id: 'k1', key: randomBytes(32) };
  const k2 = { id: 'k2', key: randomBytes(32) };
  const index = randomBytes(32);

  it('round-trips, never repeats a ciphertext, and detects tampering', () => {
    const c = new PiiCipher([k1], index);
    const a = c.encrypt('32050419800101123X');
    expect(a).not.toContain('32050419800101123X');
    expect(c.encrypt('32050419800101123X')).not.toBe(a);
    expect(c.decrypt(a)).toBe('32050419800101123X');
    const parts = a.split(':');
    const flipped = [...parts.slice(0, 4), Buffer.from(Buffer.from(parts[4]!, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64url')].join(':');
    expect(() => c.decrypt(flipped)).toThrow();
  });

  it('rotates: a new current key encrypts, old values still decrypt and are flagged', () => {
    const old = new PiiCipher([k1], index).encrypt('13812345678');
    const rotated = new PiiCipher([k2, k1], index);
    expect(rotated.decrypt(old)).toBe('13812345678');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('x'))).toBe(false);
    expect(() => new PiiCipher([k2], index).decrypt(old)).toThrow(/not decryptable/);
  });

  it('gives a stable blind index that ignores case and spaces at the ends', () => {
    const c = new PiiCipher([k1], index);
    expect(c.blindIndex(' 32050419800101123x')).toBe(c.blindIndex('32050419800101123X'));
    expect(new PiiCipher([k2, k1], index).blindIndex('32050419800101123X')).toBe(c.blindIndex('32050419800101123X'));
  });

  it('creates a private key file on first start and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-pii-'));
    const a = loadPiiCipher({ keys: null, indexKey: null }, dir);
    const sealed = a.encrypt('secret');
    expect((fs.statSync(path.join(dir, 'pii-keys.json')).mode & 0o777).toString(8)).toBe('600');
    expect(loadPiiCipher({ keys: null, indexKey: null }, dir).decrypt(sealed)).toBe('secret');
    expect(() => loadPiiCipher({ keys: `k9:${randomBytes(32).toString('base64')}`, indexKey: null }, dir)).toThrow(/XINQIAO_PII_INDEX_KEY/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

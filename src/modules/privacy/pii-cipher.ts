/**
 * Field encryption for personal information at rest: AES-256-GCM with a key ring. The first key
 * encrypts; every key decrypts, so rotation is "add a key in front, re-encrypt, retire the old one".
 * A blind index (HMAC-SHA-256 with a separate key) lets us find a person by ID number without
 * storing it in clear. Keys come from XINQIAO_PII_KEYS ("id:base64,id:base64") or a key file
 * created on first start in the data directory (mode 600).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One 256-bit key with its id. */
export interface PiiKey {
  id: string;
  key: Buffer;
}

/** Encrypts, decrypts and indexes personal information. */
export class PiiCipher {
  private readonly byId: Map<string, Buffer>;
  constructor(private readonly keys: PiiKey[], private readonly indexKey: Buffer) {
    if (keys.length === 0) throw new Error('PII key ring is empty');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`PII key ${k.id} is not 256 bits`);
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  /** Encrypts a value: "v1:<key id>:<iv>:<tag>:<ciphertext>" (base64url parts). */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[0]!.key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', this.keys[0]!.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
  }

  /** Decrypts a value; throws when the key is unknown or the value was tampered with. */
  decrypt(sealed: string): string {
    const [version, keyId, iv, tag, ct] = sealed.split(':');
    const key = keyId ? this.byId.get(keyId) : undefined;
    if (version !== 'v1' || !key || !iv || !tag || ct === undefined) throw new Error('PII value is not decryptable with the configured keys');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** True when a value is sealed with an older key (rotation candidates). */
  needsRotation(sealed: string): boolean {
    return sealed.split(':')[1] !== this.currentKeyId;
  }

  /** Deterministic blind index for exact-match lookups. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value.trim().toUpperCase()).digest('hex');
  }
}

/** Parses "id:base64,id:base64" (first = current). */
export function parseKeyList(text: string): PiiKey[] {
  return text.split(',').map((part) => {
    const [id, b64] = part.trim().split(':');
    if (!id || !b64) throw new Error('XINQIAO_PII_KEYS must look like "k2:<base64 32 bytes>,k1:<base64 32 bytes>"');
    return { id, key: Buffer.from(b64, 'base64') };
  });
}

/** Loads the key ring from the environment or the data directory, creating a first key file when neither is set. */
export function loadPiiCipher(env: { keys: string | null; indexKey: string | null }, dataDir: string): PiiCipher {
  const file = path.join(dataDir, 'pii-keys.json');
  if (env.keys) {
    if (!env.indexKey) throw new Error('XINQIAO_PII_KEYS needs XINQIAO_PII_INDEX_KEY (base64, 32 bytes) for the blind index; it must never change.');
    return new PiiCipher(parseKeyList(env.keys), Buffer.from(env.indexKey, 'base64'));
  }
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const first = { keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }], indexKey: randomBytes(32).toString('base64') };
    fs.writeFileSync(file, JSON.stringify(first, null, 2), { mode: 0o600 });
  }
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: Array<{ id: string; key: string }>; indexKey: string };
  return new PiiCipher(raw.keys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') })), Buffer.from(raw.indexKey, 'base64'));
}

/** The log's Ed25519 signing key: created on first start under the data directory (mode 600), then reused. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The key pair and the name it signs checkpoints with. */
export interface LogKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Log origin and signed-note key name. */
  origin: string;
}

/** Loads data/log-signing-key.pem, creating it when missing. */
export function loadOrCreateLogKey(dataDir: string, origin: string): LogKey {
  const file = path.join(dataDir, 'log-signing-key.pem');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(fs.readFileSync(file));
  return { privateKey, publicKey: createPublicKey(privateKey), origin };
}

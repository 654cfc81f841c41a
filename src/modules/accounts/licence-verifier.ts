/**
 * Electronic business-licence verifiers. The interface lets an operator plug in the official
 * e-licence service; the built-in one checks a JSON licence signed with an issuer's Ed25519 key
 * (keys configured by the operator in licence-issuers.json: { "issuers": { "<id>": "<PEM public key>" } }).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { canonicalJson } from '../../domain/canonical-json.js';
import type { LicenceContent } from '../../domain/licence-check.js';

/** A verifier's answer: the authenticated licence content, or why it cannot be trusted. */
export type LicenceVerdict = { ok: true; licence: LicenceContent } | { ok: false; reasons: string[] };

/** Anything that can authenticate a licence document. */
export interface LicenceVerifier {
  /** False when no issuer is configured: documents then wait for manual review. */
  readonly configured: boolean;
  verify(document: unknown): LicenceVerdict;
}

/** The signed licence document as submitted. */
export const ZSignedLicence = z.object({
  licence: z.object({
    issuer: z.string().min(1),
    creditCode: z.string().min(1),
    name: z.string().min(1),
    legalRepresentative: z.string().min(1),
    issuedAt: z.string().datetime({ offset: true }),
    expiresAt: z.string().datetime({ offset: true }).nullable().default(null),
  }),
  signature: z.string().min(1).describe('base64 Ed25519 signature over the canonical JSON of `licence`'),
});

/** Verifies Ed25519-signed licences from known issuers. */
export class SignedLicenceVerifier implements LicenceVerifier {
  constructor(private readonly issuers: ReadonlyMap<string, KeyObject>) {}

  get configured(): boolean {
    return this.issuers.size > 0;
  }

  verify(document: unknown): LicenceVerdict {
    const parsed = ZSignedLicence.safeParse(document);
    if (!parsed.success) return { ok: false, reasons: parsed.error.issues.map((i) => `${['document', ...i.path].join('.')}: ${i.message}`) };
    const { licence, signature } = parsed.data;
    const key = this.issuers.get(licence.issuer);
    if (!key) return { ok: false, reasons: [`The issuer “${licence.issuer}” is not one this platform trusts.`] };
    const valid = verify(null, Buffer.from(canonicalJson(licence)), key, Buffer.from(signature, 'base64'));
    if (!valid) return { ok: false, reasons: ['The signature does not match the licence content: it was altered or not signed by its issuer.'] };
    return { ok: true, licence };
  }
}

/** Loads issuer public keys from a JSON file; a missing file means no issuer (manual review only). */
export function loadLicenceIssuers(file: string): Map<string, KeyObject> {
  if (!fs.existsSync(file)) return new Map();
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { issuers?: Record<string, string> };
  return new Map(Object.entries(raw.issuers ?? {}).map(([id, pem]) => [id, createPublicKey(pem)]));
}

/** Creates an issuer key pair (PEM), for operators running their own issuer and for the demo. */
export function generateIssuerKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** Signs licence content with an issuer's private key (PEM). */
export function signLicence(licence: LicenceContent, privateKeyPem: string): z.infer<typeof ZSignedLicence> {
  const signature = sign(null, Buffer.from(canonicalJson(licence)), createPrivateKey(privateKeyPem)).toString('base64');
  return { licence, signature };
}

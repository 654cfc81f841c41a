/**
 * Tree-head signing. Two forms, one Ed25519 key:
 *  - the signed tree head (STH): signature over canonical JSON { rootHash, size, timestamp };
 *  - a checkpoint in the transparency-dev format (C2SP tlog-checkpoint + signed-note), so witnesses can
 *    follow the log: "<origin>\n<size>\n<base64 root>\n" signed as a note, with key hash
 *    SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[:4].
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** A signed tree head. */
export interface SignedTreeHead {
  size: number;
  rootHash: string;
  timestamp: string;
  /** base64 Ed25519 signature over canonicalJson({ rootHash, size, timestamp }). */
  signature: string;
}

/** The bytes an STH signature covers. */
export function treeHeadMessage(head: { size: number; rootHash: string; timestamp: string }): Buffer {
  return Buffer.from(canonicalJson({ rootHash: head.rootHash, size: head.size, timestamp: head.timestamp }));
}

/** Signs a tree head. */
export function signTreeHead(head: { size: number; rootHash: string; timestamp: string }, key: KeyObject): SignedTreeHead {
  return { ...head, signature: sign(null, treeHeadMessage(head), key).toString('base64') };
}

/** Checks an STH signature. */
export function verifyTreeHead(head: SignedTreeHead, publicKey: KeyObject): boolean {
  try {
    return verify(null, treeHeadMessage(head), publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The raw 32-byte Ed25519 public key. */
export function rawPublicKey(publicKey: KeyObject): Buffer {
  // SPKI DER for Ed25519 is a fixed 12-byte prefix followed by the 32-byte key.
  return publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
}

/** The signed-note key hash for an Ed25519 key (C2SP signed-note). */
export function noteKeyHash(name: string, publicKey: KeyObject): Buffer {
  return createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.of(0x01), rawPublicKey(publicKey)])).digest().subarray(0, 4);
}

/** The checkpoint body (C2SP tlog-checkpoint). */
export function checkpointBody(origin: string, size: number, rootHashHex: string): string {
  return `${origin}\n${size}\n${Buffer.from(rootHashHex, 'hex').toString('base64')}\n`;
}

/** A signed checkpoint note. */
export function signCheckpoint(origin: string, size: number, rootHashHex: string, keyName: string, key: KeyObject, publicKey: KeyObject): string {
  const body = checkpointBody(origin, size, rootHashHex);
  const sig = sign(null, Buffer.from(body), key);
  return `${body}\n\u2014 ${keyName} ${Buffer.concat([noteKeyHash(keyName, publicKey), sig]).toString('base64')}\n`;
}

/** Verifies a checkpoint note against a key; returns its size and root, or null. */
export function verifyCheckpoint(note: string, keyName: string, publicKey: KeyObject): { origin: string; size: number; rootHashHex: string } | null {
  const split = note.indexOf('\n\n');
  if (split < 0) return null;
  const body = note.slice(0, split + 1);
  const [origin, sizeText, rootB64] = body.split('\n');
  const line = note.slice(split + 2).split('\n').find((l) => l.startsWith(`\u2014 ${keyName} `));
  if (!origin || !sizeText || !rootB64 || !line) return null;
  const blob = Buffer.from(line.slice(`\u2014 ${keyName} `.length), 'base64');
  if (blob.length !== 68 || !blob.subarray(0, 4).equals(noteKeyHash(keyName, publicKey))) return null;
  if (!verify(null, Buffer.from(body), publicKey, blob.subarray(4))) return null;
  return { origin, size: Number(sizeText), rootHashHex: Buffer.from(rootB64, 'base64').toString('hex') };
}

/**
 * In-browser verification with WebCrypto, so a visitor need not trust the server: the leaf hash is
 * recomputed from the entry's bytes, the inclusion proof is walked (RFC 9162 §2.1.3.2) and the signed
 * tree head is checked with the log's Ed25519 public key.
 */

const hex = (b: ArrayBuffer | Uint8Array) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (h: string): Uint8Array => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)));

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { all.set(p, o); o += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

/** SHA-256 of a file, hex. */
export async function fileSha256(file: File): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
}

/** Leaf hash of entry bytes (UTF-8 text), hex. */
export async function leafHashOf(entryBytes: string): Promise<string> {
  return hex(await sha256(Uint8Array.of(0), new TextEncoder().encode(entryBytes)));
}

/** True when the inclusion proof leads from the leaf to the root. */
export async function verifyInclusion(p: { leafIndex: number; treeSize: number; leafHash: string; path: string[]; rootHash: string }): Promise<boolean> {
  if (p.leafIndex >= p.treeSize) return false;
  let fn = BigInt(p.leafIndex);
  let sn = BigInt(p.treeSize - 1);
  let r: Uint8Array = unhex(p.leafHash);
  for (const h of p.path) {
    if (sn === 0n) return false;
    const node = unhex(h);
    if ((fn & 1n) === 1n || fn === sn) {
      r = await sha256(Uint8Array.of(1), node, r);
      if ((fn & 1n) === 0n) while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = await sha256(Uint8Array.of(1), r, node);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && hex(r) === p.rootHash;
}

/** Checks a signed tree head with the raw Ed25519 public key (base64); null when the browser lacks Ed25519. */
export async function verifyTreeHeadSignature(head: { size: number; rootHash: string; timestamp: string; signature: string }, publicKeyBase64: string): Promise<boolean | null> {
  try {
    const key = await crypto.subtle.importKey('raw', Uint8Array.from(atob(publicKeyBase64), (c) => c.charCodeAt(0)), { name: 'Ed25519' }, false, ['verify']);
    // Canonical JSON of { rootHash, size, timestamp } — keys already in sorted order.
    const message = new TextEncoder().encode(JSON.stringify({ rootHash: head.rootHash, size: head.size, timestamp: head.timestamp }));
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, Uint8Array.from(atob(head.signature), (c) => c.charCodeAt(0)), message);
  } catch {
    return null;
  }
}

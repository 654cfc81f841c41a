/** Offline proof checking: the proof-file formats of docs/evidence-log.md, valid and broken. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consistencyPath, inclusionPath, leafHash, rootFromLeafHashes, toHex } from '../domain/merkle.js';
import { checkConsistencyFile, checkInclusionFile } from './log-commands.js';

const leaves = Array.from({ length: 11 }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-proof-'));
const write = (name: string, value: unknown) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value));
  return f;
};

describe('offline proof files', () => {
  const inclusion = { leafIndex: 6, treeSize: 11, leafHash: toHex(leaves[6]!), path: inclusionPath(6, leaves).map(toHex), rootHash: toHex(rootFromLeafHashes(leaves)) };
  const consistency = { size1: 5, size2: 11, root1: toHex(rootFromLeafHashes(leaves.slice(0, 5))), root2: toHex(rootFromLeafHashes(leaves)), path: consistencyPath(5, leaves).map(toHex) };

  it('accepts valid proofs', () => {
    expect(checkInclusionFile(write('inc.json', inclusion))).toBeNull();
    expect(checkConsistencyFile(write('con.json', consistency))).toBeNull();
  });

  it('rejects altered proofs with a reason', () => {
    expect(checkInclusionFile(write('inc-bad.json', { ...inclusion, leafIndex: 5 }))).toMatch(/root does not match/);
    expect(checkConsistencyFile(write('con-bad.json', { ...consistency, size1: 4 }))).not.toBeNull();
  });

  it('rejects malformed files naming the field', () => {
    expect(checkInclusionFile(write('upper.json', { ...inclusion, rootHash: inclusion.rootHash.toUpperCase() }))).toMatch(/^rootHash: must be 64 lower-case hex/);
    expect(checkInclusionFile(write('junk.json', '{ not json'))).toMatch(/cannot read/);
    expect(checkConsistencyFile(path.join(dir, 'missing.json'))).toMatch(/cannot read/);
  });
});

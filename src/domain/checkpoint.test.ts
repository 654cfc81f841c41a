import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointBody, signCheckpoint, signTreeHead, verifyCheckpoint, verifyTreeHead } from './checkpoint.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const ROOT = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';

describe('tree-head signatures', () => {
  it('signs and verifies an STH; any change breaks it', () => {
    const sth = signTreeHead({ size: 8, rootHash: ROOT, timestamp: '2026-11-23T00:00:00.000Z' }, privateKey);
    expect(verifyTreeHead(sth, publicKey)).toBe(true);
    expect(verifyTreeHead({ ...sth, size: 9 }, publicKey)).toBe(false);
    expect(verifyTreeHead({ ...sth, rootHash: ROOT.replace('5', '6') }, publicKey)).toBe(false);
    expect(verifyTreeHead(sth, other.publicKey)).toBe(false);
    expect(verifyTreeHead({ ...sth, signature: 'not base64 at all' }, publicKey)).toBe(false);
  });

  it('writes checkpoints in the transparency-dev format', () => {
    expect(checkpointBody('xinqiao.example/log', 8, ROOT)).toBe('xinqiao.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n');
    const note = signCheckpoint('xinqiao.example/log', 8, ROOT, 'xinqiao.example/log', privateKey, publicKey);
    expect(note).toMatch(/^xinqiao\.example\/log\n8\n[A-Za-z0-9+/=]+\n\n\u2014 xinqiao\.example\/log [A-Za-z0-9+/=]+\n$/);
    expect(verifyCheckpoint(note, 'xinqiao.example/log', publicKey)).toEqual({ origin: 'xinqiao.example/log', size: 8, rootHashHex: ROOT });
    expect(verifyCheckpoint(note.replace('\n8\n', '\n9\n'), 'xinqiao.example/log', publicKey)).toBeNull();
    expect(verifyCheckpoint(note, 'xinqiao.example/log', other.publicKey)).toBeNull();
  });
});

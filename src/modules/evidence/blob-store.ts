/**
 * Content-addressed evidence files. The interface is what an S3-compatible store would implement;
 * the filesystem store streams to a temporary file while hashing (never buffering a whole file),
 * enforces the size limit as bytes arrive, and renames into blobs/ab/cd/<sha256> — so a duplicate
 * is stored once.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/app-error.js';

/** A stored file. */
export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when an identical file was already stored. */
  created: boolean;
}

/** Where evidence files live. */
export interface BlobStore {
  put(stream: Readable, limits: { maxBytes: number; mediaType: string }): Promise<StoredBlob>;
  open(sha256: string): Readable | null;
}

/** Media types accepted as evidence, with the leading bytes that identify them. */
export const EVIDENCE_TYPES: Record<string, (head: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'audio/mpeg': (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  'audio/wav': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  'audio/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'audio/amr': (b) => b.subarray(0, 5).toString('latin1') === '#!AMR',
  'audio/ogg': (b) => b.subarray(0, 4).toString('latin1') === 'OggS',
};

/** Filesystem blob store under a directory. */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(stream: Readable, limits: { maxBytes: number; mediaType: string }): Promise<StoredBlob> {
    const sniff = EVIDENCE_TYPES[limits.mediaType];
    if (!sniff) throw new AppError('unsupported_media_type', `Evidence must be one of: ${Object.keys(EVIDENCE_TYPES).join(', ')}.`);
    fs.mkdirSync(path.join(this.root, 'tmp'), { recursive: true });
    const tmp = path.join(this.root, 'tmp', randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > limits.maxBytes) return done(new AppError('payload_too_large', `Evidence files are limited to ${limits.maxBytes} bytes.`));
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, fs.createWriteStream(tmp));
      if (size === 0) throw new AppError('invalid_input', 'The file is empty.');
      if (!sniff(head)) throw new AppError('unsupported_media_type', `The content is not ${limits.mediaType} (its first bytes do not match).`);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    const sha256 = hash.digest('hex');
    const final = this.pathOf(sha256);
    if (fs.existsSync(final)) {
      fs.rmSync(tmp, { force: true });
      return { sha256, size, created: false };
    }
    fs.mkdirSync(path.dirname(final), { recursive: true });
    fs.renameSync(tmp, final);
    return { sha256, size, created: true };
  }

  open(sha256: string): Readable | null {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const p = this.pathOf(sha256);
    return fs.existsSync(p) ? fs.createReadStream(p) : null;
  }
}

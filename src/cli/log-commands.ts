/** `xinqiao log …`: verify the whole log from storage, or check a proof file with no server and no database. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { fromHex, verifyConsistency, verifyInclusion } from '../domain/merkle.js';

const hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex characters');
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Inclusion proof file (docs/evidence-log.md). */
export const ZInclusionProofFile = z.object({ leafIndex: size, treeSize: size, leafHash: hex, path: z.array(hex), rootHash: hex });
/** Consistency proof file (docs/evidence-log.md). */
export const ZConsistencyProofFile = z.object({ size1: size, size2: size, root1: hex, root2: hex, path: z.array(hex) });

function readProof<T>(file: string, schema: z.ZodType<T>): { ok: true; proof: T } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, reason: `cannot read ${file} as JSON: ${(err as Error).message}` };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, proof: parsed.data } : { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'proof'}: ${i.message}`).join('; ') };
}

/** Checks an inclusion proof file; returns null when it holds, else the reason. */
export function checkInclusionFile(file: string): string | null {
  const r = readProof(file, ZInclusionProofFile);
  if (!r.ok) return r.reason;
  const p = r.proof;
  return verifyInclusion(p.leafIndex, p.treeSize, fromHex(p.leafHash)!, p.path.map((h) => fromHex(h)!), fromHex(p.rootHash)!);
}

/** Checks a consistency proof file; returns null when it holds, else the reason. */
export function checkConsistencyFile(file: string): string | null {
  const r = readProof(file, ZConsistencyProofFile);
  if (!r.ok) return r.reason;
  const p = r.proof;
  return verifyConsistency(p.size1, p.size2, fromHex(p.root1)!, fromHex(p.root2)!, p.path.map((h) => fromHex(h)!));
}

/** Adds the offline proof commands (no database needed). */
export function addProofCommands(log: Command): void {
  const proofCommand = (name: string, format: string, check: (file: string) => string | null, holds: string, kind: string) =>
    log
      .command(name)
      .description(`check a ${kind} proof file ${format} offline; exit 0 when it holds`)
      .argument('<proof.json>', 'proof file')
      .action((file: string) => {
        const failure = check(file);
        if (failure) {
          console.error(`${kind[0]!.toUpperCase()}${kind.slice(1)} proof does NOT hold: ${failure}`);
          process.exitCode = 1;
        } else console.log(holds);
      });
  proofCommand('verify-inclusion', '{ leafIndex, treeSize, leafHash, path, rootHash }', checkInclusionFile, 'Inclusion proof holds: the leaf is in the tree with that root.', 'inclusion');
  proofCommand('verify-consistency', '{ size1, size2, root1, root2, path }', checkConsistencyFile, 'Consistency proof holds: the larger tree extends the smaller one.', 'consistency');
}

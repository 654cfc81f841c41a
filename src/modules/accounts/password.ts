/** Password hashing with argon2id (RFC 9106 second recommended profile: 64 MiB, 3 passes). */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum (2), which isolated modules cannot import by name.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;
// Verified against when the email is unknown, so a miss costs as much time as a wrong password.
let dummyHash: Promise<string> | null = null;

/** Hashes a password (PHC string with salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; false (never an exception) for malformed hashes. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  try {
    if (stored === null) {
      dummyHash ??= hashPassword('xinqiao-timing-equaliser');
      await verify(await dummyHash, password);
      return false;
    }
    return await verify(stored, password);
  } catch {
    return false;
  }
}

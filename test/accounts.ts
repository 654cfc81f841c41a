/** Test helpers for accounts: create a user of any role and a ready session for it. */
import type { Database } from '../src/db/database.js';
import type { Role } from '../src/domain/access-policy.js';
import { findUserById, updateUser } from '../src/modules/accounts/accounts.repository.js';
import { createUserAsAdmin } from '../src/modules/accounts/register.service.js';
import { startSession } from '../src/modules/accounts/session.service.js';
import { testContext, TEST_NOW } from './factories.js';

/** Stored role for an effective role (verified enterprises are enterprises with a verified licence). */
function storedRole(role: Role): string {
  return role === 'enterprise_verified' ? 'enterprise' : role;
}

/** Creates an account with a role; enterprise-like roles get a valid credit code. */
export async function createUser(database: Database, role: Exclude<Role, 'public'>, email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.cn`, password = 'correct horse battery') {
  const { id } = await createUserAsAdmin(testContext(database), { email, password, displayName: role, role: storedRole(role) as Role, enterpriseCreditCode: ['enterprise', 'enterprise_verified', 'agency'].includes(role) ? '91350100M000100Y43' : undefined });
  if (role === 'enterprise_verified') await updateUser(database.db, id, { verification_status: 'verified' });
  return { id, email, password };
}

/** A fresh session (cookie header value and CSRF token) for a user, with two-factor passed. */
export async function sessionFor(database: Database, userId: number, at: Date = TEST_NOW) {
  const user = (await findUserById(database.db, userId))!;
  const { session } = await startSession(database.db, user, { ip: '127.0.0.1', userAgent: 'vitest', mfaPassed: true }, at);
  return { cookie: `xq_session=${session.cookieValue}`, csrf: session.csrfToken };
}

/** An account whose enterprise (by credit code) is verified: an agency acting for its filing, or a debtor. */
export async function createVerifiedUser(database: Database, role: 'agency' | 'debtor' | 'enterprise', creditCode: string) {
  const u = await createUser(database, role);
  await updateUser(database.db, u.id, { enterprise_credit_code: creditCode, verification_status: 'verified' });
  return u;
}

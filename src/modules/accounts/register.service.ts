/** Self-registration and administrator-created accounts. */
import { SELF_REGISTERED_ROLES, type Role } from '../../domain/access-policy.js';
import { isValidCreditCode } from '../../domain/credit-code.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import * as repo from './accounts.repository.js';
import { parsePreferences } from './preferences.service.js';
import { hashPassword } from './password.js';

/** Registration input. */
export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  enterpriseCreditCode?: string | undefined;
}

/** Creates an account; enterprise accounts start as pending verification. */
async function createAccount(ctx: ServiceContext, input: RegisterInput): Promise<number> {
  const email = input.email.trim().toLowerCase();
  if (input.password.toLowerCase().includes(email.split('@')[0]!) && email.split('@')[0]!.length >= 4) {
    throw new AppError('invalid_input', 'The password must not contain your email name.', [{ field: 'body.password', detail: 'contains the email name' }]);
  }
  const code = input.enterpriseCreditCode?.trim().toUpperCase();
  if ((input.role === 'enterprise' || input.role === 'agency') && (!code || !isValidCreditCode(code))) {
    throw new AppError('invalid_input', 'Enterprise and agency accounts need a valid unified social credit code.', [{ field: 'body.enterpriseCreditCode', detail: 'is missing or invalid' }]);
  }
  if (await repo.findUserByEmail(ctx.db, email)) throw new AppError('conflict', 'An account with this email already exists; sign in or reset the password.');
  const now = ctx.clock().toISOString();
  return repo.insertUser(ctx.db, {
    email,
    display_name: input.displayName.trim(),
    password_hash: await hashPassword(input.password),
    role: input.role,
    status: 'active',
    enterprise_credit_code: code ?? null,
    verification_status: input.role === 'enterprise' ? 'pending' : null,
    verification_reason: null,
    totp_secret: null,
    totp_enabled: 0,
    failed_logins: 0,
    locked_until: null,
    created_at: now,
    updated_at: now,
  });
}

/** Public registration for the self-service roles. */
export async function register(ctx: ServiceContext, input: RegisterInput): Promise<{ id: number }> {
  if (!(SELF_REGISTERED_ROLES as readonly string[]).includes(input.role)) {
    throw new AppError('forbidden', `The role "${input.role}" is created by an administrator, not by registration.`, [{ field: 'body.role', detail: 'not open for registration' }]);
  }
  return { id: await createAccount(ctx, input) };
}

/** An administrator (or the CLI) creates any account, including partners and regulators. */
export async function createUserAsAdmin(ctx: ServiceContext, input: RegisterInput): Promise<{ id: number }> {
  return { id: await createAccount(ctx, input) };
}

/** Lists accounts for administrators. */
export async function listUsers(ctx: ServiceContext, input: { page: number; pageSize: number; role?: string | undefined; verificationStatus?: string | undefined }) {
  const rows = await repo.listUsers(ctx.db, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize, role: input.role, verificationStatus: input.verificationStatus });
  return rows.map((u) => ({ id: u.id, email: u.email, displayName: u.display_name, role: u.role, status: u.status, enterpriseCreditCode: u.enterprise_credit_code, verificationStatus: u.verification_status, verificationReason: u.verification_reason, totpEnabled: u.totp_enabled === 1, lockedUntil: u.locked_until, createdAt: u.created_at }));
}

/** The signed-in user's own account. */
export async function getOwnAccount(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const u = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!u) throw new AppError('not_found', 'Account not found.');
  return { id: u.id, email: u.email, displayName: u.display_name, role: ctx.actor.role, enterpriseCreditCode: u.enterprise_credit_code, verificationStatus: u.verification_status, verificationReason: u.verification_reason, totpEnabled: u.totp_enabled === 1, mfaSatisfied: ctx.actor.mfaSatisfied, personId: u.person_id ?? null, preferences: parsePreferences(u.preferences) };
}


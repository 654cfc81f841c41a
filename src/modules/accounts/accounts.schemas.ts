/** Request and response shapes of the accounts API. */
import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '../../domain/access-policy.js';

const email = z.string().trim().toLowerCase().max(254, 'email is too long').pipe(z.email('email must be an email address'));
const password = z.string().min(10, 'password must have at least 10 characters').max(256, 'password must have at most 256 characters');

/** POST /api/v1/auth/register body. */
export const ZRegisterRequest = z.object({
  email,
  password,
  displayName: z.string().trim().min(1, 'displayName is required').max(100),
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` }),
  enterpriseCreditCode: z.string().trim().max(18).optional(),
});

/** POST /api/v1/auth/login body. */
export const ZLoginRequest = z.object({
  email: z.string().trim().min(1, 'email is required').max(254),
  password: z.string().min(1, 'password is required').max(256),
  totp: z.string().trim().max(10).optional(),
});

/** The signed-in account as its owner sees it. */
export const ZOwnAccount = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  enterpriseCreditCode: z.string().nullable(),
  verificationStatus: z.string().nullable(),
  verificationReason: z.string().nullable(),
  totpEnabled: z.boolean(),
  mfaSatisfied: z.boolean(),
  personId: z.number().int().nullable().describe('The person record this account was identity-verified as'),
  preferences: z.lazy(() => ZPreferences),
});

/** A change of preferences: only the fields sent change. */
export const ZPreferencesUpdate = z.strictObject({
  language: z.enum(['zh-CN', 'zh-TW', 'en']).nullable().optional(),
  elderlyMode: z.boolean().optional(),
});

/** Interface preferences remembered with the account. */
export const ZPreferences = z.object({
  language: z.enum(['zh-CN', 'zh-TW', 'en']).nullable().default(null).describe('Interface language; null follows the browser'),
  elderlyMode: z.boolean().default(false).describe('Larger type, higher contrast, larger targets, simpler layout'),
});

/** Session answer: the account and the CSRF token to send with writes. */
export const ZSessionResponse = z.object({ account: ZOwnAccount, csrfToken: z.string(), expiresAt: z.string().optional() });

/** POST /api/v1/account/totp/enable body. */
export const ZTotpCode = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'code must be the 6 digits shown by the authenticator app') });

/** POST /api/v1/admin/users body. */
export const ZCreateUserRequest = ZRegisterRequest;

/** GET /api/v1/admin/users query. */
export const ZListUsersRequest = z.object({ role: z.enum(ROLES).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(50) });

/** POST /api/v1/admin/tokens body. */
export const ZCreateTokenRequest = z.object({
  userId: z.number().int().min(1),
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES as [string, ...string[]])).min(1, 'scopes needs at least one permission'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

/** Path parameter id. */
export const ZIdParam = z.object({ id: z.coerce.number({ error: 'id must be a positive whole number' }).int().min(1).max(2_147_483_647) });

/** Accounts HTTP routes: registration, sign-in, sessions, two-factor, and administration of users and tokens. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../domain/access-policy.js';
import { setSessionCookie } from '../../server/access-control.js';
import type { ContextFactory } from '../../server/context-factory.js';
import { AppError } from '../../shared/app-error.js';
import { ZCreateTokenRequest, ZCreateUserRequest, ZIdParam, ZListUsersRequest, ZLoginRequest, ZOwnAccount, ZPreferences, ZPreferencesUpdate, ZRegisterRequest, ZSessionResponse, ZTotpCode } from './accounts.schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { reviewVerification, submitLicence } from './enterprise-verification.service.js';
import type { LicenceVerifier } from './licence-verifier.js';
import type { PiiCipher } from '../privacy/pii-cipher.js';
import { login } from './login.service.js';
import { beginTotpSetup, enableTotp } from './mfa.service.js';
import { createUserAsAdmin, getOwnAccount, listUsers, register } from './register.service.js';
import { findUserById } from './accounts.repository.js';
import { updatePreferences } from './preferences.service.js';
import { logout, logoutEverywhere, startSession } from './session.service.js';

const perm = (permission: Permission) => ({ permission });

/** Registers the accounts routes under /api/v1. */
export async function accountsRoutes(app: FastifyInstance, opts: { context: ContextFactory; loginDelayBaseMs: number; licenceVerifier: LicenceVerifier; pii: PiiCipher }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;

  r.post('/auth/register', { config: perm('auth:register'), schema: { tags: ['accounts'], summary: 'Create an account (creditor, enterprise, agency, law firm, mediator, debtor) and sign in', body: ZRegisterRequest, response: { 201: ZSessionResponse } } }, async (req, reply) => {
    const c = ctx(req);
    const { id } = await register(c, req.body);
    const user = await findUserById(c.db, id);
    if (!user) throw new AppError('unavailable', 'The new account could not be read back.');
    const { session, actor } = await startSession(c.db, user, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, mfaPassed: false }, c.clock());
    setSessionCookie(req, reply, session.cookieValue, session.expiresAt);
    return reply.code(201).send({ account: await getOwnAccount({ ...c, actor }), csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  });

  r.post('/auth/login', { config: perm('auth:login'), schema: { tags: ['accounts'], summary: 'Sign in (with the TOTP code when two-factor is on); a fresh session every time', body: ZLoginRequest, response: { 200: ZSessionResponse } } }, async (req, reply) => {
    const c = ctx(req);
    const result = await login(c, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, delayBaseMs: opts.loginDelayBaseMs, cipher: opts.pii });
    if (!result.ok) {
      // Progressive delay: each consecutive failure waits longer before the answer.
      if (result.delayMs > 0) await sleep(result.delayMs);
      throw result.error;
    }
    // A session presented before sign-in is never promoted (session fixation): it simply stops being used.
    setSessionCookie(req, reply, result.session.cookieValue, result.session.expiresAt);
    return { account: await getOwnAccount({ ...c, actor: result.actor }), csrfToken: result.session.csrfToken, expiresAt: result.session.expiresAt };
  });

  r.get('/auth/session', { config: perm('auth:session'), schema: { tags: ['accounts'], summary: 'The current session: account and CSRF token', response: { 200: ZSessionResponse } } }, async (req) => ({ account: await getOwnAccount(ctx(req)), csrfToken: req.csrfToken ?? '' }));

  r.post('/auth/logout', { config: perm('auth:session'), schema: { tags: ['accounts'], summary: 'End this session' } }, async (req, reply) => {
    await logout(ctx(req));
    setSessionCookie(req, reply, null);
    return reply.code(204).send();
  });

  r.post('/auth/logout-all', { config: perm('auth:session'), schema: { tags: ['accounts'], summary: 'End every session of this account (all devices)', response: { 200: z.object({ revoked: z.number().int() }) } } }, async (req, reply) => {
    const revoked = await logoutEverywhere(ctx(req));
    setSessionCookie(req, reply, null);
    return { revoked };
  });

  r.put('/account/preferences', { config: perm('account:self'), schema: { tags: ['accounts'], summary: 'Remember interface preferences with the account (fields left out keep their value)', body: ZPreferencesUpdate, response: { 200: ZPreferences } } }, async (req) => updatePreferences(ctx(req), req.body));
  r.get('/account', { config: perm('account:self'), schema: { tags: ['accounts'], summary: 'My account', response: { 200: ZOwnAccount } } }, async (req) => getOwnAccount(ctx(req)));

  r.post('/account/totp/setup', { config: perm('account:mfa'), schema: { tags: ['accounts'], summary: 'Start two-factor set-up: a secret and otpauth:// URI', response: { 200: z.object({ secret: z.string(), uri: z.string() }) } } }, async (req) => beginTotpSetup(ctx(req), opts.pii));

  r.post('/account/totp/enable', { config: perm('account:mfa'), schema: { tags: ['accounts'], summary: 'Confirm two-factor set-up with a code', body: ZTotpCode } }, async (req, reply) => {
    await enableTotp(ctx(req), opts.pii, req.body.code);
    return reply.code(204).send();
  });

  const ZVerificationState = z.object({ status: z.enum(['pending', 'verified', 'rejected']), reasons: z.array(z.string()) });
  r.post('/account/enterprise-verification', { config: perm('verification:submit'), schema: { tags: ['accounts'], summary: 'Verify the enterprise by its signed electronic business licence', description: 'Body: { licence: { issuer, creditCode, name, legalRepresentative, issuedAt, expiresAt }, signature } — Ed25519 over the canonical JSON of licence.', body: z.unknown(), response: { 200: ZVerificationState } } }, async (req) => submitLicence(ctx(req), opts.licenceVerifier, req.body));

  r.get('/admin/verifications', { config: perm('verification:review'), schema: { tags: ['admin'], summary: 'Enterprise accounts awaiting or after verification', querystring: z.object({ status: z.enum(['pending', 'verified', 'rejected']).default('pending') }) } }, async (req) => ({ items: await listUsers(ctx(req), { page: 1, pageSize: 100, role: 'enterprise', verificationStatus: req.query.status }) }));

  r.post('/admin/verifications/:id', { config: perm('verification:review'), schema: { tags: ['admin'], summary: 'Decide an enterprise verification by hand, with a reason', params: ZIdParam, body: z.object({ decision: z.enum(['verified', 'rejected']), reason: z.string().trim().min(5, 'reason must explain the decision').max(500) }), response: { 200: ZVerificationState } } }, async (req) => reviewVerification(ctx(req), req.params.id, req.body.decision, req.body.reason));

  r.get('/admin/users', { config: perm('users:manage'), schema: { tags: ['admin'], summary: 'Accounts', querystring: ZListUsersRequest } }, async (req) => ({ items: await listUsers(ctx(req), req.query) }));

  r.post('/admin/users', { config: perm('users:manage'), schema: { tags: ['admin'], summary: 'Create any account, including partner institutions and regulators', body: ZCreateUserRequest, response: { 201: z.object({ id: z.number().int() }) } } }, async (req, reply) => reply.code(201).send(await createUserAsAdmin(ctx(req), req.body)));

  r.get('/admin/tokens', { config: perm('tokens:manage'), schema: { tags: ['admin'], summary: 'API tokens (never their secrets)' } }, async (req) => ({ items: await listApiTokens(ctx(req)) }));

  r.post('/admin/tokens', { config: perm('tokens:manage'), schema: { tags: ['admin'], summary: 'Issue a scoped API token to a partner institution (shown once)', body: ZCreateTokenRequest } }, async (req, reply) => reply.code(201).send(await createApiToken(ctx(req), { ...req.body, scopes: req.body.scopes as Permission[] })));

  r.delete('/admin/tokens/:id', { config: perm('tokens:manage'), schema: { tags: ['admin'], summary: 'Revoke an API token', params: ZIdParam } }, async (req, reply) => {
    await revokeApiToken(ctx(req), req.params.id);
    return reply.code(204).send();
  });
}

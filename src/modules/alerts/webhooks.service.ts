/**
 * Partner webhooks: endpoints with a signing secret (shown once, stored sealed), and delivery from the persistent
 * outbox. Each delivery carries X-Xinqiao-Delivery (its id), X-Xinqiao-Timestamp and X-Xinqiao-Signature; it is
 * marked delivered only after a 2xx, and retried with exponential backoff otherwise. A crash between sending and
 * marking can repeat a delivery, with the same delivery id — receivers ignore ids they have seen (docs/risk.md).
 */
import { randomBytes } from 'node:crypto';
import { signWebhook } from '../../domain/webhook-signature.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import type { PiiCipher } from '../privacy/pii-cipher.js';

/** Attempts before a delivery is given up (about 4 days of backoff). */
export const MAX_ATTEMPTS = 12;
const MAX_ENDPOINTS = 5;

function ownerOf(ctx: ServiceContext): number {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return ctx.actor.userId;
}

/** Registers an endpoint; the secret is returned this once. */
export async function addEndpoint(ctx: ServiceContext, pii: PiiCipher, url: string) {
  const owner = ownerOf(ctx);
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) throw new AppError('invalid_input', 'Webhook URLs must use https (http only for localhost while testing).', [{ field: 'body.url', detail: 'https required' }]);
  const n = await ctx.db.selectFrom('webhook_endpoints').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_user_id', '=', owner).where('active', '=', 1).executeTakeFirstOrThrow();
  if (Number(n.n) >= MAX_ENDPOINTS) throw new AppError('conflict', `At most ${MAX_ENDPOINTS} active endpoints per account.`);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await ctx.db.insertInto('webhook_endpoints').values({ owner_user_id: owner, url, secret_enc: pii.encrypt(secret), active: 1, created_at: ctx.clock().toISOString() }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  return { id: row.id, url, secret, createdAt: row.created_at };
}

/** The caller's endpoints (without secrets). */
export async function listEndpoints(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('webhook_endpoints').select(['id', 'url', 'active', 'created_at']).where('owner_user_id', '=', ownerOf(ctx)).orderBy('id').execute();
  return { items: rows.map((r) => ({ id: r.id, url: r.url, active: r.active === 1, createdAt: r.created_at })) };
}

/** Deactivates an endpoint (pending deliveries to it stop). */
export async function removeEndpoint(ctx: ServiceContext, id: number) {
  const r = await ctx.db.updateTable('webhook_endpoints').set({ active: 0 }).where('id', '=', id).where('owner_user_id', '=', ownerOf(ctx)).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('not_found', `No webhook endpoint ${id} of yours.`);
  return { id, active: false };
}

/** The caller's delivery log, newest first. */
export async function deliveryLog(ctx: ServiceContext, limit: number) {
  const rows = await ctx.db.selectFrom('webhook_deliveries').innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.alert_id', 'webhook_deliveries.event', 'webhook_deliveries.status', 'webhook_deliveries.attempts', 'webhook_deliveries.next_attempt_at', 'webhook_deliveries.last_status', 'webhook_deliveries.last_error', 'webhook_deliveries.delivered_at', 'webhook_deliveries.created_at', 'webhook_endpoints.url'])
    .where('webhook_endpoints.owner_user_id', '=', ownerOf(ctx)).orderBy('webhook_deliveries.id', 'desc').limit(limit).execute();
  return { items: rows.map((d) => ({ id: d.id, alertId: d.alert_id, event: d.event, url: d.url, status: d.status, attempts: d.attempts, nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null, lastStatus: d.last_status, lastError: d.last_error, deliveredAt: d.delivered_at, createdAt: d.created_at })) };
}

/** Delay before attempt n+1: 30 s × 2^n, at most 12 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** attempts, 12 * 3_600_000);
}

/** Sends due deliveries; returns how many were delivered. Safe to run in several processes (a claim per row). */
export async function deliverWebhooks(ctx: ServiceContext, pii: PiiCipher, fetchImpl: typeof fetch = fetch, claimMs = 60_000): Promise<number> {
  const now = ctx.clock();
  const due = await ctx.db.selectFrom('webhook_deliveries').innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .select(['webhook_deliveries.id', 'webhook_deliveries.payload', 'webhook_deliveries.attempts', 'webhook_deliveries.next_attempt_at', 'webhook_endpoints.url', 'webhook_endpoints.secret_enc'])
    .where('webhook_deliveries.status', '=', 'pending').where('webhook_deliveries.next_attempt_at', '<=', now.toISOString()).where('webhook_endpoints.active', '=', 1)
    .orderBy('webhook_deliveries.id').limit(100).execute();
  let delivered = 0;
  for (const d of due) {
    // Claim: push the next attempt out first, so another process does not send the same row at the same time;
    // if this process dies mid-send, the row is simply due again when the claim runs out.
    const claim = await ctx.db.updateTable('webhook_deliveries').set({ next_attempt_at: new Date(now.getTime() + claimMs).toISOString() }).where('id', '=', d.id).where('status', '=', 'pending').where('next_attempt_at', '=', d.next_attempt_at).executeTakeFirst();
    if (Number(claim.numUpdatedRows) === 0) continue;
    const ts = Math.floor(ctx.clock().getTime() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetchImpl(d.url, { method: 'POST', body: d.payload, signal: AbortSignal.timeout(10_000), headers: { 'content-type': 'application/json', 'x-xinqiao-delivery': String(d.id), 'x-xinqiao-timestamp': String(ts), 'x-xinqiao-signature': signWebhook(pii.decrypt(d.secret_enc), ts, d.payload) } });
      status = res.status;
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    const attempts = d.attempts + 1;
    if (!error) {
      await ctx.db.updateTable('webhook_deliveries').set({ status: 'delivered', attempts, last_status: status, last_error: null, delivered_at: ctx.clock().toISOString() }).where('id', '=', d.id).execute();
      delivered++;
    } else {
      await ctx.db.updateTable('webhook_deliveries').set({ status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, last_status: status, last_error: error, next_attempt_at: new Date(ctx.clock().getTime() + backoffMs(attempts)).toISOString() }).where('id', '=', d.id).execute();
    }
  }
  return delivered;
}

/**
 * The in-app notification feed and its outbox: rows are queued inside the caller's transaction, delivered by
 * e-mail/SMS after commit through the configured sender, and retried by the scheduler until delivered.
 */
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { NotificationsTable } from '../../db/schema.js';
import type { NotificationSender } from './notification-sender.js';

const MAX_ATTEMPTS = 10;

/** What a notification says. */
export type NewNotification = Omit<Insertable<NotificationsTable>, 'read_at' | 'delivered_at' | 'delivery_attempts' | 'evidence' | 'case_id' | 'event_id'> & { case_id?: number | null; event_id?: number | null; evidence?: string[] };

/** Queues a notification inside the caller's transaction; returns its id (deliver it after commit). */
export async function queueNotification(db: Executor, n: NewNotification): Promise<number> {
  const row = { ...n, case_id: n.case_id ?? null, event_id: n.event_id ?? null, evidence: JSON.stringify(n.evidence ?? []), read_at: null, delivered_at: null };
  return (await db.insertInto('notifications').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Queues the same notification for every active regulator (escalations). */
export async function notifyRegulators(db: Executor, n: Omit<NewNotification, 'user_id'>): Promise<number[]> {
  const regulators = await db.selectFrom('users').select('id').where('role', '=', 'regulator').where('status', '=', 'active').execute();
  const ids: number[] = [];
  for (const r of regulators) ids.push(await queueNotification(db, { ...n, user_id: r.id }));
  return ids;
}

/** Sends undelivered notifications (the given ids, or all due) and marks them delivered. */
export async function deliverNotifications(ctx: ServiceContext, deps: { sender: NotificationSender }, ids?: number[]): Promise<number> {
  let q = ctx.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['notifications.id', 'notifications.user_id', 'notifications.title', 'notifications.body', 'notifications.evidence', 'notifications.delivery_attempts', 'users.email'])
    .where('notifications.delivered_at', 'is', null).where('notifications.delivery_attempts', '<', MAX_ATTEMPTS);
  if (ids) q = q.where('notifications.id', 'in', ids.length ? ids : [-1]);
  let delivered = 0;
  for (const n of await q.orderBy('notifications.id').limit(500).execute()) {
    try {
      await deps.sender.send({ userId: n.user_id, to: n.email, subject: n.title, text: n.body, evidence: JSON.parse(n.evidence) as string[] });
      await ctx.db.updateTable('notifications').set({ delivered_at: ctx.clock().toISOString(), delivery_attempts: n.delivery_attempts + 1 }).where('id', '=', n.id).execute();
      delivered++;
    } catch (err) {
      ctx.log.warn({ err, notification: n.id }, 'notification delivery failed');
      await ctx.db.updateTable('notifications').set({ delivery_attempts: n.delivery_attempts + 1 }).where('id', '=', n.id).execute();
    }
  }
  return delivered;
}

/** The signed-in user's feed, newest first. */
export async function listNotifications(ctx: ServiceContext, input: { unreadOnly: boolean; limit: number }) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  let q = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', ctx.actor.userId);
  if (input.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('id', 'desc').limit(input.limit).execute();
  const unread = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', ctx.actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((n) => ({ id: n.id, caseId: n.case_id, eventId: n.event_id, kind: n.kind, title: n.title, body: n.body, evidence: JSON.parse(n.evidence) as string[], createdAt: n.created_at, readAt: n.read_at })),
  };
}

/** Marks one of the user's notifications read. */
export async function markRead(ctx: ServiceContext, id: number) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const r = await ctx.db.updateTable('notifications').set({ read_at: ctx.clock().toISOString() }).where('id', '=', id).where('user_id', '=', ctx.actor.userId).where('read_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const exists = await ctx.db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
    if (!exists) throw new AppError('not_found', `No notification ${id}.`);
  }
  return { id, read: true };
}

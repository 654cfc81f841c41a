/**
 * Appending to a case's timeline. Each event is a row in case_events and, in the same transaction,
 * an entry in the evidence transparency log. The log entry carries a commitment — the SHA-256 of the
 * event's canonical content — not the content itself: the log is public, the case is not, and the
 * parties can recompute the hash from the event as the API shows it (docs/cases.md).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json.js';
import { EVENT_KINDS, type EventKind } from '../../domain/case-events.js';
import type { Executor } from '../../db/database.js';
import type { CaseRow, DebtRow } from '../../db/schema.js';
import type { ServiceContext } from '../../shared/context.js';
import { roleOf } from '../../shared/context.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';
import { deliverNotifications, queueNotification } from '../notifications/notifications.service.js';

/** An event to append. */
export interface TimelineEventInput {
  kind: EventKind;
  occurredAt: string;
  notes: string;
  evidence: string[];
  details: Record<string, unknown>;
  contact?: { target: 'debtor' | 'third_party'; connected: boolean; thirdPartyKey: string | null; refused: boolean } | null;
  ruleVersion?: string | null;
}

/** The canonical content of an event, as hashed into the log. */
export function eventContent(reference: string, eventId: number, e: { kind: string; occurredAt: string; actorRole: string; notes: string; evidence: string[]; details: Record<string, unknown> }) {
  return canonicalJson({ case: reference, event: eventId, kind: e.kind, occurredAt: e.occurredAt, actorRole: e.actorRole, notes: e.notes, evidence: e.evidence, details: e.details });
}

/** SHA-256 hex of a string's UTF-8. */
export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Whom log entries about a debt concern (as evidence-about-me looks them up). */
export const logSubject = (debt: DebtRow) => (debt.debtor_kind === 'enterprise' ? debt.debtor_credit_code : `person:${debt.debtor_person_id}`);

/** What must happen after the transaction commits. */
export interface AfterCommit {
  logSize: number;
  notificationIds: number[];
}

/** Appends one event inside `trx`; returns its id and log index. */
export async function appendTimelineEvent(ctx: ServiceContext, deps: CaseDeps, trx: Executor, kase: CaseRow, debt: DebtRow, e: TimelineEventInput, after: AfterCommit) {
  const actorRole = ctx.actor.kind === 'system' ? 'system' : roleOf(ctx.actor);
  const actorUserId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const now = ctx.clock().toISOString();
  const eventId = await repo.insertEvent(trx, {
    case_id: kase.id, kind: e.kind, actor_user_id: actorUserId, actor_role: actorRole, occurred_at: e.occurredAt, recorded_at: now, notes: e.notes,
    evidence: JSON.stringify(e.evidence), details: JSON.stringify(e.details), contact_target: e.contact?.target ?? null, connected: e.contact?.connected ? 1 : 0,
    third_party_key: e.contact?.thirdPartyKey ?? null, third_party_refused: e.contact?.refused ? 1 : 0, rule_version: e.ruleVersion ?? null, log_index: null,
  });
  const contentSha256 = sha256Hex(eventContent(kase.reference, eventId, { ...e, actorRole }));
  const staged = await deps.log.stage(ctx, trx, [{ type: 'case_event', case: kase.reference, subject: logSubject(debt), data: { event: eventId, kind: e.kind, occurredAt: e.occurredAt, contentSha256, evidence: e.evidence } }]);
  await trx.updateTable('case_events').set({ log_index: staged.first }).where('id', '=', eventId).execute();
  after.logSize = Math.max(after.logSize, staged.size);
  // The creditor hears of every event on its case at once, unless it recorded the event itself.
  if (actorUserId !== debt.creditor_user_id) {
    const label = EVENT_KINDS[e.kind].label;
    after.notificationIds.push(await queueNotification(trx, {
      user_id: debt.creditor_user_id, case_id: kase.id, event_id: eventId, kind: e.kind,
      title: `${label['zh-CN']} · ${kase.reference}`, body: e.notes || label['zh-CN'], evidence: e.evidence, created_at: now,
    }));
  }
  return { eventId, logIndex: staged.first, contentSha256 };
}

/** Runs `work` in one transaction, then publishes the log head and delivers notifications. */
export async function inCaseTransaction<T>(ctx: ServiceContext, deps: CaseDeps, work: (trx: Executor, after: AfterCommit) => Promise<T>): Promise<T> {
  const after: AfterCommit = { logSize: 0, notificationIds: [] };
  const result = await ctx.db.transaction().execute((trx) => work(trx, after));
  if (after.logSize > 0) await deps.log.publish(ctx, after.logSize);
  if (after.notificationIds.length) {
    await deliverNotifications(ctx, deps, after.notificationIds).catch((err: unknown) => ctx.log.warn({ err }, 'notification delivery failed; the scheduler retries'));
  }
  return result;
}

/**
 * Recording a timeline event. Collection actions pass the compliance engine first: the engine sees
 * the case, the debtor's local time and consent, and every call to this debtor by this creditor and
 * all its agencies in the rule window. A refusal is stored (for the regulator and the agency's
 * grade) and returned naming its rule; an accepted action records the rule version that allowed it.
 */
import { EVENT_KINDS, type EventKind } from '../../domain/case-events.js';
import type { CaseStatus } from '../../domain/case-status.js';
import { checkAction, ruleSetAt } from '../../domain/compliance.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { missingBlobs } from '../evidence/evidence.service.js';
import { openObjectionCount } from '../objections/objections.service.js';
import { loadCase } from './case-access.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';
import { refreshCase } from './lifecycle.service.js';
import { appendTimelineEvent, inCaseTransaction } from './timeline.js';

/** An event as a party submits it. */
export interface RecordEventInput {
  kind: EventKind;
  occurredAt?: string | undefined;
  notes: string;
  /** What was said or sent (scanned for forbidden content; kept with the event). */
  message?: string | undefined;
  evidence: string[];
  contact?: { target: 'debtor' | 'third_party'; connected: boolean; thirdParty?: { contact: string; relation: string } | undefined; refused: boolean; disclosedDebt: boolean } | undefined;
  declaredCategories: string[];
  details: Record<string, unknown>;
}

const MAX_BACKDATE_MS = 24 * 3_600_000;
const MAX_AHEAD_MS = 5 * 60_000;

/** Validates an event and runs the compliance engine; records nothing. */
async function evaluate(ctx: ServiceContext, deps: CaseDeps, caseId: number, input: RecordEventInput) {
  await refreshCase(ctx, deps, caseId);
  const { kase, debt, party } = await loadCase(ctx, caseId);
  const spec = EVENT_KINDS[input.kind];
  if (spec.channel !== 'events') throw new AppError('invalid_input', `“${input.kind}” events are not recorded here: ${spec.channel === 'payments' ? 'record the payment at /cases/{id}/payments' : spec.channel === 'objections' ? 'object from the event itself at /cases/{id}/events/{eventId}/objections' : spec.channel === 'complaints' ? 'complain at /complaints with the caseId' : spec.channel === 'close' ? 'close the case at /cases/{id}/close' : 'the platform writes them'}.`, [{ field: 'body.kind', detail: 'not recordable directly' }]);
  if (party === 'regulator' || !(spec.recordedBy as readonly string[]).includes(party)) throw new AppError('forbidden', `The ${party} of a case cannot record “${input.kind}” events.`);
  const now = ctx.clock();
  const at = input.occurredAt ? new Date(input.occurredAt) : now;
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS || at.getTime() < now.getTime() - MAX_BACKDATE_MS) throw new AppError('invalid_input', 'occurredAt must be within the last 24 hours (record actions as they happen).', [{ field: 'body.occurredAt', detail: 'outside the last 24 hours' }]);
  const missing = await missingBlobs(ctx, input.evidence);
  if (missing.length) throw new AppError('invalid_input', `Evidence not stored: ${missing.join(', ')}. Upload files to /evidence first.`, [{ field: 'body.evidence', detail: 'unknown SHA-256' }]);
  if (spec.contact && !input.contact) throw new AppError('invalid_input', `A “${input.kind}” needs contact details (target, connected).`, [{ field: 'body.contact', detail: 'required for contacts' }]);
  if (input.contact?.target === 'third_party' && !input.contact.thirdParty) throw new AppError('invalid_input', 'Name the third party (contact and relation) so a refusal can be honoured later.', [{ field: 'body.contact.thirdParty', detail: 'required for third-party contact' }]);

  // Third parties are matched by a keyed hash of their contact: never stored in clear.
  const thirdPartyKey = input.contact?.thirdParty ? deps.pii.blindIndex(`third-party:${input.contact.thirdParty.contact.replace(/\s+/g, '')}`) : null;
  const windowDays = ruleSetAt(deps.rules, at).callAttemptsPerWindow.days;
  const calls = spec.contact ? await repo.recentCalls(ctx.db, debt.creditor_user_id, debt.debtor_key, new Date(at.getTime() - (windowDays + 1) * 86_400_000).toISOString()) : [];
  const refused = thirdPartyKey && (await repo.thirdPartyRefused(ctx.db, thirdPartyKey)) ? [thirdPartyKey] : [];
  const verdict = checkAction(deps.rules, {
    kind: input.kind, at, caseStatus: kase.status as CaseStatus, openObjection: (await openObjectionCount(ctx.db, kase.id)) > 0, debtorTimeZone: debt.debtor_time_zone, nightConsent: kase.night_contact_consent === 1,
    contact: input.contact && spec.contact ? { target: input.contact.target, connected: input.contact.connected, thirdPartyKey, disclosedDebt: input.contact.disclosedDebt } : null,
    text: [input.notes, input.message ?? ''].join('\n'), declaredCategories: input.declaredCategories,
  }, { calls: calls.map((c) => ({ at: new Date(c.occurred_at), connected: c.connected === 1, target: c.contact_target ?? 'debtor' })), refusedThirdParties: new Set(refused) });
  return { kase, debt, spec, at, now, thirdPartyKey, verdict };
}

/** Dry run for agencies before they act: would this action be accepted now, and if not, by which rule? */
export async function precheckEvent(ctx: ServiceContext, deps: CaseDeps, caseId: number, input: RecordEventInput) {
  const { verdict } = await evaluate(ctx, deps, caseId, input);
  return verdict.ok ? { allowed: true, ruleVersion: verdict.ruleVersion, checked: verdict.checked } : { allowed: false, ruleVersion: verdict.ruleVersion, rule: verdict.rule, reason: verdict.reason };
}

/** Records an event on a case the caller is party to. */
export async function recordEvent(ctx: ServiceContext, deps: CaseDeps, caseId: number, input: RecordEventInput) {
  const { kase, debt, spec, at, now, thirdPartyKey, verdict } = await evaluate(ctx, deps, caseId, input);
  if (!verdict.ok) {
    await ctx.db.insertInto('compliance_refusals').values({ case_id: kase.id, actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null, kind: input.kind, rule: verdict.rule, rule_version: verdict.ruleVersion, reason: verdict.reason.en, attempted_at: now.toISOString() }).execute();
    throw new AppError('refused', `Refused by rule ${verdict.rule} (rules ${verdict.ruleVersion}): ${verdict.reason.en}`, [], { rule: verdict.rule, ruleVersion: verdict.ruleVersion, reason: verdict.reason });
  }
  const details = { ...input.details, ...(input.message ? { message: input.message } : {}), ...(input.contact && spec.contact ? { contact: { target: input.contact.target, connected: input.contact.connected, refused: input.contact.refused, ...(input.contact.thirdParty ? { thirdPartyRelation: input.contact.thirdParty.relation } : {}) } } : {}) };
  return inCaseTransaction(ctx, deps, async (trx, after) => {
    // Re-check the status under the transaction: a revocation may have landed since the check.
    const fresh = await repo.findCase(trx, kase.id, ctx.dialect === 'postgres');
    if (spec.collection && fresh?.status !== 'active') throw new AppError('conflict', `The case is now ${fresh?.status}; the action was not recorded.`);
    const e = await appendTimelineEvent(ctx, deps, trx, kase, debt, {
      kind: input.kind, occurredAt: at.toISOString(), notes: input.notes, evidence: input.evidence, details,
      contact: input.contact && spec.contact ? { target: input.contact.target, connected: input.contact.connected, thirdPartyKey, refused: input.contact.refused } : null, ruleVersion: verdict.ruleVersion,
    }, after);
    if (input.kind === 'investigation_report' && !fresh?.first_report_at) await trx.updateTable('cases').set({ first_report_at: now.toISOString() }).where('id', '=', kase.id).execute();
    return { id: e.eventId, caseId: kase.id, kind: input.kind, logIndex: e.logIndex, contentSha256: e.contentSha256, ruleVersion: verdict.ruleVersion };
  });
}

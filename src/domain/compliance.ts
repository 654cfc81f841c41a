/**
 * The collection compliance engine: decides whether a collection action may be recorded, before it
 * is accepted. Rules are data (compliance-rules.json) with versions and effective dates; the
 * version in force at the action's time applies. A refusal names its rule; an acceptance names the
 * version that allowed it. Pure: the caller supplies the case, the debtor's contact history and
 * the clock.
 */
import type { CaseStatus } from './case-status.js';
import { EVENT_KINDS, type EventKind } from './case-events.js';

/** One version of the rules. */
export interface RuleSet {
  version: string;
  effectiveFrom: string;
  sources: string[];
  quietHours: { start: string; end: string };
  connectedCallsPerDay: number;
  callAttemptsPerWindow: { max: number; days: number };
  retentionYears: number;
  thirdPartyDisclosurePhrases: string[];
  forbiddenContent: Record<string, string[]>;
}

/** The rules a refusal can name. */
export type RuleId = 'case-status' | 'open-objection' | 'quiet-hours' | 'daily-connected-calls' | 'call-window' | 'third-party-disclosure' | 'third-party-refused' | 'forbidden-content';

/** A proposed action. */
export interface ProposedAction {
  kind: EventKind;
  /** When the contact happens (or happened, for a record made right after). */
  at: Date;
  caseStatus: CaseStatus;
  openObjection: boolean;
  debtorTimeZone: string;
  /** The debtor agreed to be contacted during quiet hours. */
  nightConsent: boolean;
  contact: { target: 'debtor' | 'third_party'; connected: boolean; thirdPartyKey: string | null; disclosedDebt: boolean } | null;
  /** Notes and the message text sent or said, scanned for forbidden content. */
  text: string;
  /** Content categories the recorder declared (e.g. from a call-quality review). */
  declaredCategories: string[];
}

/** The debtor's recent contacts by this creditor and all its agencies, and refused third parties. */
export interface ContactHistory {
  calls: Array<{ at: Date; connected: boolean; target: 'debtor' | 'third_party' }>;
  refusedThirdParties: ReadonlySet<string>;
}

/** The engine's verdict. */
export type ComplianceVerdict =
  | { ok: true; ruleVersion: string; checked: RuleId[] }
  | { ok: false; rule: RuleId; ruleVersion: string; reason: { 'zh-CN': string; en: string } };

/** The rule set in force at a time (latest effectiveFrom not after it). */
export function ruleSetAt(versions: readonly RuleSet[], at: Date): RuleSet {
  const inForce = versions.filter((v) => Date.parse(v.effectiveFrom) <= at.getTime()).sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom));
  if (!inForce[0]) throw new RangeError(`No compliance rule set is in force at ${at.toISOString()}.`);
  return inForce[0];
}

/** Local wall-clock parts of an instant in a time zone. */
export function localParts(at: Date, timeZone: string): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when a local time falls in the quiet window (which may cross midnight). */
export function inQuietHours(minutes: number, window: RuleSet['quietHours']): boolean {
  const start = toMinutes(window.start);
  const end = toMinutes(window.end);
  return start > end ? minutes >= start || minutes < end : minutes >= start && minutes < end;
}

function findPhrase(text: string, phrases: readonly string[]): string | null {
  const lower = text.toLowerCase();
  return phrases.find((p) => lower.includes(p.toLowerCase())) ?? null;
}

type Refusal = Extract<ComplianceVerdict, { ok: false }>;
const refuse = (rule: RuleId, v: RuleSet, zh: string, en: string): Refusal => ({ ok: false, rule, ruleVersion: v.version, reason: { 'zh-CN': zh, en } });

/** Checks an action against the rules in force at its time. */
export function checkAction(versions: readonly RuleSet[], action: ProposedAction, history: ContactHistory): ComplianceVerdict {
  const v = ruleSetAt(versions, action.at);
  const kind = EVENT_KINDS[action.kind];
  const checked: RuleId[] = [];
  if (kind.collection) {
    checked.push('case-status', 'open-objection');
    if (action.caseStatus !== 'active') return refuse('case-status', v, `案件状态为“${action.caseStatus}”，不得记录催收行为（冷静期、已撤销、已结清或已结案的案件均不可催收）。`, `The case is ${action.caseStatus}: no collection action may be recorded (cooling-off, revoked, settled and closed cases are off limits).`);
    if (action.openObjection) return refuse('open-objection', v, '债务人对本案记录提出的异议尚在复核，复核结束前不得催收。', 'The debtor has an objection under review on this case; no collection until it is decided.');
  }
  // Content rules bind the collecting side; a debtor's own reply or complaint is never censored.
  if (kind.collection || kind.contact) {
    checked.push('forbidden-content');
    for (const category of action.declaredCategories) {
      if (Object.hasOwn(v.forbiddenContent, category)) return refuse('forbidden-content', v, `内容属于禁止类别“${category}”。`, `The content is in the forbidden category “${category}”.`);
    }
    for (const [category, phrases] of Object.entries(v.forbiddenContent)) {
      const hit = findPhrase(action.text, phrases);
      if (hit) return refuse('forbidden-content', v, `内容含有禁止类别“${category}”的用语（“${hit}”）。`, `The content contains wording of the forbidden category “${category}” (“${hit}”).`);
    }
  }
  if (!kind.contact || !action.contact) return { ok: true, ruleVersion: v.version, checked };

  checked.push('quiet-hours');
  const local = localParts(action.at, action.debtorTimeZone);
  if (!action.nightConsent && inQuietHours(local.minutes, v.quietHours)) {
    return refuse('quiet-hours', v, `债务人当地时间 ${v.quietHours.start}–${v.quietHours.end} 之间不得联系（GB/T 45251-2025），债务人未同意例外。`, `No contact between ${v.quietHours.start} and ${v.quietHours.end} in the debtor's local time (GB/T 45251-2025) unless the debtor agreed.`);
  }
  if (action.contact.target === 'third_party') {
    checked.push('third-party-refused', 'third-party-disclosure');
    if (action.contact.thirdPartyKey && history.refusedThirdParties.has(action.contact.thirdPartyKey)) return refuse('third-party-refused', v, '该第三人已拒绝接受联系，不得再次联系。', 'This third party refused contact before and may never be contacted again.');
    const disclosed = findPhrase(action.text, v.thirdPartyDisclosurePhrases);
    if (action.contact.disclosedDebt || disclosed) return refuse('third-party-disclosure', v, `对第三人只能请其转告联系方式，不得透露债务${disclosed ? `（出现“${disclosed}”）` : ''}。`, `A third party may only be asked to pass on a message, never told about the debt${disclosed ? ` (found “${disclosed}”)` : ''}.`);
  }
  if (action.kind === 'call') {
    checked.push('daily-connected-calls', 'call-window');
    if (action.contact.connected && action.contact.target === 'debtor') {
      const today = history.calls.filter((c) => c.connected && c.target === 'debtor' && localParts(c.at, action.debtorTimeZone).date === local.date).length;
      if (today >= v.connectedCallsPerDay) return refuse('daily-connected-calls', v, `今天（债务人当地日期 ${local.date}）已接通 ${today} 次电话，债权人及其全部受托机构合计每天最多 ${v.connectedCallsPerDay} 次。`, `${today} calls already connected today (${local.date}, debtor's local date); the creditor and all its agencies together may connect at most ${v.connectedCallsPerDay} a day.`);
    }
    const since = action.at.getTime() - v.callAttemptsPerWindow.days * 86_400_000;
    const attempts = history.calls.filter((c) => c.at.getTime() > since && c.at.getTime() <= action.at.getTime()).length;
    if (attempts >= v.callAttemptsPerWindow.max) return refuse('call-window', v, `${v.callAttemptsPerWindow.days} 天内已拨打 ${attempts} 次，上限 ${v.callAttemptsPerWindow.max} 次。`, `${attempts} call attempts in the last ${v.callAttemptsPerWindow.days} days; the cap is ${v.callAttemptsPerWindow.max}.`);
  }
  return { ok: true, ruleVersion: v.version, checked };
}

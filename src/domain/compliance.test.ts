import { describe, expect, it } from 'vitest';
import rulesFile from './compliance-rules.json' with { type: 'json' };
import { checkAction, inQuietHours, localParts, ruleSetAt, type ContactHistory, type ProposedAction, type RuleSet } from './compliance.js';
import { parseRules } from '../shared/compliance-rules.js';

const RULES = parseRules(rulesFile, 'test');
// 2026-11-23 10:00 in Shanghai.
const AT = new Date('2026-11-23T02:00:00Z');
const call = (over: Partial<ProposedAction> = {}): ProposedAction => ({
  kind: 'call', at: AT, caseStatus: 'active', openObjection: false, debtorTimeZone: 'Asia/Shanghai', nightConsent: false,
  contact: { target: 'debtor', connected: true, thirdPartyKey: null, disclosedDebt: false }, text: '您好，关于货款的还款安排想与您沟通。', declaredCategories: [], ...over,
});
const none: ContactHistory = { calls: [], refusedThirdParties: new Set() };
const rule = (v: ReturnType<typeof checkAction>) => (v.ok ? 'ok' : v.rule);

describe('compliance engine', () => {
  it('accepts a lawful call and names the rule version that allowed it', () => {
    const v = checkAction(RULES, call(), none);
    expect(v).toMatchObject({ ok: true, ruleVersion: '2026.1' });
    expect(v.ok && v.checked).toEqual(expect.arrayContaining(['case-status', 'quiet-hours', 'daily-connected-calls', 'call-window']));
  });

  it.each(['cooling_off', 'revoked', 'settled', 'closed', 'open', 'transferred_to_law_firm'] as const)('refuses collection on a %s case', (status) => {
    expect(rule(checkAction(RULES, call({ caseStatus: status }), none))).toBe('case-status');
  });

  it('refuses collection while an objection is under review', () => {
    expect(rule(checkAction(RULES, call({ openObjection: true }), none))).toBe('open-objection');
  });

  it('refuses contact from 22:00 to 08:00 in the debtor’s local time, not the server’s', () => {
    expect(rule(checkAction(RULES, call({ at: new Date('2026-11-23T14:00:00Z') }), none))).toBe('quiet-hours'); // 22:00 Shanghai
    expect(rule(checkAction(RULES, call({ at: new Date('2026-11-23T13:59:00Z') }), none))).toBe('ok'); // 21:59
    expect(rule(checkAction(RULES, call({ at: new Date('2026-11-22T23:59:00Z') }), none))).toBe('quiet-hours'); // 07:59
    expect(rule(checkAction(RULES, call({ at: new Date('2026-11-23T00:00:00Z') }), none))).toBe('ok'); // 08:00
    // 10:00 in Shanghai is 03:00 in Berlin: a debtor living there is protected.
    expect(rule(checkAction(RULES, call({ debtorTimeZone: 'Europe/Berlin' }), none))).toBe('quiet-hours');
  });

  it('allows quiet-hour contact when the debtor agreed', () => {
    expect(rule(checkAction(RULES, call({ at: new Date('2026-11-23T15:00:00Z'), nightConsent: true }), none))).toBe('ok');
  });

  it('caps connected calls at 3 per local day across the creditor and all its agencies', () => {
    const earlier = (h: number, connected = true) => ({ at: new Date(AT.getTime() - h * 3_600_000), connected, target: 'debtor' as const });
    const three = { calls: [earlier(1), earlier(0.5), earlier(0.2)], refusedThirdParties: new Set<string>() };
    expect(rule(checkAction(RULES, call(), three))).toBe('daily-connected-calls');
    // An unanswered attempt is not a connected call.
    expect(rule(checkAction(RULES, call({ contact: { target: 'debtor', connected: false, thirdPartyKey: null, disclosedDebt: false } }), three))).toBe('ok');
    // Yesterday's calls (Shanghai date) do not count toward today's.
    expect(rule(checkAction(RULES, call(), { calls: [earlier(11), earlier(12), earlier(13)], refusedThirdParties: new Set() }))).toBe('ok');
  });

  it('caps call attempts at 7 in 7 days', () => {
    const calls = Array.from({ length: 7 }, (_, i) => ({ at: new Date(AT.getTime() - (i + 1) * 20 * 3_600_000), connected: false, target: 'debtor' as const }));
    expect(rule(checkAction(RULES, call(), { calls, refusedThirdParties: new Set() }))).toBe('call-window');
    expect(rule(checkAction(RULES, call(), { calls: calls.slice(1), refusedThirdParties: new Set() }))).toBe('ok');
  });

  it('lets third parties be asked only to pass a message, and never again after refusing', () => {
    const tp = (text: string, disclosedDebt = false, key = 'k1') => call({ text, contact: { target: 'third_party', connected: true, thirdPartyKey: key, disclosedDebt } });
    expect(rule(checkAction(RULES, tp('请转告张先生回电 0512-1234'), none))).toBe('ok');
    expect(rule(checkAction(RULES, tp('张先生欠款未还，请转告'), none))).toBe('third-party-disclosure');
    expect(rule(checkAction(RULES, tp('请转告回电', true), none))).toBe('third-party-disclosure');
    expect(rule(checkAction(RULES, tp('请转告回电'), { calls: [], refusedThirdParties: new Set(['k1']) }))).toBe('third-party-refused');
  });

  it('refuses forbidden content by wording and by declared category, naming the category', () => {
    const v = checkAction(RULES, call({ text: '再不还钱就把你的事发给你的亲友，曝光你' }), none);
    expect(v).toMatchObject({ ok: false, rule: 'forbidden-content' });
    expect(!v.ok && v.reason.en).toMatch(/exposure/);
    expect(rule(checkAction(RULES, call({ declaredCategories: ['threat'] }), none))).toBe('forbidden-content');
  });

  it('never censors a debtor’s own reply', () => {
    expect(rule(checkAction(RULES, call({ kind: 'debtor_reply', contact: null, text: '你们就是骗子，我要曝光你们', caseStatus: 'cooling_off' }), none))).toBe('ok');
  });

  it('applies the version in force at the action’s time', () => {
    const stricter: RuleSet = { ...RULES[0]!, version: '2027.1', effectiveFrom: '2027-01-01T00:00:00+08:00', connectedCallsPerDay: 1 };
    const history = { calls: [{ at: new Date(AT.getTime() - 3_600_000), connected: true, target: 'debtor' as const }], refusedThirdParties: new Set<string>() };
    expect(checkAction([...RULES, stricter], call(), history)).toMatchObject({ ok: true, ruleVersion: '2026.1' });
    const later = new Date('2027-03-01T02:00:00Z');
    expect(checkAction([...RULES, stricter], call({ at: later }), { ...history, calls: [{ ...history.calls[0]!, at: new Date(later.getTime() - 3_600_000) }] })).toMatchObject({ ok: false, rule: 'daily-connected-calls', ruleVersion: '2027.1' });
    expect(() => ruleSetAt(RULES, new Date('2020-01-01T00:00:00Z'))).toThrow(/No compliance rule set/);
  });

  it('computes local time and quiet windows across midnight', () => {
    expect(localParts(new Date('2026-11-23T16:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-11-24', minutes: 30 });
    expect(inQuietHours(22 * 60, { start: '22:00', end: '08:00' })).toBe(true);
    expect(inQuietHours(12 * 60, { start: '22:00', end: '08:00' })).toBe(false);
    expect(inQuietHours(13 * 60, { start: '12:00', end: '14:00' })).toBe(true);
  });

  it('rejects a malformed rules file naming the field', () => {
    expect(() => parseRules({ versions: [{ ...RULES[0], retentionYears: 1 }] }, 'x.json')).toThrow(/retentionYears.*at least 2 years/);
    expect(() => parseRules({ versions: [RULES[0], RULES[0]] }, 'x.json')).toThrow(/repeat a version/);
  });
});

import { describe, expect, it } from 'vitest';
import { CURRENT_TEMPLATE_VERSION, MANDATORY_CLAUSES, renderAgreement, type AgreementFacts } from './agreement-template.js';
import { COLLECTION_KINDS, EVENT_KINDS, RECORDABLE_KINDS } from './case-events.js';

const facts: AgreementFacts = {
  reference: 'XQ-2026-000001', creditor: { name: '苏州小微贸易有限公司', creditCode: '91320505MA1234567X' }, agency: { name: '苏州金鼎盛商务咨询有限公司', creditCode: '91320500MA7ABCDE1X', filingNumber: 'SZ-2026-001' },
  debtor: { name: '某某公司', identifier: '统一社会信用代码 91320505MA0000000X' }, debt: { principalFen: 12_345_678, interestFen: 0, dueOn: '2026-06-30', description: '货款' },
  feeLines: ['0.00 元 至 50,000.00 元：30%。'], feeScheduleVersion: 2, signedAt: null, coolingOffEndsAt: null,
};

describe('commission agreement template', () => {
  it('contains every mandatory clause, marked as such', () => {
    const a = renderAgreement(CURRENT_TEMPLATE_VERSION, facts);
    for (const id of MANDATORY_CLAUSES) expect(a.sections.find((s) => s.id === id)?.mandatory, id).toBe(true);
    expect(a.text).toContain('跟踪');
    expect(a.text).toContain('恐吓');
    expect(a.text).toContain('仅按实际回收款项的比例收取');
    expect(a.text).toContain('48 小时内');
    expect(a.text).toContain('24 小时内为冷静期');
    expect(a.text).toContain('个人信息处理授权');
    expect(a.text).toContain('123,456.78');
  });

  it('hashes the exact text, so a signed agreement differs from its draft', () => {
    const draft = renderAgreement(CURRENT_TEMPLATE_VERSION, facts);
    const signed = renderAgreement(CURRENT_TEMPLATE_VERSION, { ...facts, signedAt: '2026-11-23T04:00:00.000Z', coolingOffEndsAt: '2026-11-24T04:00:00.000Z' });
    expect(draft.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.sha256).not.toBe(draft.sha256);
    expect(signed.text).toContain('2026/11/24 12:00:00');
    expect(renderAgreement(CURRENT_TEMPLATE_VERSION, facts).sha256).toBe(draft.sha256);
  });

  it('refuses an unknown template version', () => {
    expect(() => renderAgreement('commission-1999.1', facts)).toThrow(/Unknown agreement template/);
  });
});

describe('case event kinds', () => {
  it('has the seventeen collection kinds of the issue, in order, plus report and lifecycle kinds', () => {
    expect(COLLECTION_KINDS).toEqual(['collection_letter', 'call', 'sms', 'visit', 'debtor_reply', 'payment_promise', 'partial_payment', 'full_payment', 'asset_clue', 'mediation_opened', 'lawsuit_filed', 'preservation_order', 'judgement', 'enforcement', 'objection_filed', 'complaint_filed', 'case_closed']);
    expect(RECORDABLE_KINDS).not.toContain('full_payment');
    expect(RECORDABLE_KINDS).toContain('investigation_report');
    for (const k of Object.values(EVENT_KINDS)) expect(k.label['zh-CN'].length).toBeGreaterThan(0);
  });
});

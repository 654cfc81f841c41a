import { describe, expect, it } from 'vitest';
import { verifyAgency, type AgencyFacts, type ScopeRule } from './agency-verification.js';

const RULES: ScopeRule[] = [
  { serviceCode: 'account_management', labelZh: '商账管理', labelEn: 'Commercial account management', acceptedPhrases: ['商账管理', '应收账款管理'] },
  { serviceCode: 'legal_affairs', labelZh: '法律事务咨询', labelEn: 'Legal-affairs consulting', acceptedPhrases: ['法律咨询'] },
];
const AS_OF = new Date('2026-11-23T00:00:00Z');

function facts(over: Partial<AgencyFacts> = {}): AgencyFacts {
  return {
    filedCreditCode: '91350100M000100Y43',
    filedName: '福州示例商账管理有限公司',
    filingCityCode: '350100',
    services: ['account_management'],
    enterprise: { creditCode: '91350100M000100Y43', name: '福州示例商账管理有限公司', formerNames: ['福州旧名咨询有限公司'], status: 'active', businessScope: '商账管理服务；企业管理咨询', divisionCode: '350100' },
    dishonest: [], enforcement: [], revocations: [], abnormal: [], penalties: [], lawsuits: [],
    ...over,
  };
}

describe('three-step agency verification', () => {
  it('grades a clean, covered, registered agency green', () => {
    const r = verifyAgency(facts(), RULES, AS_OF);
    expect(r.grade).toBe('green');
    expect(r.steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'pass']);
    expect(r.explanation.en).toMatch(/^Green/);
  });

  it('step 1 fails for an invalid code, an unregistered code, another enterprise\'s code, or a revoked enterprise', () => {
    expect(verifyAgency(facts({ filedCreditCode: '91350100M000100Y44' }), RULES, AS_OF).steps[0]!.reasons[0]!.code).toBe('credit_code_invalid');
    expect(verifyAgency(facts({ enterprise: null }), RULES, AS_OF).steps[0]!.reasons[0]!.code).toBe('not_registered');
    const other = verifyAgency(facts({ filedName: '别的公司' }), RULES, AS_OF);
    expect(other.grade).toBe('red');
    expect(other.steps[0]!.reasons.map((x) => x.code)).toContain('name_mismatch');
    const revoked = verifyAgency(facts({ enterprise: { ...facts().enterprise!, status: 'revoked' } }), RULES, AS_OF);
    expect(revoked.steps[0]!.reasons.map((x) => x.code)).toContain('enterprise_not_active');
  });

  it('step 1 warns for a former name or a filing in another city', () => {
    expect(verifyAgency(facts({ filedName: '福州旧名咨询有限公司' }), RULES, AS_OF).grade).toBe('yellow');
    const elsewhere = verifyAgency(facts({ filingCityCode: '320500' }), RULES, AS_OF);
    expect(elsewhere.steps[0]!.verdict).toBe('warn');
  });

  it('step 2: 企业管理咨询 alone does not cover commercial account management', () => {
    const r = verifyAgency(facts({ enterprise: { ...facts().enterprise!, businessScope: '企业管理咨询；商务信息咨询' } }), RULES, AS_OF);
    expect(r.grade).toBe('red');
    expect(r.steps[1]!.verdict).toBe('fail');
    expect(r.steps[1]!.reasons[0]!.message['zh-CN']).toContain('仅有“企业管理咨询、商务信息咨询”不足以覆盖');
  });

  it('step 2 warns when only some services are covered', () => {
    const r = verifyAgency(facts({ services: ['account_management', 'legal_affairs'] }), RULES, AS_OF);
    expect(r.steps[1]!.verdict).toBe('warn');
    expect(r.grade).toBe('yellow');
  });

  it('step 3 fails on dishonest listing, open enforcement, revocation or current abnormal entry', () => {
    const cases: Array<[Partial<AgencyFacts>, string]> = [
      [{ dishonest: [{ caseNumber: '（2025）苏0508执1号', removedOn: null }] }, 'dishonest_listed'],
      [{ enforcement: [{ caseNumber: '（2025）苏0508执2号', status: 'open' }] }, 'open_enforcement'],
      [{ revocations: [{ documentNumber: 'X', revokedOn: '2025-01-01' }] }, 'licence_revoked'],
      [{ abnormal: [{ reason: '未依照规定的期限公示年度报告', listedOn: '2026-01-01', removedOn: null }] }, 'abnormal_listed'],
    ];
    for (const [over, code] of cases) {
      const r = verifyAgency(facts(over), RULES, AS_OF);
      expect(r.grade, code).toBe('red');
      expect(r.steps[2]!.reasons.map((x) => x.code)).toContain(code);
      expect(r.explanation['zh-CN']).toMatch(/^红色/);
    }
  });

  it('step 3 ignores removed listings and closed enforcement, warns on recent penalties and open suits as defendant', () => {
    const r = verifyAgency(facts({
      dishonest: [{ caseNumber: 'A', removedOn: '2025-01-01' }],
      enforcement: [{ caseNumber: 'B', status: 'closed' }],
      abnormal: [{ reason: 'x', listedOn: '2024-01-01', removedOn: '2024-06-01' }],
      penalties: [{ decisionNumber: 'P1', decidedOn: '2025-06-01' }, { decisionNumber: 'P0', decidedOn: '2020-01-01' }],
      lawsuits: [{ caseNumber: 'L', role: 'defendant', status: 'open' }, { caseNumber: 'M', role: 'plaintiff', status: 'open' }],
    }), RULES, AS_OF);
    expect(r.grade).toBe('yellow');
    const codes = r.steps[2]!.reasons.map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['recent_penalties', 'open_lawsuits']));
    expect(r.steps[2]!.reasons.find((x) => x.code === 'recent_penalties')!.message.en).toContain('1 administrative penalty');
    expect(r.steps[2]!.reasons.find((x) => x.code === 'open_lawsuits')!.message.en).toContain('Defendant in 1');
  });
});

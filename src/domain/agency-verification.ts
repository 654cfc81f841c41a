/**
 * Three-step agency verification, as Credit Lianyungang does it:
 *  1. identity — the filed credit code is valid and belongs to a registered, operating enterprise;
 *  2. scope — the business scope covers every service the agency offers (rules are data);
 *  3. record — no dishonest-debtor listing, open enforcement, revoked licence or current abnormal entry.
 * The grade is red if any step fails, yellow if any step warns, green otherwise — and always says why.
 */
import { checkCreditCode } from './credit-code.js';
import { foldText } from './search-text.js';

/** A step's or the whole result's verdict. */
export type Verdict = 'pass' | 'warn' | 'fail';
/** Traffic-light grade shown to users. */
export type Grade = 'green' | 'yellow' | 'red';

/** One reason, with messages in each supported language so every client can show it. */
export interface Reason {
  code: string;
  verdict: Verdict;
  message: { 'zh-CN': string; en: string };
}

/** The result of one step. */
export interface StepResult {
  step: 1 | 2 | 3;
  key: 'identity' | 'scope' | 'record';
  verdict: Verdict;
  reasons: Reason[];
}

/** The full verification answer. */
export interface VerificationResult {
  grade: Grade;
  explanation: { 'zh-CN': string; en: string };
  steps: StepResult[];
  asOf: string;
}

/** A rule mapping a service to the business-scope phrases that cover it. */
export interface ScopeRule {
  serviceCode: string;
  labelZh: string;
  labelEn: string;
  acceptedPhrases: string[];
}

/** Everything the verification needs, gathered by the service from the registry. */
export interface AgencyFacts {
  filedCreditCode: string;
  filedName: string;
  filingCityCode: string;
  services: string[];
  enterprise: { creditCode: string; name: string; formerNames: string[]; status: string; businessScope: string; divisionCode: string } | null;
  dishonest: Array<{ caseNumber: string; removedOn: string | null }>;
  enforcement: Array<{ caseNumber: string; status: 'open' | 'closed' }>;
  revocations: Array<{ documentNumber: string; revokedOn: string }>;
  abnormal: Array<{ reason: string; listedOn: string; removedOn: string | null }>;
  penalties: Array<{ decisionNumber: string; decidedOn: string }>;
  lawsuits: Array<{ caseNumber: string; role: string; status: 'open' | 'closed' }>;
}

/** Generic phrases that look relevant but do not authorise any collection-related service on their own. */
export const INSUFFICIENT_PHRASES = ['企业管理咨询', '商务信息咨询', '商务咨询', '信息咨询'];
const PENALTY_LOOKBACK_YEARS = 3;

function reason(code: string, verdict: Verdict, zh: string, en: string): Reason {
  return { code, verdict, message: { 'zh-CN': zh, en } };
}

function worst(reasons: ReadonlyArray<{ verdict: Verdict }>): Verdict {
  if (reasons.some((r) => r.verdict === 'fail')) return 'fail';
  return reasons.some((r) => r.verdict === 'warn') ? 'warn' : 'pass';
}

/** Step 1: the credit code is valid and is a registered, operating enterprise's. */
export function verifyIdentity(f: AgencyFacts): StepResult {
  const reasons: Reason[] = [];
  const check = checkCreditCode(f.filedCreditCode);
  if (!check.valid) {
    reasons.push(reason('credit_code_invalid', 'fail', `备案的统一社会信用代码无效：${check.message?.['zh-CN']}`, `The filed credit code is invalid: ${check.message?.en}`));
  } else if (!f.enterprise || f.enterprise.creditCode !== check.normalised) {
    reasons.push(reason('not_registered', 'fail', '该信用代码不属于任何登记在册的企业。', 'The credit code does not belong to any registered enterprise.'));
  } else {
    const filed = foldText(f.filedName);
    if (filed === foldText(f.enterprise.name)) {
      reasons.push(reason('credit_code_matches', 'pass', `信用代码有效，属于登记企业“${f.enterprise.name}”。`, `The credit code is valid and belongs to the registered enterprise “${f.enterprise.name}”.`));
    } else if (f.enterprise.formerNames.some((n) => foldText(n) === filed)) {
      reasons.push(reason('filed_under_former_name', 'warn', `备案名称“${f.filedName}”是该企业的曾用名，现名“${f.enterprise.name}”。`, `Filed under the former name “${f.filedName}”; the enterprise is now “${f.enterprise.name}”.`));
    } else {
      reasons.push(reason('name_mismatch', 'fail', `信用代码属于“${f.enterprise.name}”，而不是备案名称“${f.filedName}”。`, `The credit code belongs to “${f.enterprise.name}”, not to the filed name “${f.filedName}”.`));
    }
    if (f.enterprise.status !== 'active') {
      reasons.push(reason('enterprise_not_active', 'fail', `企业登记状态为“${statusZh(f.enterprise.status)}”，不能合法经营。`, `The enterprise's registration status is "${f.enterprise.status}"; it may not operate.`));
    }
    if (f.enterprise.divisionCode.slice(0, 4) !== f.filingCityCode.slice(0, 4)) {
      reasons.push(reason('registered_elsewhere', 'warn', '企业登记地与备案城市不一致，请核实其在本地的经营场所。', 'The enterprise is registered in a different city from its filing; check its local premises.'));
    }
  }
  return { step: 1, key: 'identity', verdict: worst(reasons), reasons };
}

/** Step 2: each offered service is covered by a phrase of the business scope. */
export function verifyScope(f: AgencyFacts, rules: readonly ScopeRule[]): StepResult {
  const reasons: Reason[] = [];
  const scope = f.enterprise?.businessScope ?? '';
  const uncovered: ScopeRule[] = [];
  for (const code of f.services) {
    const rule = rules.find((r) => r.serviceCode === code);
    if (!rule) {
      reasons.push(reason('unknown_service', 'warn', `服务“${code}”没有经营范围规则，无法核验。`, `Service "${code}" has no scope rule and cannot be checked.`));
      continue;
    }
    const phrase = rule.acceptedPhrases.find((p) => scope.includes(p));
    if (phrase) reasons.push(reason('service_covered', 'pass', `“${rule.labelZh}”由经营范围中的“${phrase}”覆盖。`, `“${rule.labelEn}” is covered by “${phrase}” in the business scope.`));
    else uncovered.push(rule);
  }
  // Name each generic phrase once: 信息咨询 inside 商务信息咨询 is the same phrase.
  const found = INSUFFICIENT_PHRASES.filter((p) => scope.includes(p));
  const generic = found.filter((p) => !found.some((q) => q !== p && q.includes(p)));
  for (const rule of uncovered) {
    const hint = generic.length ? `（仅有“${generic.join('、')}”不足以覆盖）` : '';
    const hintEn = generic.length ? ` (“${generic.join('”, “')}” alone is not enough)` : '';
    reasons.push(reason('service_not_covered', 'fail', `经营范围不包含“${rule.labelZh}”${hint}。`, `The business scope does not cover “${rule.labelEn}”${hintEn}.`));
  }
  if (f.services.length === 0) reasons.push(reason('no_services', 'warn', '机构未申报任何服务项目。', 'The agency has declared no services.'));
  // Some services covered and some not is a warning about those services, not about the whole agency.
  const covered = reasons.filter((r) => r.code === 'service_covered').length;
  const verdict = uncovered.length === 0 ? worst(reasons) : covered > 0 ? 'warn' : 'fail';
  if (verdict === 'warn') for (const r of reasons) if (r.code === 'service_not_covered') r.verdict = 'warn';
  return { step: 2, key: 'scope', verdict, reasons };
}

/** Step 3: no blocking public record; older or lesser records are warnings. */
export function verifyRecord(f: AgencyFacts, asOf: Date): StepResult {
  const reasons: Reason[] = [];
  const dishonest = f.dishonest.filter((d) => !d.removedOn);
  const openEnforcement = f.enforcement.filter((e) => e.status === 'open');
  const abnormal = f.abnormal.filter((a) => !a.removedOn);
  if (dishonest.length) reasons.push(reason('dishonest_listed', 'fail', `被列入失信被执行人名单 ${dishonest.length} 条（${dishonest.map((d) => d.caseNumber).join('；')}）。`, `Listed as a dishonest judgment debtor (${dishonest.length}: ${dishonest.map((d) => d.caseNumber).join('; ')}).`));
  if (openEnforcement.length) reasons.push(reason('open_enforcement', 'fail', `有 ${openEnforcement.length} 条未结的被执行记录。`, `${openEnforcement.length} open judicial-enforcement record(s).`));
  if (f.revocations.length) reasons.push(reason('licence_revoked', 'fail', `有 ${f.revocations.length} 条许可证/执照吊销记录。`, `${f.revocations.length} licence revocation(s).`));
  if (abnormal.length) reasons.push(reason('abnormal_listed', 'fail', `当前列入经营异常名录（${abnormal.map((a) => a.reason).join('；')}）。`, `Currently on the operating-abnormality list (${abnormal.length}).`));
  const cutoff = new Date(asOf);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - PENALTY_LOOKBACK_YEARS);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  const recentPenalties = f.penalties.filter((p) => p.decidedOn >= cutoffDay);
  if (recentPenalties.length) reasons.push(reason('recent_penalties', 'warn', `近 ${PENALTY_LOOKBACK_YEARS} 年有 ${recentPenalties.length} 条行政处罚。`, `${recentPenalties.length} administrative penalt${recentPenalties.length === 1 ? 'y' : 'ies'} in the last ${PENALTY_LOOKBACK_YEARS} years.`));
  const openAsDefendant = f.lawsuits.filter((l) => l.status === 'open' && l.role === 'defendant');
  if (openAsDefendant.length) reasons.push(reason('open_lawsuits', 'warn', `作为被告有 ${openAsDefendant.length} 起未结诉讼。`, `Defendant in ${openAsDefendant.length} open lawsuit(s).`));
  const pastAbnormal = f.abnormal.filter((a) => a.removedOn);
  if (pastAbnormal.length && !abnormal.length) reasons.push(reason('past_abnormal', 'pass', `曾列入经营异常名录 ${pastAbnormal.length} 次，均已移出。`, `Listed as abnormal ${pastAbnormal.length} time(s) before; all removed.`));
  if (!reasons.some((r) => r.verdict !== 'pass')) reasons.unshift(reason('clean_record', 'pass', '无失信、未结执行、吊销或当前经营异常记录。', 'No dishonest listing, open enforcement, revocation or current abnormal entry.'));
  return { step: 3, key: 'record', verdict: worst(reasons), reasons };
}

/** Runs all three steps and explains the grade. */
export function verifyAgency(f: AgencyFacts, rules: readonly ScopeRule[], asOf: Date): VerificationResult {
  const steps = [verifyIdentity(f), verifyScope(f, rules), verifyRecord(f, asOf)];
  const verdict = worst(steps);
  const grade: Grade = verdict === 'fail' ? 'red' : verdict === 'warn' ? 'yellow' : 'green';
  // Explain with the reasons that decided the grade: failures for red, warnings for yellow.
  const details = steps.flatMap((s) => s.reasons.filter((r) => r.verdict === verdict && verdict !== 'pass').map((r) => ({ step: s.step, r })));
  const zhLead = { green: '绿色：三步核验全部通过。', yellow: '黄色：可以委托，但请注意以下事项：', red: '红色：不建议委托，原因：' }[grade];
  const enLead = { green: 'Green: all three checks passed.', yellow: 'Yellow: usable, but note the following:', red: 'Red: not recommended, because:' }[grade];
  return {
    grade,
    explanation: {
      'zh-CN': [zhLead, ...details.map((d) => `第${d.step}步 — ${d.r.message['zh-CN']}`)].join(' '),
      en: [enLead, ...details.map((d) => `Step ${d.step} — ${d.r.message.en}`)].join(' '),
    },
    steps,
    asOf: asOf.toISOString(),
  };
}

function statusZh(status: string): string {
  return ({ active: '存续', revoked: '吊销', cancelled: '注销', moved_out: '迁出' } as Record<string, string>)[status] ?? status;
}

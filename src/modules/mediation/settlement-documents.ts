/** The mediation settlement agreement and the application for judicial confirmation, as renderable documents. */
import { createHash } from 'node:crypto';
import type { RenderedAgreement } from '../../domain/agreement-template.js';
import type { InstalmentPlan, LumpSum } from '../../domain/mediation/repayment-plan.js';

/** What both documents are filled with. */
export interface SettlementFacts {
  reference: string;
  creditor: string;
  debtor: string;
  debtorId: string;
  disputeType: string;
  owedFen: number;
  plan: LumpSum | InstalmentPlan;
  agreedAt: string;
}

const yuan = (fen: number) => `人民币 ${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** The plan in words. */
export function describePlan(plan: LumpSum | InstalmentPlan): string[] {
  return plan.kind === 'lump_sum'
    ? [`债务人于 ${plan.dueOn} 前一次性支付 ${yuan(plan.payFen)}（在 ${yuan(plan.totalFen)} 基础上减免 ${(plan.discountBps / 100).toString()}%），付清后双方债权债务了结。`]
    : [`债务人分 ${plan.instalments.length} 期支付共 ${yuan(plan.totalFen)}：`, ...plan.instalments.map((i) => `第 ${i.n} 期：${i.dueOn} 前支付 ${yuan(i.amountFen)}。`), '任何一期逾期未付的，委托人可就全部未付款项申请强制执行或恢复催收。'];
}

function finish(version: string, title: string, sections: RenderedAgreement['sections']): RenderedAgreement {
  const text = [title, `模板版本 ${version}`, ...sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
  return { templateVersion: version, title, sections, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** The settlement agreement reached in mediation. */
export function settlementAgreement(f: SettlementFacts): RenderedAgreement {
  return finish('settlement-2026.1', '调解协议书', [
    { id: 'parties', heading: '一、当事人', mandatory: false, paragraphs: [`权利人：${f.creditor}。`, `义务人：${f.debtor}（${f.debtorId}）。`] },
    { id: 'dispute', heading: '二、纠纷', mandatory: false, paragraphs: [`双方因${f.disputeType}发生纠纷，截至协议达成时未付金额 ${yuan(f.owedFen)}（信桥案件 ${f.reference}）。`] },
    { id: 'plan', heading: '三、还款安排', mandatory: true, paragraphs: describePlan(f.plan) },
    { id: 'effect', heading: '四、效力', mandatory: true, paragraphs: ['本协议经双方在信桥平台确认后成立，自愿达成，不违反法律规定。双方可以自本协议生效之日起三十日内共同向有管辖权的人民法院申请司法确认。', '每笔还款记入平台并写入证据透明日志。'] },
    { id: 'signature', heading: '五、确认', mandatory: false, paragraphs: [`双方于 ${new Date(f.agreedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）在平台确认。`] },
  ]);
}

/** The joint application for judicial confirmation of the mediation agreement (民事诉讼法 第二百零五条). */
export function judicialConfirmationApplication(f: SettlementFacts, agreementSha256: string): RenderedAgreement {
  return finish('judicial-confirmation-2026.1', '司法确认申请书', [
    { id: 'applicants', heading: '一、申请人', mandatory: false, paragraphs: [`申请人一：${f.creditor}。`, `申请人二：${f.debtor}（${f.debtorId}）。`] },
    { id: 'request', heading: '二、请求事项', mandatory: true, paragraphs: [`请求人民法院依法确认申请人于 ${f.agreedAt.slice(0, 10)} 经信桥平台调解达成的调解协议（SHA-256 ${agreementSha256}）有效。`] },
    { id: 'facts', heading: '三、事实与理由', mandatory: false, paragraphs: [`申请人因${f.disputeType}纠纷，未付金额 ${yuan(f.owedFen)}，经调解自愿达成协议：`, ...describePlan(f.plan), '协议内容不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。'] },
    { id: 'attachments', heading: '四、附件', mandatory: true, paragraphs: ['1. 调解协议书（含 SHA-256，可在信桥证据页核验）；', '2. 双方身份证明或营业执照复印件；', '3. 与纠纷相关的证据材料目录；', '4. 送达地址确认书。', '申请应在调解协议生效之日起三十日内，由双方共同向有管辖权的基层人民法院提出。'] },
  ]);
}

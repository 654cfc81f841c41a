/**
 * The payment-order (支付令) helper: for an uncontested monetary debt with evidence, the application a creditor files
 * with the basic people's court of the debtor's domicile (Civil Procedure Law art. 225–227), filled from the case —
 * or, when the conditions are not met, the list of what is missing.
 */
import { createHash } from 'node:crypto';
import type { RenderedAgreement } from '../../domain/agreement-template.js';
import { decodeDivision } from '../../domain/division.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { loadCase } from '../cases/case-access.js';
import { statement } from '../cases/record-payment.service.js';
import { openObjectionCount } from '../objections/objections.service.js';

const yuan = (fen: number) => `人民币 ${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** What stands in the way of a payment order, in words; empty when it may be applied for. */
export async function paymentOrderObstacles(ctx: ServiceContext, caseId: number): Promise<string[]> {
  const { kase, debt } = await loadCase(ctx, caseId);
  const evidence = (JSON.parse(debt.documents) as string[]).length + (await ctx.db.selectFrom('case_events').select('evidence').where('case_id', '=', kase.id).execute()).reduce((n, e) => n + (JSON.parse(e.evidence) as string[]).length, 0);
  const out: string[] = [];
  if (debt.debtor_kind !== 'enterprise' && !debt.debtor_person_id) out.push('债务人身份不明，无法送达');
  if (evidence === 0) out.push('没有证据材料：请先上传合同、送货单、对账单或欠条等（/evidence）');
  if ((await openObjectionCount(ctx.db, kase.id)) > 0) out.push('债务人对案件记录提出的异议尚在复核：债务存在争议时不宜申请支付令');
  const disputed = await ctx.db.selectFrom('mediation_offers').select('situation').where('case_id', '=', kase.id).where('situation', '=', 'disputes_amount').executeTakeFirst();
  if (disputed) out.push('调解中债务人对金额提出异议：债务存在争议时不宜申请支付令');
  if (['settled', 'revoked', 'closed'].includes(kase.status)) out.push(`案件已${kase.status === 'settled' ? '结清' : '结束'}`);
  return out;
}

/** The application, or a 409 listing what is missing. */
export async function paymentOrderApplication(ctx: ServiceContext, caseId: number): Promise<RenderedAgreement> {
  const obstacles = await paymentOrderObstacles(ctx, caseId);
  if (obstacles.length) throw new AppError('conflict', `A payment order cannot be applied for yet: ${obstacles.join('; ')}.`, obstacles.map((o) => ({ field: 'case', detail: o })));
  const { kase, debt } = await loadCase(ctx, caseId);
  const st = await statement(ctx, caseId);
  const owed = st.owedFen - st.totals.recoveredFen;
  const creditor = await ctx.db.selectFrom('users').select(['display_name', 'enterprise_credit_code']).where('id', '=', debt.creditor_user_id).executeTakeFirstOrThrow();
  const division = debt.debtor_credit_code ? decodeDivision(debt.debtor_credit_code.slice(2, 8)) : null;
  const court = division ? `${division.city ?? division.province}${division.county ?? ''}人民法院（债务人住所地基层人民法院）` : '债务人住所地基层人民法院';
  const events = await ctx.db.selectFrom('case_events').select(['kind', 'evidence', 'occurred_at']).where('case_id', '=', kase.id).execute();
  const evidence = [...(JSON.parse(debt.documents) as string[]).map((h) => `债权凭证 SHA-256 ${h}`), ...events.flatMap((e) => (JSON.parse(e.evidence) as string[]).map((h) => `${e.occurred_at.slice(0, 10)} ${e.kind} 证据 SHA-256 ${h}`))];
  const sections: RenderedAgreement['sections'] = [
    { id: 'parties', heading: '一、当事人', mandatory: false, paragraphs: [`申请人：${creditor.display_name}${creditor.enterprise_credit_code ? `（统一社会信用代码 ${creditor.enterprise_credit_code}）` : ''}。`, `被申请人：${debt.debtor_name}${debt.debtor_credit_code ? `（统一社会信用代码 ${debt.debtor_credit_code}）` : ''}。`] },
    { id: 'request', heading: '二、请求事项', mandatory: true, paragraphs: [`请求人民法院向被申请人发出支付令，督促其给付 ${yuan(owed)}（本金 ${yuan(debt.principal_fen)}，利息 ${yuan(debt.interest_fen)}，已收回 ${yuan(st.totals.recoveredFen)}）。`] },
    { id: 'facts', heading: '三、事实与理由', mandatory: true, paragraphs: [`${debt.description}。款项于 ${debt.due_on} 到期，经催告被申请人至今未付（信桥案件 ${kase.reference}，全部记录可在信桥证据透明日志中核验）。`, '申请人与被申请人之间没有其他债务纠纷，支付令能够送达被申请人（民事诉讼法第二百二十五条）。'] },
    { id: 'evidence', heading: '四、证据清单', mandatory: true, paragraphs: evidence.length ? evidence : ['（无）'] },
    { id: 'court', heading: '五、管辖法院', mandatory: false, paragraphs: [`${court}。`] },
    { id: 'checklist', heading: '六、法院需要的材料', mandatory: true, paragraphs: ['1. 本申请书（按被申请人人数提交副本）；', '2. 申请人身份证明（营业执照副本或身份证复印件、法定代表人身份证明）；', '3. 债权凭证与证据清单所列材料（可打印信桥证据页的核验结果）；', '4. 被申请人的送达地址；', '5. 申请费（按诉讼费的三分之一交纳，法院通知为准）。', '被申请人在收到支付令之日起十五日内不清偿也不提出书面异议的，申请人可以申请强制执行。'] },
  ];
  const title = '支付令申请书';
  const text = [title, '模板版本 payment-order-2026.1', ...sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
  return { templateVersion: 'payment-order-2026.1', title, sections, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

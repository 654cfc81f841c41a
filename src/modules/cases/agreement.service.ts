/** The commission agreement of a case: rendered from its template version and the case's facts. */
import { renderAgreement, type RenderedAgreement } from '../../domain/agreement-template.js';
import { maskIdNumber } from '../../domain/pii-mask.js';
import type { CaseRow, DebtRow } from '../../db/schema.js';
import type { ServiceContext } from '../../shared/context.js';
import { agencySummary } from '../registry/registry.service.js';
import { agreementDocx, agreementPdf } from './agreement-documents.js';
import { loadCase } from './case-access.js';
import type { PublishedSchedule } from './fee-schedules.service.js';
import type { PiiCipher } from '../privacy/pii-cipher.js';

/** Renders the agreement of a loaded case; `signedAt` overrides the stored time while signing. */
export async function renderCaseAgreement(ctx: ServiceContext, pii: PiiCipher, kase: CaseRow, debt: DebtRow, signedAt = kase.signed_at, coolingOffEndsAt = kase.cooling_off_ends_at): Promise<RenderedAgreement> {
  const agency = (await agencySummary(ctx, kase.agency_id))!;
  const creditor = await ctx.db.selectFrom('users').select(['display_name', 'enterprise_credit_code']).where('id', '=', debt.creditor_user_id).executeTakeFirstOrThrow();
  const schedule = JSON.parse(kase.fee_schedule) as PublishedSchedule;
  const identifier = debt.debtor_kind === 'enterprise' ? `统一社会信用代码 ${debt.debtor_credit_code}` : `身份证号 ${debt.debtor_person_id ? await maskedIdNumber(ctx, pii, debt.debtor_person_id) : '—'}`;
  return renderAgreement(kase.template_version, {
    reference: kase.reference,
    creditor: { name: creditor.display_name, creditCode: creditor.enterprise_credit_code },
    agency: { name: agency.name, creditCode: agency.creditCode, filingNumber: agency.filingNumber },
    debtor: { name: debt.debtor_name, identifier },
    debt: { principalFen: debt.principal_fen, interestFen: debt.interest_fen, dueOn: debt.due_on, description: debt.description },
    feeLines: describeBrackets(schedule),
    feeScheduleVersion: kase.fee_schedule_version,
    signedAt,
    coolingOffEndsAt,
  });
}

/** Plain-language brackets of a schedule, in Chinese. */
export function describeBrackets(s: PublishedSchedule): string[] {
  const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
  const pct = (bps: number) => `${bps / 100}%`;
  const mode = s.mode === 'progressive' ? '超额累进（各段分别按本段费率计算，如同个人所得税）' : '全额按档（全部回收金额按其所在档的费率计算）';
  let lower = 0;
  const lines = [`计费方式：${mode}。`];
  for (const b of s.brackets) {
    lines.push(b.upToFen === null ? `${yuan(lower)} 以上：${pct(b.rateBps)}。` : `${yuan(lower)} 至 ${yuan(b.upToFen)}：${pct(b.rateBps)}。`);
    lower = b.upToFen ?? lower;
  }
  if (s.minFeeFen !== undefined) lines.push(`最低收费 ${yuan(s.minFeeFen)}（不超过回收金额）。`);
  if (s.capFen !== undefined) lines.push(`收费上限 ${yuan(s.capFen)}。`);
  lines.push('服务费按四舍五入精确到分，仅对合计金额取整一次。');
  return lines;
}

async function maskedIdNumber(ctx: ServiceContext, pii: PiiCipher, personId: number): Promise<string> {
  // The agreement shows the ID number masked (PIPL data minimisation); the full number stays encrypted.
  const p = await ctx.db.selectFrom('persons').select('id_number_enc').where('id', '=', personId).executeTakeFirst();
  return p ? maskIdNumber(pii.decrypt(p.id_number_enc)) : '—';
}

/** The agreement of a case the caller is party to, as JSON, PDF or DOCX. */
export async function caseAgreement(ctx: ServiceContext, pii: PiiCipher, caseId: number, format: 'json' | 'pdf' | 'docx') {
  const { kase, debt } = await loadCase(ctx, caseId);
  const a = await renderCaseAgreement(ctx, pii, kase, debt);
  if (format === 'pdf') return { agreement: a, body: Buffer.from(await agreementPdf(a)), type: 'application/pdf' };
  if (format === 'docx') return { agreement: a, body: await agreementDocx(a), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  return { agreement: a, body: null, type: 'application/json' };
}

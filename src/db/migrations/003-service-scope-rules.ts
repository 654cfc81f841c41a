/**
 * Step 2 of agency verification compares an agency's business scope with the services it offers.
 * The rules are data (operators can edit them); these are the defaults. Generic phrases such as
 * 企业管理咨询 or 商务信息咨询 deliberately cover nothing on their own.
 */
import type { Kysely } from 'kysely';

/** Default rules: a scope covers a service when it contains any accepted phrase. */
export const DEFAULT_SCOPE_RULES = [
  { service_code: 'account_management', label_zh: '商账管理', label_en: 'Commercial account management', accepted_phrases: ['商账管理', '应收账款管理', '账款管理服务'] },
  { service_code: 'legal_affairs', label_zh: '法律事务咨询', label_en: 'Legal-affairs consulting', accepted_phrases: ['法律咨询', '法律事务咨询', '法律事务代理', '法律服务'] },
  { service_code: 'credit_management', label_zh: '信用管理', label_en: 'Credit management', accepted_phrases: ['信用管理', '企业信用评估', '信用服务', '征信服务'] },
  { service_code: 'asset_disposal', label_zh: '不良资产处置', label_en: 'Non-performing asset disposal', accepted_phrases: ['不良资产处置', '不良资产收购', '资产管理'] },
  { service_code: 'mediation_support', label_zh: '商事调解', label_en: 'Commercial mediation', accepted_phrases: ['商事调解', '调解服务', '人民调解'] },
  { service_code: 'judicial_auction', label_zh: '司法拍卖辅助', label_en: 'Judicial auction support', accepted_phrases: ['拍卖', '司法辅助服务'] },
];

/** Seeds the default rules. */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('service_scope_rules')
    .values(DEFAULT_SCOPE_RULES.map((r, i) => ({ ...r, accepted_phrases: JSON.stringify(r.accepted_phrases), sort_order: i })))
    .execute();
}

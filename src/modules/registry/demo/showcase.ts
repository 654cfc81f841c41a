/**
 * Named agencies that every demo database contains, so the README, the tests and a first-time user
 * can find known cases: 金鼎盛 (green, AAA, filed under its former name's successor), a yellow one with
 * a contract dispute, and red ones for a dishonest listing and a business scope that does not cover
 * debt services. Names follow the seed articles; any resemblance to real firms is not intended.
 */
import type { EnterpriseInput } from '../registry.repository.js';
import type { DemoBatch, DemoState } from './generate.js';
import { AGENCY_SCOPE } from './pools.js';

/** A fixed demo agency. */
export interface ShowcaseAgency {
  cityCode: string;
  name: string;
  filedName?: string;
  formerNames: string[];
  scope: string;
  services: string[];
  certification: 'A' | 'AA' | 'AAA' | null;
  recommended: boolean;
  records(e: EnterpriseInput, out: DemoBatch, s: DemoState): void;
}

const scopeOf = (...services: string[]) => `${services.map((s) => AGENCY_SCOPE[s]).join('；')}；企业管理咨询。（依法须经批准的项目，经相关部门批准后方可开展经营活动）`;
const none = () => undefined;

/** The fixed agencies, in insertion order. */
export const SHOWCASE: ShowcaseAgency[] = [
  {
    cityCode: '320700', name: '连云港金鼎盛商账管理有限公司', formerNames: ['连云港金鼎盛国际商务咨询有限公司'],
    scope: scopeOf('account_management', 'credit_management', 'legal_affairs'), services: ['account_management', 'credit_management'], certification: 'AAA', recommended: true, records: none,
  },
  {
    cityCode: '320700', name: '连云港德律法律咨询有限公司', formerNames: [],
    scope: scopeOf('legal_affairs', 'mediation_support'), services: ['legal_affairs', 'mediation_support'], certification: 'AA', recommended: true, records: none,
  },
  {
    cityCode: '320700', name: '连云港港城司法拍卖有限公司', formerNames: [],
    scope: scopeOf('judicial_auction', 'asset_disposal'), services: ['judicial_auction', 'asset_disposal'], certification: 'AA', recommended: true, records: none,
  },
  {
    cityCode: '320500', name: '苏州恒信商务咨询有限公司', formerNames: [],
    scope: scopeOf('account_management'), services: ['account_management'], certification: 'A', recommended: false,
    records: (e, out, s) => {
      out.lawsuits.push({ creditCode: e.creditCode, caseNumber: `（${s.asOf.getUTCFullYear()}）苏0508民初${s.serial()}号`, court: '苏州市姑苏区人民法院', cause: '服务合同纠纷', role: 'defendant', amountFen: 8_600_000, filedOn: s.date(0.5, 20), status: 'open', closedOn: null, source: 'demo:generator', fetchedAt: s.fetchedAt() });
    },
  },
  {
    cityCode: '320500', name: '苏州鑫隆商账管理有限公司', formerNames: [],
    scope: scopeOf('account_management'), services: ['account_management'], certification: null, recommended: false,
    records: (e, out, s) => {
      const caseNumber = `（${s.asOf.getUTCFullYear() - 1}）苏0506执${s.serial()}号`;
      const base = { creditCode: e.creditCode, court: '苏州市吴中区人民法院', source: 'demo:generator', fetchedAt: s.fetchedAt() };
      out.enforcement.push({ ...base, caseNumber, amountFen: 125_000_000, filedOn: s.date(1, 200), status: 'open', closedOn: null });
      out.dishonest.push({ ...base, caseNumber, obligation: '支付欠款 1250000 元及利息', performance: 'unperformed', listedOn: s.date(0.5, 30), removedOn: null });
    },
  },
  {
    cityCode: '320500', name: '苏州正泰企业管理咨询有限公司', formerNames: [],
    scope: '企业管理咨询；商务信息咨询（不含投资类咨询）。（依法须经批准的项目，经相关部门批准后方可开展经营活动）', services: ['account_management'], certification: null, recommended: false, records: none,
  },
];

/**
 * The commission agreement template, versioned. A new wording is a new version; a signed case keeps
 * the version it was signed under, and the SHA-256 of the rendered text is written to the evidence
 * log at signing. The mandatory clauses (issue: lawful means only; fee only as a share of money
 * actually recovered; complaints answered within 48 hours; 24-hour cooling-off; personal-information
 * processing authorisation under PIPL arts. 13–14 and 23) are marked so a test can prove each is there.
 * The agreement is in Chinese, the language of the contract; the web app explains it in the reader's.
 */
import { createHash } from 'node:crypto';

/** The template version new commissions are signed under. */
export const CURRENT_TEMPLATE_VERSION = 'commission-2026.1';

/** Ids of the clauses every version must contain. */
export const MANDATORY_CLAUSES = ['lawful-means', 'fee-share-of-recovery', 'complaint-48h', 'cooling-off', 'pi-authorisation'] as const;

/** What the template is filled with. */
export interface AgreementFacts {
  reference: string;
  creditor: { name: string; creditCode: string | null };
  agency: { name: string; creditCode: string; filingNumber: string };
  debtor: { name: string; identifier: string };
  debt: { principalFen: number; interestFen: number; dueOn: string; description: string };
  feeLines: string[];
  feeScheduleVersion: number;
  /** ISO times, when known (a draft has neither). */
  signedAt: string | null;
  coolingOffEndsAt: string | null;
}

/** One section of the rendered agreement. */
export interface AgreementSection {
  id: string;
  heading: string;
  paragraphs: string[];
  mandatory: boolean;
}

/** A rendered agreement. */
export interface RenderedAgreement {
  templateVersion: string;
  title: string;
  sections: AgreementSection[];
  /** The whole text, one paragraph a line — what is hashed and logged. */
  text: string;
  sha256: string;
}

const yuan = (fen: number) => `人民币 ${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
/** Shows an ISO instant in Asia/Shanghai. */
const shanghai = (iso: string) => `${new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`;

/** Renders the agreement of a version; throws for an unknown version. */
export function renderAgreement(version: string, f: AgreementFacts): RenderedAgreement {
  if (version !== CURRENT_TEMPLATE_VERSION) throw new RangeError(`Unknown agreement template version ${version}.`);
  const sections: AgreementSection[] = [
    { id: 'parties', heading: '一、当事人', mandatory: false, paragraphs: [
      `委托人（债权人）：${f.creditor.name}${f.creditor.creditCode ? `，统一社会信用代码 ${f.creditor.creditCode}` : ''}。`,
      `受托人（催收服务机构）：${f.agency.name}，统一社会信用代码 ${f.agency.creditCode}，备案编号 ${f.agency.filingNumber}。`,
      `债务人：${f.debtor.name}（${f.debtor.identifier}）。`,
    ] },
    { id: 'subject', heading: '二、委托事项', mandatory: false, paragraphs: [
      `委托人委托受托人就下列债权进行合法催收：本金 ${yuan(f.debt.principalFen)}，利息 ${yuan(f.debt.interestFen)}，到期日 ${f.debt.dueOn}。债权说明：${f.debt.description}`,
      `案件编号 ${f.reference}。案件的全部催收记录、通知与证据写入信桥证据透明日志，任何人可离线验证其完整性。`,
    ] },
    { id: 'lawful-means', heading: '三、合法催收（强制条款）', mandatory: true, paragraphs: [
      '受托人不得采取跟踪、骚扰、恐吓、威胁、暴力、侮辱、诽谤、非法拘禁、冒充国家机关或者其他违法手段催收，不得向与债务无关的第三人透露债务信息，不得在债务人当地时间 22:00 至次日 08:00 之间联系债务人（债务人另行同意的除外）。',
      '受托人的每项催收行为须先经平台合规引擎核验；违反本条的，委托人可立即解除本协议，受托人不得收取任何费用，并承担相应法律责任。',
    ] },
    { id: 'fee-share-of-recovery', heading: '四、费用（强制条款）', mandatory: true, paragraphs: [
      `受托人仅按实际回收款项的比例收取服务费，适用其在平台公布的收费标准（第 ${f.feeScheduleVersion} 版）；未回收款项的，不收取任何费用。受托人不得以任何名义另行收取差旅费、调查费、保证金或其他费用。`,
      ...f.feeLines.map((l) => `收费标准：${l}`),
      '回收款项由平台按本协议自动拆分为受托人服务费与委托人应得款，两者之和恒等于回收金额，双方可随时查看对账单。',
    ] },
    { id: 'complaint-48h', heading: '五、投诉处理（强制条款）', mandatory: true, paragraphs: [
      '委托人、债务人对受托人的投诉，受托人应在收到后 48 小时内作出答复；逾期未答复的，平台自动提交监管部门处理。',
    ] },
    { id: 'cooling-off', heading: '六、冷静期（强制条款）', mandatory: true, paragraphs: [
      `本协议签署后 24 小时内为冷静期${f.coolingOffEndsAt ? `（至 ${shanghai(f.coolingOffEndsAt)}）` : ''}。冷静期内委托人可无理由撤销委托，撤销即为终局，受托人不得收取费用；冷静期内受托人不得实施任何催收行为。`,
    ] },
    { id: 'reports', heading: '七、进度报告', mandatory: false, paragraphs: [
      '案件生效后 3 日内，受托人应提交首份调查报告；此后每项催收行为及其证据实时推送给委托人。逾期未提交的，平台向委托人提示并计入受托人的服务记录。',
    ] },
    { id: 'pi-authorisation', heading: '八、个人信息处理授权（强制条款）', mandatory: true, paragraphs: [
      '委托人授权受托人在本委托范围内处理债务人的姓名、联系方式、地址及债权相关信息，处理目的仅限于本案合法催收，处理方式限于平台记录的联系与通知；受托人不得向任何第三方提供、出售或公开上述信息。',
      '每次查阅个人信息均记入访问日志，信息主体可查询谁在何时查看了其信息；催收记录至少保存 2 年，期满后依法删除或匿名化。受托人应采取加密等安全措施，发生泄露时立即告知委托人并报告监管部门。',
    ] },
    { id: 'signature', heading: '九、签署', mandatory: false, paragraphs: [
      f.signedAt ? `委托人于 ${shanghai(f.signedAt)} 在信桥平台以电子方式签署本协议。` : '本协议尚未签署（草稿）。',
    ] },
  ];
  const title = '债权催收委托协议';
  const text = [title, `模板版本 ${version}`, ...sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');
  return { templateVersion: version, title, sections, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * Layout: [1] registration department, [2] organisation type, [3-8] division (GB/T 2260),
 * [9-17] organisation code (GB 11714), [18] check character over positions 1-17, mod 31.
 */
import { decodeDivision, type Division } from './division.js';

/** The 31 characters GB 32100 allows: digits and capitals without I, O, Z, S, V. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const FORBIDDEN_LETTERS = new Set(['I', 'O', 'Z', 'S', 'V']);
/** Position weights 3^(i-1) mod 31, GB 32100-2015 §5.2. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration departments and the organisation types each may issue (GB 32100 Annex A and later notices). */
export const DEPARTMENTS: Readonly<Record<string, { zh: string; en: string; types: Record<string, { zh: string; en: string }> }>> = {
  '1': { zh: '机构编制', en: 'Institutional establishment', types: { '1': { zh: '机关', en: 'Government organ' }, '2': { zh: '事业单位', en: 'Public institution' }, '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation' }, '9': { zh: '其他', en: 'Other' } } },
  '2': { zh: '外交', en: 'Foreign affairs', types: { '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' }, '9': { zh: '其他', en: 'Other' } } },
  '3': { zh: '司法行政', en: 'Justice administration', types: { '1': { zh: '律师执业机构', en: 'Law firm' }, '2': { zh: '公证处', en: 'Notary office' }, '3': { zh: '基层法律服务所', en: 'Grassroots legal service office' }, '4': { zh: '司法鉴定机构', en: 'Forensic appraisal institution' }, '5': { zh: '仲裁委员会', en: 'Arbitration commission' }, '9': { zh: '其他', en: 'Other' } } },
  '4': { zh: '文化', en: 'Culture', types: { '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre' }, '9': { zh: '其他', en: 'Other' } } },
  '5': { zh: '民政', en: 'Civil affairs', types: { '1': { zh: '社会团体', en: 'Social organisation' }, '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' }, '3': { zh: '基金会', en: 'Foundation' }, '9': { zh: '其他', en: 'Other' } } },
  '6': { zh: '旅游', en: 'Tourism', types: { '1': { zh: '外国旅游部门常驻代表机构', en: 'Foreign tourism office' }, '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'HK/Macao/Taiwan tourism office' }, '9': { zh: '其他', en: 'Other' } } },
  '7': { zh: '宗教', en: 'Religion', types: { '1': { zh: '宗教活动场所', en: 'Place of religious activity' }, '2': { zh: '宗教院校', en: 'Religious school' }, '9': { zh: '其他', en: 'Other' } } },
  '8': { zh: '工会', en: 'Trade union', types: { '1': { zh: '基层工会', en: 'Grassroots trade union' }, '9': { zh: '其他', en: 'Other' } } },
  '9': { zh: '市场监督管理（工商）', en: 'Market regulation (industry and commerce)', types: { '1': { zh: '企业', en: 'Enterprise' }, '2': { zh: '个体工商户', en: 'Individual business' }, '3': { zh: '农民专业合作社', en: "Farmers' cooperative" } } },
  A: { zh: '中央军委改革和编制办公室', en: 'Military establishment office', types: { '1': { zh: '军队事业单位', en: 'Military public institution' }, '9': { zh: '其他', en: 'Other' } } },
  N: { zh: '农业', en: 'Agriculture', types: { '1': { zh: '组级集体经济组织', en: 'Group-level collective' }, '2': { zh: '村级集体经济组织', en: 'Village-level collective' }, '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective' }, '9': { zh: '其他', en: 'Other' } } },
  Y: { zh: '其他', en: 'Other', types: { '1': { zh: '其他', en: 'Other' } } },
};

/** Why a code was rejected; each has its own message so users know what to fix. */
export type CreditCodeReason =
  | 'empty'
  | 'wrong_length'
  | 'forbidden_letter'
  | 'invalid_character'
  | 'unknown_department'
  | 'unknown_organisation_type'
  | 'unknown_division'
  | 'check_character_mismatch';

/** The full result of checking a code, shaped for the public API. */
export interface CreditCodeCheck {
  input: string;
  normalised: string;
  valid: boolean;
  reason: CreditCodeReason | null;
  message: Bilingual | null;
  notes: Bilingual[];
  expectedCheckCharacter: string | null;
  department: { code: string; zh: string; en: string } | null;
  organisationType: { code: string; zh: string; en: string } | null;
  division: Division | null;
  organisationCode: { code: string; checkValid: boolean } | null;
}

/** A message in each language the platform ships. */
export type Bilingual = { 'zh-CN': string; en: string };

const MESSAGES: Record<CreditCodeReason, (p: Record<string, string | number>) => Bilingual> = {
  empty: () => ({ 'zh-CN': '未输入代码。', en: 'No code given.' }),
  wrong_length: (p) => ({ 'zh-CN': `统一社会信用代码为 18 位，此代码为 ${p.length} 位。`, en: `A unified social credit code has 18 characters; this one has ${p.length}.` }),
  forbidden_letter: (p) => ({ 'zh-CN': `第 ${p.position} 位的字母 ${p.char} 不会出现在代码中（为避免与数字混淆，不使用 I、O、Z、S、V）。`, en: `The letter ${p.char} at position ${p.position} is never used (I, O, Z, S and V are excluded to avoid confusion with digits).` }),
  invalid_character: (p) => ({ 'zh-CN': `第 ${p.position} 位的字符“${p.char}”不允许，只能是数字和除 I、O、Z、S、V 以外的大写字母。`, en: `The character "${p.char}" at position ${p.position} is not allowed; only digits and capital letters other than I, O, Z, S, V.` }),
  unknown_department: (p) => ({ 'zh-CN': `第 1 位“${p.char}”不是登记管理部门代码。`, en: `Position 1 "${p.char}" is not a registration-department code.` }),
  unknown_organisation_type: (p) => ({ 'zh-CN': `第 2 位“${p.char}”不是登记管理部门“${p.department}”下的机构类别。`, en: `Position 2 "${p.char}" is not an organisation type of department "${p.department}".` }),
  unknown_division: (p) => ({ 'zh-CN': `第 3–8 位“${p.division}”不是已知的行政区划代码。`, en: `Positions 3-8 "${p.division}" are not a known administrative-division code.` }),
  check_character_mismatch: (p) => ({ 'zh-CN': `校验码为“${p.actual}”，但按前 17 位计算应为“${p.expected}”——可能有字符输错。`, en: `The check character is "${p.actual}" but the first 17 characters require "${p.expected}" — one character is probably mistyped.` }),
};

const NOTES = {
  lowercase: { 'zh-CN': '小写字母已转换为大写。', en: 'Lower-case letters were converted to capitals.' },
  organisationCode: { 'zh-CN': '第 9–17 位组织机构代码未通过 GB 11714 校验；部分合法代码如此，仅供参考。', en: 'The embedded organisation code (positions 9-17) fails its GB 11714 check; some legitimately issued codes do, so this is informational.' },
} satisfies Record<string, Bilingual>;

/** Computes the GB 32100 check character for the first 17 characters (which must be in the charset). */
export function computeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 organisation-code check character over 8 body characters (weights 3,7,9,10,5,8,4,2; mod 11). */
export function computeOrganisationCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55;
    sum += value * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function empty(input: string, normalised: string): CreditCodeCheck {
  return { input, normalised, valid: false, reason: null, message: null, notes: [], expectedCheckCharacter: null, department: null, organisationType: null, division: null, organisationCode: null };
}

function fail(result: CreditCodeCheck, reason: CreditCodeReason, params: Record<string, string | number> = {}): CreditCodeCheck {
  return { ...result, valid: false, reason, message: MESSAGES[reason](params) };
}

/** Checks a code character by character; never throws, whatever the input. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const trimmed = input.trim();
  const normalised = trimmed.toUpperCase();
  let result = empty(input, normalised);
  if (normalised !== trimmed) result.notes.push(NOTES.lowercase);
  if (normalised.length === 0) return fail(result, 'empty');
  const chars = Array.from(normalised);
  if (chars.length !== 18) return fail(result, 'wrong_length', { length: chars.length });
  for (let i = 0; i < 18; i++) {
    const c = chars[i]!;
    if (FORBIDDEN_LETTERS.has(c)) return fail(result, 'forbidden_letter', { char: c, position: i + 1 });
    if (!CREDIT_CODE_CHARSET.includes(c)) return fail(result, 'invalid_character', { char: c, position: i + 1 });
  }
  result.expectedCheckCharacter = computeCheckCharacter(normalised.slice(0, 17));
  const orgBody = normalised.slice(8, 16);
  result.organisationCode = { code: normalised.slice(8, 17), checkValid: computeOrganisationCheck(orgBody) === normalised[16] };
  const dept = DEPARTMENTS[normalised[0]!];
  if (!dept) return fail(result, 'unknown_department', { char: normalised[0]! });
  result.department = { code: normalised[0]!, zh: dept.zh, en: dept.en };
  const type = dept.types[normalised[1]!];
  if (!type) return fail(result, 'unknown_organisation_type', { char: normalised[1]!, department: normalised[0]! });
  result.organisationType = { code: normalised[1]!, zh: type.zh, en: type.en };
  const division = decodeDivision(normalised.slice(2, 8));
  if (!division) return fail(result, 'unknown_division', { division: normalised.slice(2, 8) });
  result.division = division;
  if (result.expectedCheckCharacter !== normalised[17]) {
    return fail(result, 'check_character_mismatch', { actual: normalised[17]!, expected: result.expectedCheckCharacter });
  }
  if (!result.organisationCode.checkValid) result.notes.push(NOTES.organisationCode);
  return { ...result, valid: true };
}

/** Quick boolean form for hot paths (search routing, imports). */
export function isValidCreditCode(input: string): boolean {
  return checkCreditCode(input).valid;
}

/** Builds a valid code from its parts; used by the demo generator and tests. */
export function buildCreditCode(department: string, type: string, division: string, organisationBody8: string): string {
  const first17 = `${department}${type}${division}${organisationBody8}${computeOrganisationCheck(organisationBody8)}`;
  return first17 + computeCheckCharacter(first17);
}

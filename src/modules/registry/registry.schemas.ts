/** Request and response shapes of the registry API (zod; also the source of the OpenAPI document). */
import { z } from 'zod';

const ZStatus = z.enum(['active', 'revoked', 'cancelled', 'moved_out']);

/** GET /api/v1/search query. */
export const ZSearchRequest = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(100, 'q is limited to 100 characters').describe('Credit code, name fragment (2+ Chinese characters), pinyin or initials; traditional characters are folded'),
  page: z.coerce.number({ error: 'page must be a whole number from 1 to 500' }).int('page must be a whole number from 1 to 500').min(1, 'page must be a whole number from 1 to 500').max(500, 'page must be a whole number from 1 to 500').default(1),
  pageSize: z.coerce.number({ error: 'pageSize must be a whole number from 1 to 100' }).int('pageSize must be a whole number from 1 to 100').min(1, 'pageSize must be a whole number from 1 to 100').max(100, 'pageSize must be a whole number from 1 to 100').default(20),
  city: z.string().regex(/^\d{6}$/, 'city must be a 6-digit division code such as 320500').optional(),
  status: ZStatus.optional(),
  agencyOnly: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
});

const ZDivision = z.object({
  code: z.string(),
  province: z.string(),
  provinceEn: z.string(),
  city: z.string().nullable(),
  cityEn: z.string().nullable(),
  cityCode: z.string(),
  county: z.string().nullable(),
  countyEn: z.string().nullable(),
});

/** One search result. */
export const ZSearchItem = z.object({
  id: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  legalRepresentative: z.string(),
  status: ZStatus,
  establishedOn: z.string(),
  division: ZDivision.nullable(),
  agency: z.object({ id: z.number().int(), certificationLevel: z.string().nullable(), recommended: z.boolean() }).nullable(),
});

/** GET /api/v1/search response. */
export const ZSearchResponse = z.object({
  items: z.array(ZSearchItem),
  total: z.number().int().describe(`Number of matches, counted up to 10,000`),
  totalCapped: z.boolean().describe('True when more than 10,000 records match; refine the query'),
  page: z.number().int(),
  pageSize: z.number().int(),
  query: z.object({ kind: z.enum(['empty', 'credit_code', 'code_prefix', 'text']), folded: z.string().nullable() }),
});

const ZBilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

/** GET /api/v1/credit-codes/{code} response. */
export const ZCreditCodeCheck = z.object({
  input: z.string(),
  normalised: z.string(),
  valid: z.boolean(),
  reason: z.string().nullable(),
  message: ZBilingual.nullable(),
  notes: z.array(ZBilingual),
  expectedCheckCharacter: z.string().nullable(),
  department: z.object({ code: z.string(), zh: z.string(), en: z.string() }).nullable(),
  organisationType: z.object({ code: z.string(), zh: z.string(), en: z.string() }).nullable(),
  division: ZDivision.nullable(),
  organisationCode: z.object({ code: z.string(), checkValid: z.boolean() }).nullable(),
  registered: z.object({ id: z.number().int(), name: z.string(), status: ZStatus }).nullable().describe('The registered enterprise holding this code, if any'),
});

const ZProvenance = { source: z.string(), fetchedAt: z.string() };
/** A record's id (for objections) and its objection state ("under objection", corrected with a note, …). */
const ZRecordMeta = { id: z.number().int(), objection: z.object({ status: z.string(), note: z.string().nullable() }).nullable() };

/** An enterprise with its public records. */
export const ZEnterpriseDetail = z.object({
  id: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  formerNames: z.array(z.object({ name: z.string(), changedOn: z.string().nullable() })),
  legalRepresentative: z.string(),
  registeredCapitalFen: z.number().int(),
  establishedOn: z.string(),
  status: ZStatus,
  enterpriseType: z.string(),
  businessScope: z.string(),
  address: z.string(),
  division: ZDivision.nullable(),
  shareholders: z.array(z.object({ name: z.string(), kind: z.enum(['person', 'enterprise']), creditCode: z.string().nullable(), shareBasisPoints: z.number().int(), subscribedCapitalFen: z.number().int() })),
  keyPersonnel: z.array(z.object({ name: z.string(), role: z.string() })),
  ...ZProvenance,
  agency: z
    .object({
      id: z.number().int(),
      filingNumber: z.string(),
      filingCity: ZDivision.nullable(),
      services: z.array(z.object({ code: z.string(), labelZh: z.string(), labelEn: z.string() })),
      certificationLevel: z.string().nullable(),
      recommended: z.boolean(),
      filedOn: z.string(),
      status: z.string(),
    })
    .nullable(),
  records: z.object({
    penalties: z.array(z.object({ decisionNumber: z.string(), authority: z.string(), reason: z.string(), content: z.string(), amountFen: z.number().int(), decidedOn: z.string(), ...ZProvenance, ...ZRecordMeta })),
    abnormal: z.array(z.object({ reason: z.string(), listedOn: z.string(), listedBy: z.string(), removedOn: z.string().nullable(), removalReason: z.string().nullable(), ...ZProvenance, ...ZRecordMeta })),
    revocations: z.array(z.object({ documentNumber: z.string(), authority: z.string(), reason: z.string(), revokedOn: z.string(), ...ZProvenance, ...ZRecordMeta })),
    enforcement: z.array(z.object({ caseNumber: z.string(), court: z.string(), amountFen: z.number().int(), filedOn: z.string(), status: z.enum(['open', 'closed']), closedOn: z.string().nullable(), ...ZProvenance, ...ZRecordMeta })),
    dishonest: z.array(z.object({ caseNumber: z.string(), court: z.string(), obligation: z.string(), performance: z.string(), listedOn: z.string(), removedOn: z.string().nullable(), ...ZProvenance, ...ZRecordMeta })),
    closedLawsuits: z.array(z.object({ caseNumber: z.string(), court: z.string(), cause: z.string(), role: z.string(), amountFen: z.number().int(), filedOn: z.string(), closedOn: z.string().nullable(), ...ZProvenance, ...ZRecordMeta })),
    openLawsuitCount: z.number().int().describe('Open lawsuits are counted publicly; their details are for authorised parties'),
    openLawsuits: z.array(z.object({ caseNumber: z.string(), court: z.string(), cause: z.string(), role: z.string(), amountFen: z.number().int(), filedOn: z.string(), ...ZProvenance, ...ZRecordMeta })).nullable().describe('Details for related parties, the subject and regulators stating a purpose; null otherwise'),
  }),
  access: z.object({ tier: z.enum(['public', 'related_party', 'regulator', 'self']), note: z.string().nullable(), purpose: z.string().nullable().describe('The stated purpose this view was logged with') }),
  freshness: z.object({ oldestFetchedAt: z.string(), newestFetchedAt: z.string(), sources: z.array(z.string()) }),
});

const ZReason = z.object({ code: z.string(), verdict: z.enum(['pass', 'warn', 'fail']), message: z.object({ 'zh-CN': z.string(), en: z.string() }) });

/** GET /api/v1/agencies/{id}/verification response. */
export const ZVerification = z.object({
  agencyId: z.number().int(),
  enterpriseId: z.number().int(),
  name: z.string(),
  grade: z.enum(['green', 'yellow', 'red']),
  explanation: z.object({ 'zh-CN': z.string(), en: z.string() }),
  steps: z.array(z.object({ step: z.number().int(), key: z.enum(['identity', 'scope', 'record']), verdict: z.enum(['pass', 'warn', 'fail']), reasons: z.array(ZReason) })),
  asOf: z.string(),
});

/** GET /api/v1/agencies query. */
export const ZAgencyListRequest = z.object({
  city: z.string().regex(/^\d{6}$/, 'city must be a 6-digit division code such as 320500').optional(),
  recommended: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number({ error: 'page must be a whole number from 1 to 1000' }).int().min(1, 'page must be a whole number from 1 to 1000').max(1000, 'page must be a whole number from 1 to 1000').default(1),
  pageSize: z.coerce.number({ error: 'pageSize must be a whole number from 1 to 100' }).int().min(1, 'pageSize must be a whole number from 1 to 100').max(100, 'pageSize must be a whole number from 1 to 100').default(20),
});

/** GET /api/v1/agencies response. */
export const ZAgencyList = z.object({
  items: z.array(z.object({ id: z.number().int(), enterpriseId: z.number().int(), name: z.string(), creditCode: z.string(), filingNumber: z.string(), filingCity: ZDivision.nullable(), certificationLevel: z.string().nullable(), recommended: z.boolean(), services: z.array(z.string()), enterpriseStatus: ZStatus })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** GET /api/v1/enterprises/{id} query. */
export const ZEnterpriseQuery = z.object({ purpose: z.string().trim().min(5, 'purpose must say why (at least 5 characters)').max(200).optional().describe('Regulators: why you look (recorded in the access log)') });

/** Path parameter: a positive integer id. */
export const ZIdParams = z.object({ id: z.coerce.number({ error: 'id must be a positive whole number' }).int('id must be a positive whole number').min(1, 'id must be a positive whole number').max(2_147_483_647, 'id is too large') });

/** Path parameter: a credit code as typed by the user (any string; the checker explains what is wrong). */
export const ZCodeParams = z.object({ code: z.string().max(64, 'code is limited to 64 characters') });

/** GET /api/v1/stats response. */
export const ZRegistryStats = z.object({
  enterprises: z.number().int(),
  agencies: z.number().int(),
  penalties: z.number().int(),
  abnormal: z.number().int(),
  enforcement: z.number().int(),
  dishonest: z.number().int(),
  lawsuits: z.number().int(),
});

/** GET /api/v1/cities response. */
export const ZCities = z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), province: z.string() }));

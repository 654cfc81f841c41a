/** Registry use cases: search, credit-code check, agency listing and statistics. */
import { checkCreditCode, isValidCreditCode } from '../../domain/credit-code.js';
import { decodeDivision, listCities } from '../../domain/division.js';
import { parseSearchQuery } from '../../domain/search-text.js';
import type { ServiceContext } from '../../shared/context.js';
import * as repo from './registry.repository.js';
import { searchEnterprises, type SearchFilter } from './registry-search.repository.js';

export { getEnterprise } from './get-enterprise.service.js';
export { verifyAgencyById } from './verify-agency.service.js';

/** Searches enterprises by credit code, name fragment, pinyin or initials. */
export async function search(ctx: ServiceContext, input: { q: string; page: number; pageSize: number } & SearchFilter) {
  const query = parseSearchQuery(input.q, isValidCreditCode);
  const result = await searchEnterprises(ctx.db, query, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return {
    items: result.items.map((h) => ({
      id: h.id,
      creditCode: h.credit_code,
      name: h.name,
      legalRepresentative: h.legal_representative,
      status: h.status,
      establishedOn: h.established_on,
      division: decodeDivision(h.division_code),
      agency: h.agency_id === null ? null : { id: h.agency_id, certificationLevel: h.certification_level, recommended: h.recommended === 1 },
    })),
    total: result.total,
    totalCapped: result.capped,
    page: input.page,
    pageSize: input.pageSize,
    query: { kind: query.kind, folded: query.kind === 'text' ? query.folded : null },
  };
}

/** Checks a credit code and says whether a registered enterprise holds it. */
export async function checkCode(ctx: ServiceContext, code: string) {
  const check = checkCreditCode(code);
  const registered = check.valid ? await repo.findEnterpriseByCode(ctx.db, check.normalised) : undefined;
  return { ...check, registered: registered ? { id: registered.id, name: registered.name, status: registered.status } : null };
}

/** Lists filed agencies, recommended first. */
export async function listAgencies(ctx: ServiceContext, input: { city?: string | undefined; recommended?: boolean | undefined; page: number; pageSize: number }) {
  const { items, total } = await repo.listAgencies(ctx.db, { cityCode: input.city, recommended: input.recommended, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return {
    items: items.map((a) => ({
      id: a.id,
      enterpriseId: a.enterprise_id,
      name: a.name,
      creditCode: a.credit_code,
      filingNumber: a.filing_number,
      filingCity: decodeDivision(a.filing_city_code),
      certificationLevel: a.certification_level,
      recommended: a.recommended === 1,
      services: JSON.parse(a.services) as string[],
      enterpriseStatus: a.status,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Public counts of the registry. */
export async function stats(ctx: ServiceContext) {
  return repo.countRegistry(ctx.db);
}

/** Cities a user can filter by. */
export function cities() {
  return listCities();
}

/** Name, legal representative and status of the enterprise holding a code, for other modules (licence checks). */
export async function findEnterpriseSummary(ctx: ServiceContext, creditCode: string) {
  const e = await repo.findEnterpriseByCode(ctx.db, creditCode);
  return e ? { creditCode: e.credit_code, name: e.name, legalRepresentative: e.legal_representative, status: e.status } : null;
}

/** The facts other modules need about a filed agency (name and code of its enterprise), or null. */
export async function agencySummary(ctx: ServiceContext, agencyId: number) {
  const agency = await repo.findAgencyById(ctx.db, agencyId);
  if (!agency) return null;
  const e = await repo.findEnterpriseById(ctx.db, agency.enterprise_id);
  if (!e) return null;
  return { id: agency.id, name: e.name, creditCode: e.credit_code, filingNumber: agency.filing_number, status: agency.status, recommended: agency.recommended === 1, certificationLevel: agency.certification_level };
}

/** The filed agency whose enterprise holds a credit code (an agency account acts for it), or null. */
export async function agencyForCreditCode(ctx: ServiceContext, creditCode: string) {
  const e = await repo.findEnterpriseByCode(ctx.db, creditCode);
  const agency = e ? await repo.findAgencyByEnterpriseId(ctx.db, e.id) : undefined;
  return agency ? agencySummary(ctx, agency.id) : null;
}

/** Counts of an enterprise's public records as the risk model reads them (only records still in public view). */
export async function riskFactsOf(ctx: ServiceContext, enterpriseId: number) {
  const e = await repo.findEnterpriseById(ctx.db, enterpriseId);
  if (!e) return null;
  const r = await repo.findEnterpriseRecords(ctx.db, enterpriseId);
  const threeYearsAgo = new Date(ctx.clock().getTime() - 3 * 365.25 * 86_400_000).toISOString().slice(0, 10);
  return {
    creditCode: e.credit_code,
    name: e.name,
    businessScope: e.business_scope,
    cityCode: e.city_code,
    openLawsuits: r.lawsuits.filter((l) => l.status === 'open' && l.role === 'defendant').length,
    enforcementOpen: r.enforcement.filter((x) => x.status === 'open').length,
    dishonestCurrent: r.dishonest.some((d) => d.removed_on === null),
    penalties3y: r.penalties.filter((p) => p.decided_on >= threeYearsAgo).length,
    abnormalCurrent: r.abnormal.some((a) => a.removed_on === null),
  };
}

/** Credit codes of an enterprise's corporate shareholders (its related parties, for conflict checks). */
export async function relatedCodesOf(ctx: ServiceContext, creditCode: string): Promise<string[]> {
  const e = await repo.findEnterpriseByCode(ctx.db, creditCode);
  if (!e) return [];
  const children = await repo.findEnterpriseChildren(ctx.db, e.id);
  return children.shareholders.map((s) => s.credit_code).filter((c): c is string => Boolean(c));
}

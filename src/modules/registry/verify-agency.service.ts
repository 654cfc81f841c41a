/** Three-step verification of a filed agency: gathers the facts, lets the domain decide. */
import { verifyAgency, type ScopeRule } from '../../domain/agency-verification.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import * as repo from './registry.repository.js';

/** Verifies agency `id` as of the context's clock. */
export async function verifyAgencyById(ctx: ServiceContext, id: number) {
  const agency = await repo.findAgencyById(ctx.db, id);
  if (!agency) throw new AppError('not_found', `No filed agency with id ${id}.`);
  const [enterprise, children, records, rules] = await Promise.all([
    repo.findEnterpriseById(ctx.db, agency.enterprise_id),
    repo.findEnterpriseChildren(ctx.db, agency.enterprise_id),
    repo.findEnterpriseRecords(ctx.db, agency.enterprise_id),
    repo.listScopeRules(ctx.db),
  ]);
  if (!enterprise) throw new AppError('not_found', `Agency ${id} points at a missing enterprise.`);
  const scopeRules: ScopeRule[] = rules.map((r) => ({ serviceCode: r.service_code, labelZh: r.label_zh, labelEn: r.label_en, acceptedPhrases: JSON.parse(r.accepted_phrases) as string[] }));
  const result = verifyAgency(
    {
      // An agency row is linked to the enterprise holding its filed code; step 1 then checks the filed name.
      filedCreditCode: enterprise.credit_code,
      filedName: agency.filed_name,
      filingCityCode: agency.filing_city_code,
      services: JSON.parse(agency.services) as string[],
      enterprise: { creditCode: enterprise.credit_code, name: enterprise.name, formerNames: children.formerNames.map((n) => n.name), status: enterprise.status, businessScope: enterprise.business_scope, divisionCode: enterprise.division_code },
      dishonest: records.dishonest.map((d) => ({ caseNumber: d.case_number, removedOn: d.removed_on })),
      enforcement: records.enforcement.map((e) => ({ caseNumber: e.case_number, status: e.status })),
      revocations: records.revocations.map((r) => ({ documentNumber: r.document_number, revokedOn: r.revoked_on })),
      abnormal: records.abnormal.map((a) => ({ reason: a.reason, listedOn: a.listed_on, removedOn: a.removed_on })),
      penalties: records.penalties.map((p) => ({ decisionNumber: p.decision_number, decidedOn: p.decided_on })),
      lawsuits: records.lawsuits.map((l) => ({ caseNumber: l.case_number, role: l.role, status: l.status })),
    },
    scopeRules,
    ctx.clock(),
  );
  return { agencyId: agency.id, enterpriseId: enterprise.id, name: enterprise.name, ...result };
}

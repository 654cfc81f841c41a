/** Loads one enterprise with everything the public may see about it. */
import { decodeDivision } from '../../domain/division.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { accessTierFor, recordAccess } from '../privacy/visibility.service.js';
import * as repo from './registry.repository.js';

const prov = (r: { source: string; fetched_at: string }) => ({ source: r.source, fetchedAt: r.fetched_at });
/** Id and objection state of a record, so the subject can object and everyone sees "under objection". */
const meta = (r: { id: number; objection_status: string | null; objection_note: string | null }) => ({ id: r.id, objection: r.objection_status ? { status: r.objection_status, note: r.objection_note } : null });

/**
 * An enterprise page as the reader may see it: everyone gets the public records; open lawsuits are
 * a count for the public and details for related parties, the subject itself and regulators with a purpose.
 */
export async function getEnterprise(ctx: ServiceContext, id: number, options: { purpose?: string | undefined; requestId?: string | null } = {}) {
  const e = await repo.findEnterpriseById(ctx.db, id);
  if (!e) throw new AppError('not_found', `No enterprise with id ${id}.`);
  const tier = await accessTierFor(ctx, e.credit_code, options.purpose);
  const [children, records, agency, rules] = await Promise.all([
    repo.findEnterpriseChildren(ctx.db, id),
    repo.findEnterpriseRecords(ctx.db, id),
    repo.findAgencyByEnterpriseId(ctx.db, id),
    repo.listScopeRules(ctx.db),
  ]);
  const all = [e, ...records.penalties, ...records.abnormal, ...records.revocations, ...records.enforcement, ...records.dishonest, ...records.lawsuits, ...(agency ? [agency] : [])];
  const fetched = all.map((r) => r.fetched_at).sort();
  const open = records.lawsuits.filter((l) => l.status === 'open');
  if (tier.tier !== 'public') await recordAccess(ctx, { kind: 'enterprise', key: e.credit_code }, ['openLawsuits'], tier, options.requestId ?? null);
  return {
    id: e.id,
    creditCode: e.credit_code,
    name: e.name,
    formerNames: children.formerNames.map((f) => ({ name: f.name, changedOn: f.changed_on })),
    legalRepresentative: e.legal_representative,
    registeredCapitalFen: e.registered_capital_fen,
    establishedOn: e.established_on,
    status: e.status,
    enterpriseType: e.enterprise_type,
    businessScope: e.business_scope,
    address: e.address,
    division: decodeDivision(e.division_code),
    shareholders: children.shareholders.map((s) => ({ name: s.name, kind: s.kind, creditCode: s.credit_code, shareBasisPoints: s.share_basis_points, subscribedCapitalFen: s.subscribed_capital_fen })),
    keyPersonnel: children.keyPersonnel,
    ...prov(e),
    agency: agency
      ? {
          id: agency.id,
          filingNumber: agency.filing_number,
          filingCity: decodeDivision(agency.filing_city_code),
          services: (JSON.parse(agency.services) as string[]).map((code) => {
            const rule = rules.find((r) => r.service_code === code);
            return { code, labelZh: rule?.label_zh ?? code, labelEn: rule?.label_en ?? code };
          }),
          certificationLevel: agency.certification_level,
          recommended: agency.recommended === 1,
          filedOn: agency.filed_on,
          status: agency.status,
        }
      : null,
    records: {
      penalties: records.penalties.map((p) => ({ decisionNumber: p.decision_number, authority: p.authority, reason: p.reason, content: p.content, amountFen: p.amount_fen, decidedOn: p.decided_on, ...prov(p), ...meta(p) })),
      abnormal: records.abnormal.map((a) => ({ reason: a.reason, listedOn: a.listed_on, listedBy: a.listed_by, removedOn: a.removed_on, removalReason: a.removal_reason, ...prov(a), ...meta(a) })),
      revocations: records.revocations.map((r) => ({ documentNumber: r.document_number, authority: r.authority, reason: r.reason, revokedOn: r.revoked_on, ...prov(r), ...meta(r) })),
      enforcement: records.enforcement.map((x) => ({ caseNumber: x.case_number, court: x.court, amountFen: x.amount_fen, filedOn: x.filed_on, status: x.status, closedOn: x.closed_on, ...prov(x), ...meta(x) })),
      dishonest: records.dishonest.map((d) => ({ caseNumber: d.case_number, court: d.court, obligation: d.obligation, performance: d.performance, listedOn: d.listed_on, removedOn: d.removed_on, ...prov(d), ...meta(d) })),
      closedLawsuits: records.lawsuits.filter((l) => l.status === 'closed').map((l) => ({ caseNumber: l.case_number, court: l.court, cause: l.cause, role: l.role, amountFen: l.amount_fen, filedOn: l.filed_on, closedOn: l.closed_on, ...prov(l), ...meta(l) })),
      openLawsuitCount: open.length,
      openLawsuits: tier.tier === 'public' ? null : open.map((l) => ({ caseNumber: l.case_number, court: l.court, cause: l.cause, role: l.role, amountFen: l.amount_fen, filedOn: l.filed_on, ...prov(l), ...meta(l) })),
    },
    access: tier.tier === 'public' ? { tier: tier.tier, note: tier.note, purpose: null } : { tier: tier.tier, note: tier.tier === 'self' ? null : `This view is logged (purpose: ${tier.purpose}).`, purpose: tier.purpose },
    freshness: { oldestFetchedAt: fetched[0]!, newestFetchedAt: fetched[fetched.length - 1]!, sources: [...new Set(all.map((r) => r.source))].sort() },
  };
}

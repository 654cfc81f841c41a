/** Typed calls to the Xinqiao API; errors arrive as RFC 9457 problem documents and become ApiError. */

/** A failed API call with the server's explanation. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string) {
    super(detail);
  }
}

/** GETs JSON from the API. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, '');
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
    throw new ApiError(res.status, problem?.detail ?? res.statusText);
  }
  return (await res.json()) as T;
}

export interface Division { code: string; province: string; provinceEn: string; city: string | null; cityEn: string | null; cityCode: string; county: string | null; countyEn: string | null }
export type Status = 'active' | 'revoked' | 'cancelled' | 'moved_out';
export interface SearchItem { id: number; creditCode: string; name: string; legalRepresentative: string; status: Status; establishedOn: string; division: Division | null; agency: { id: number; certificationLevel: string | null; recommended: boolean } | null }
export interface SearchResponse { items: SearchItem[]; total: number; totalCapped: boolean; page: number; pageSize: number }
export interface City { code: string; zh: string; en: string; province: string }
export interface Stats { enterprises: number; agencies: number; penalties: number; abnormal: number; enforcement: number; dishonest: number; lawsuits: number }
interface Provenance { source: string; fetchedAt: string }
/** A record's id and objection state. */
export interface RecordMeta { id: number; objection: { status: string; note: string | null } | null }
export interface EnterpriseDetail extends Provenance {
  id: number; creditCode: string; name: string; formerNames: Array<{ name: string; changedOn: string | null }>; legalRepresentative: string; registeredCapitalFen: number; establishedOn: string; status: Status; enterpriseType: string; businessScope: string; address: string; division: Division | null;
  shareholders: Array<{ name: string; kind: 'person' | 'enterprise'; creditCode: string | null; shareBasisPoints: number; subscribedCapitalFen: number }>;
  keyPersonnel: Array<{ name: string; role: string }>;
  agency: { id: number; filingNumber: string; filingCity: Division | null; services: Array<{ code: string; labelZh: string; labelEn: string }>; certificationLevel: string | null; recommended: boolean; filedOn: string; status: string } | null;
  records: {
    penalties: Array<Provenance & RecordMeta & { decisionNumber: string; authority: string; reason: string; content: string; amountFen: number; decidedOn: string }>;
    abnormal: Array<Provenance & RecordMeta & { reason: string; listedOn: string; listedBy: string; removedOn: string | null; removalReason: string | null }>;
    revocations: Array<Provenance & RecordMeta & { documentNumber: string; authority: string; reason: string; revokedOn: string }>;
    enforcement: Array<Provenance & RecordMeta & { caseNumber: string; court: string; amountFen: number; filedOn: string; status: 'open' | 'closed'; closedOn: string | null }>;
    dishonest: Array<Provenance & RecordMeta & { caseNumber: string; court: string; obligation: string; performance: string; listedOn: string; removedOn: string | null }>;
    closedLawsuits: Array<Provenance & RecordMeta & { caseNumber: string; court: string; cause: string; role: string; amountFen: number; filedOn: string; closedOn: string | null }>;
    openLawsuitCount: number;
    openLawsuits: Array<Provenance & RecordMeta & { caseNumber: string; court: string; cause: string; role: string; amountFen: number; filedOn: string }> | null;
  };
  access: { tier: 'public' | 'related_party' | 'regulator' | 'self'; note: string | null; purpose: string | null };
  freshness: { oldestFetchedAt: string; newestFetchedAt: string; sources: string[] };
}
export type Verdict = 'pass' | 'warn' | 'fail';
export interface Verification { agencyId: number; enterpriseId: number; name: string; grade: 'green' | 'yellow' | 'red'; explanation: Record<'zh-CN' | 'en', string>; steps: Array<{ step: number; key: string; verdict: Verdict; reasons: Array<{ code: string; verdict: Verdict; message: Record<'zh-CN' | 'en', string> }> }>; asOf: string }
export interface AgencyList { items: Array<{ id: number; enterpriseId: number; name: string; creditCode: string; filingNumber: string; filingCity: Division | null; certificationLevel: string | null; recommended: boolean; services: string[]; enterpriseStatus: Status }>; total: number; page: number; pageSize: number }
export interface CodeCheck { input: string; normalised: string; valid: boolean; reason: string | null; message: Record<'zh-CN' | 'en', string> | null; notes: Array<Record<'zh-CN' | 'en', string>>; expectedCheckCharacter: string | null; department: { code: string; zh: string; en: string } | null; organisationType: { code: string; zh: string; en: string } | null; division: Division | null; registered: { id: number; name: string; status: Status } | null }

/** Types of the cases API as the web app uses them (money in fen, times UTC ISO). */
export type CaseStatus = 'open' | 'cooling_off' | 'active' | 'settled' | 'closed' | 'revoked' | 'transferred_to_law_firm';
export interface Bracket { upToFen: number | null; rateBps: number }
export interface Schedule { mode: 'progressive' | 'flat'; brackets: Bracket[]; minFeeFen?: number; capFen?: number; hourly?: { rateFenPerHour: number; minFen: number; maxFen: number; description: string } }
export interface QuoteLine { bracket: number; fromFen: number; toFen: number; portionFen: number; rateBps: number; exactFeeFen: string; text: Record<'zh-CN' | 'en', string> }
export interface Quote { amountFen: number; feeFen: number; netFen: number; mode: Schedule['mode']; lines: QuoteLine[]; adjustments: Array<{ kind: 'minimum' | 'cap'; text: Record<'zh-CN' | 'en', string> }>; scheduleVersion?: number }
export interface PublicSchedule { agencyId: number; agencyName: string; version: number; publishedAt: string; schedule: Schedule; examples: Array<{ amountFen: number; feeFen: number }> }
export interface CaseListItem { id: number; reference: string; status: CaseStatus; agencyId: number; debtorName: string; owedFen: number; signedAt: string | null; coolingOffEndsAt: string | null; createdAt: string; firstReportOverdue: boolean }
export interface CaseList { as: string; items: CaseListItem[] }
export interface TimelineEvent {
  id: number; kind: string; label: Record<'zh-CN' | 'en', string>; occurredAt: string; recordedAt: string; actorRole: string; notes: string; evidence: string[]; details: Record<string, unknown>;
  ruleVersion: string | null; logIndex: number | null; canonicalContent: string; objection: { id: number; status: string; reason: string; dueOn: string; outcomeReason: string | null } | null;
}
export interface CaseDetail {
  id: number; reference: string; status: CaseStatus; viewer: 'creditor' | 'agency' | 'debtor' | 'regulator';
  agency: { id: number; name: string; creditCode: string } | null;
  debt: { id: number; debtorName: string; debtorKind: string; debtorCreditCode: string | null; principalFen: number; interestFen: number; dueOn: string; description: string; debtorTimeZone: string };
  agreement: { templateVersion: string; sha256: string | null; signedAt: string | null; feeScheduleVersion: number };
  coolingOff: { endsAt: string | null; revocable: boolean };
  firstReport: { dueAt: string | null; submittedAt: string | null; overdue: boolean };
  nightContactConsent: boolean; endedAt: string | null; endReason: string | null;
  events: TimelineEvent[];
}
export interface Statement { caseId: number; reference: string; owedFen: number; payments: Array<{ id: number; amountFen: number; feeFen: number; netFen: number; receivedAt: string }>; totals: { recoveredFen: number; agencyFeeFen: number; creditorNetFen: number }; ledger: Array<{ account: string; debitFen: number; creditFen: number }> }
export interface Agreement { templateVersion: string; title: string; sha256: string; sections: Array<{ id: string; heading: string; paragraphs: string[]; mandatory: boolean }> }
export interface NotificationFeed { unread: number; items: Array<{ id: number; caseId: number | null; kind: string; title: string; body: string; evidence: string[]; createdAt: string; readAt: string | null }> }

/** Kinds a party records from the case page, in the order the form offers them. */
export const RECORDABLE_KINDS = ['call', 'sms', 'collection_letter', 'visit', 'debtor_reply', 'payment_promise', 'asset_clue', 'investigation_report', 'mediation_opened', 'lawsuit_filed', 'preservation_order', 'judgement', 'enforcement'] as const;
/** Kinds that are contacts (need target and connected). */
export const CONTACT_KINDS = ['call', 'sms', 'collection_letter', 'visit'];

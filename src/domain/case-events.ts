/**
 * The kinds of case-timeline events and who may record each (docs/cases.md lists them with their
 * meaning). Seventeen collection kinds from the issue, one progress-report kind (the agency's
 * investigation report, due within 3 days of activation) and the lifecycle kinds the platform
 * writes itself. Every event is also an entry in the evidence transparency log.
 */

/** Who records an event: the case's parties, or the platform. */
export type EventRecorder = 'creditor' | 'agency' | 'debtor' | 'system';

/** How an event enters the timeline. */
export type EventChannel = 'events' | 'payments' | 'objections' | 'complaints' | 'close' | 'lifecycle';

/** One kind's rules. */
export interface EventKindSpec {
  /** Recorded through POST /cases/:id/events by these parties (others use their own endpoint). */
  recordedBy: readonly EventRecorder[];
  channel: EventChannel;
  /** A contact with the debtor or a third party: quiet hours, call caps and content rules apply. */
  contact: boolean;
  /** A collection action: only on an active case without an open objection. */
  collection: boolean;
  label: { 'zh-CN': string; en: string };
}

const spec = (recordedBy: EventRecorder[], channel: EventChannel, contact: boolean, collection: boolean, zh: string, en: string): EventKindSpec => ({ recordedBy, channel, contact, collection, label: { 'zh-CN': zh, en } });
const PARTIES: EventRecorder[] = ['creditor', 'agency'];

/** Every event kind. */
export const EVENT_KINDS = {
  collection_letter: spec(PARTIES, 'events', true, true, '发送催收函', 'Collection letter sent'),
  call: spec(PARTIES, 'events', true, true, '电话联系', 'Call'),
  sms: spec(PARTIES, 'events', true, true, '短信联系', 'SMS'),
  visit: spec(PARTIES, 'events', true, true, '上门拜访', 'Visit'),
  debtor_reply: spec(['creditor', 'agency', 'debtor'], 'events', false, false, '债务人回复', 'Debtor reply'),
  payment_promise: spec(PARTIES, 'events', false, true, '还款承诺', 'Payment promise'),
  partial_payment: spec([], 'payments', false, false, '部分还款', 'Partial payment'),
  full_payment: spec([], 'payments', false, false, '全部还清', 'Full payment'),
  asset_clue: spec(PARTIES, 'events', false, true, '发现财产线索', 'Asset clue found'),
  mediation_opened: spec(PARTIES, 'events', false, true, '启动调解', 'Mediation opened'),
  lawsuit_filed: spec(PARTIES, 'events', false, true, '提起诉讼', 'Lawsuit filed'),
  preservation_order: spec(PARTIES, 'events', false, true, '财产保全裁定', 'Preservation order'),
  judgement: spec(PARTIES, 'events', false, true, '判决', 'Judgement'),
  enforcement: spec(PARTIES, 'events', false, true, '申请强制执行', 'Enforcement'),
  objection_filed: spec([], 'objections', false, false, '债务人提出异议', 'Objection filed'),
  complaint_filed: spec([], 'complaints', false, false, '投诉', 'Complaint filed'),
  case_closed: spec([], 'close', false, false, '结案', 'Case closed'),
  investigation_report: spec(['agency'], 'events', false, true, '调查报告', 'Investigation report'),
  agreement_signed: spec([], 'lifecycle', false, false, '签署委托协议', 'Commission agreement signed'),
  case_activated: spec([], 'lifecycle', false, false, '冷静期结束，案件生效', 'Cooling-off ended; case active'),
  commission_revoked: spec([], 'lifecycle', false, false, '冷静期内撤销委托', 'Commission revoked in cooling-off'),
  transferred_to_law_firm: spec([], 'lifecycle', false, false, '转交律师事务所', 'Transferred to a law firm'),
  mediation_settled: spec([], 'lifecycle', false, false, '调解达成协议', 'Mediation agreement reached'),
  mediation_defaulted: spec([], 'lifecycle', false, false, '调解协议未按期履行，恢复催收', 'Mediation instalment missed; collection resumes'),
  mediation_completed: spec([], 'lifecycle', false, false, '调解协议履行完毕', 'Mediation agreement fulfilled'),
  route_decided: spec([], 'lifecycle', false, false, '确定处理途径', 'Route decided'),
  mediator_assigned: spec([], 'lifecycle', false, false, '调解员受理', 'Mediator assigned'),
  mediation_failed: spec([], 'lifecycle', false, false, '调解终结（未达成协议）', 'Mediation ended without agreement'),
} as const satisfies Record<string, EventKindSpec>;

/** An event kind. */
export type EventKind = keyof typeof EVENT_KINDS;

/** The seventeen collection kinds named by the issue, in its order. */
export const COLLECTION_KINDS = Object.keys(EVENT_KINDS).slice(0, 17) as EventKind[];

/** Kinds a party records through the generic events endpoint. */
export const RECORDABLE_KINDS = (Object.keys(EVENT_KINDS) as EventKind[]).filter((k) => EVENT_KINDS[k].channel === 'events');

/** True for a known kind. */
export function isEventKind(kind: string): kind is EventKind {
  return Object.hasOwn(EVENT_KINDS, kind);
}

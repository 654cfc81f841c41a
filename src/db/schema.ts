/**
 * Kysely table types. Column names are snake_case as stored; times are ISO-8601 UTC text and
 * dates 'YYYY-MM-DD' text in both dialects, money is integer fen, flags are 0/1 integers —
 * one representation for SQLite and PostgreSQL (docs/decisions.md).
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Fields every record from an external source carries. */
interface Sourced {
  source: string;
  fetched_at: string;
}

/** Enterprise lifecycle status as published in the registration system. */
export type EnterpriseStatus = 'active' | 'revoked' | 'cancelled' | 'moved_out';

export interface EnterprisesTable extends Sourced {
  id: Generated<number>;
  credit_code: string;
  name: string;
  legal_representative: string;
  registered_capital_fen: number;
  established_on: string;
  status: EnterpriseStatus;
  enterprise_type: string;
  business_scope: string;
  address: string;
  division_code: string;
  city_code: string;
  updated_at: string;
  /** SHA-256 of the imported content (without fetch time); equal hash means a re-import changes nothing. */
  content_hash: string;
  search_name: string;
  search_alias: string;
  search_pinyin_head: string;
  search_pinyin: string;
}

export interface FormerNamesTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string;
  changed_on: string | null;
}

export interface ShareholdersTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string;
  kind: 'person' | 'enterprise';
  credit_code: string | null;
  share_basis_points: number;
  subscribed_capital_fen: number;
}

export interface KeyPersonnelTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string;
  role: string;
}

export interface AgenciesTable extends Sourced {
  id: Generated<number>;
  enterprise_id: number;
  filing_number: string;
  /** The name the agency filed under; step 1 checks it against the registered name. */
  filed_name: string;
  filing_city_code: string;
  /** JSON array of service codes (see service_scope_rules). */
  services: string;
  certification_level: 'A' | 'AA' | 'AAA' | null;
  recommended: number;
  filed_on: string;
  status: 'filed' | 'withdrawn';
  delisted_at: Generated<string | null>;
}

export interface PenaltiesTable extends Sourced {
  id: Generated<number>;
  enterprise_id: number;
  decision_number: string;
  authority: string;
  reason: string;
  content: string;
  amount_fen: number;
  decided_on: string;
  /** Set when the record left public view (retention, Credit Reporting Industry Regulation art. 16). */
  withdrawn_at: Generated<string | null>;
  objection_status: Generated<'open' | 'corrected' | 'removed' | null>;
  objection_note: Generated<string | null>;
}

export interface AbnormalEntriesTable extends Sourced {
  id: Generated<number>;
  enterprise_id: number;
  reason: string;
  listed_on: string;
  listed_by: string;
  removed_on: string | null;
  removal_reason: string | null;
  /** Set when the record left public view (retention, Credit Reporting Industry Regulation art. 16). */
  withdrawn_at: Generated<string | null>;
  objection_status: Generated<'open' | 'corrected' | 'removed' | null>;
  objection_note: Generated<string | null>;
}

export interface LicenceRevocationsTable extends Sourced {
  id: Generated<number>;
  enterprise_id: number;
  document_number: string;
  authority: string;
  reason: string;
  revoked_on: string;
  /** Set when the record left public view (retention, Credit Reporting Industry Regulation art. 16). */
  withdrawn_at: Generated<string | null>;
  objection_status: Generated<'open' | 'corrected' | 'removed' | null>;
  objection_note: Generated<string | null>;
}

export interface EnforcementRecordsTable extends Sourced {
  id: Generated<number>;
  enterprise_id: number;
  case_number: string;
  court: string;
  amount_fen: number;
  filed_on: string;
  status: 'open' | 'closed';
  closed_on: string | null;
  /** Set when the record left public view (retention, Credit Reporting Industry Regulation art. 16). */
  withdrawn_at: Generated<string | null>;
  objection_status: Generated<'open' | 'corrected' | 'removed' | null>;
  objection_note: Generated<string | null>;
}

export interface DishonestEntriesTable extends Sourced {
  id: Generated<number>;
  enterprise_id: number;
  case_number: string;
  court: string;
  obligation: string;
  performance: 'unperformed' | 'partially_performed';
  listed_on: string;
  removed_on: string | null;
  /** Set when the record left public view (retention, Credit Reporting Industry Regulation art. 16). */
  withdrawn_at: Generated<string | null>;
  objection_status: Generated<'open' | 'corrected' | 'removed' | null>;
  objection_note: Generated<string | null>;
}

export interface LawsuitsTable extends Sourced {
  id: Generated<number>;
  enterprise_id: number;
  case_number: string;
  court: string;
  cause: string;
  role: 'plaintiff' | 'defendant' | 'third_party';
  amount_fen: number;
  filed_on: string;
  status: 'open' | 'closed';
  closed_on: string | null;
  /** Set when the record left public view (retention, Credit Reporting Industry Regulation art. 16). */
  withdrawn_at: Generated<string | null>;
  objection_status: Generated<'open' | 'corrected' | 'removed' | null>;
  objection_note: Generated<string | null>;
}

export interface ServiceScopeRulesTable {
  service_code: string;
  label_zh: string;
  label_en: string;
  /** JSON array of phrases; a business scope containing any of them covers the service. */
  accepted_phrases: string;
  sort_order: number;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  status: 'active' | 'disabled';
  enterprise_credit_code: string | null;
  verification_status: 'pending' | 'verified' | 'rejected' | null;
  verification_reason: string | null;
  /** Base32 TOTP secret; encrypted at rest once the personal-information key is configured. */
  totp_secret: string | null;
  totp_enabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  person_id: Generated<number | null>;
  /** JSON of the interface preferences (modules/accounts/preferences.service.ts). */
  preferences: Generated<string>;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a copied database cannot be used to hijack sessions. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  mfa_passed: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 of the token; the token itself is shown once. */
  token_hash: string;
  prefix: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RelatedPartiesTable {
  id: Generated<number>;
  user_id: number;
  credit_code: string;
  purpose: string;
  created_at: string;
}

export interface PiiAccessLogTable {
  id: Generated<number>;
  /** 'enterprise' (credit code) or 'person' (person id). */
  subject_kind: 'enterprise' | 'person';
  subject_key: string;
  viewer_user_id: number | null;
  viewer_role: string;
  /** JSON array of the fields shown unmasked. */
  fields: string;
  purpose: string;
  request_id: string | null;
  accessed_at: string;
}

export interface PersonsTable {
  id: Generated<number>;
  name: string;
  /** AES-256-GCM sealed (see pii-cipher.ts). */
  id_number_enc: string;
  /** HMAC blind index of the ID number, for exact lookups. */
  id_number_index: string;
  phone_enc: string | null;
  address_enc: string | null;
  created_at: string;
  updated_at: string;
}

export interface DataRequestsTable {
  id: Generated<number>;
  user_id: number;
  kind: 'export' | 'correction' | 'deletion';
  details: string;
  status: 'open' | 'completed' | 'refused';
  /** Due date (Asia/Shanghai) — 15 working days after the request (PIPL art. 50 practice). */
  due_on: string;
  deadline: string;
  outcome_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

export interface LogStateTable {
  id: number;
  size: number;
}

export interface LogEntriesTable {
  /** 0-based position in the log. */
  idx: number;
  /** The canonical JSON bytes of the entry, as text. */
  entry: string;
  /** Hex SHA-256(0x00 ‖ entry bytes), as computed at append time. */
  leaf_hash: string;
  evidence_sha256: string | null;
  case_ref: string | null;
  subject: string | null;
  created_at: string;
}

export interface LogTreeHeadsTable {
  size: number;
  root_hash: string;
  timestamp: string;
  signature: string;
  checkpoint: string;
}

export interface EvidenceBlobsTable {
  sha256: string;
  size: number;
  media_type: string;
  stored_at: string;
}

export interface DebtsTable {
  id: Generated<number>;
  creditor_user_id: number;
  debtor_key: string;
  debtor_kind: 'enterprise' | 'person';
  debtor_credit_code: string | null;
  debtor_person_id: number | null;
  debtor_name: string;
  debtor_time_zone: string;
  principal_fen: number;
  interest_fen: number;
  due_on: string;
  description: string;
  /** JSON array of evidence SHA-256 digests. */
  documents: string;
  created_at: string;
}

export interface AgencyFeeSchedulesTable {
  id: Generated<number>;
  agency_id: number;
  version: number;
  /** JSON of the published schedule (domain/fees.ts FeeSchedule plus optional hourly terms). */
  schedule: string;
  published_at: string;
  published_by: number | null;
}

export interface CasesTable {
  id: Generated<number>;
  reference: string;
  debt_id: number;
  agency_id: number;
  status: string;
  /** The agency's schedule as it stood when the case was opened (the agreement's fee terms). */
  fee_schedule: string;
  fee_schedule_version: number;
  template_version: string;
  agreement_sha256: string | null;
  signed_at: string | null;
  cooling_off_ends_at: string | null;
  activated_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  first_report_due_at: string | null;
  first_report_at: string | null;
  first_report_overdue_flagged_at: string | null;
  night_contact_consent: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  actor_user_id: number | null;
  actor_role: string;
  occurred_at: string;
  recorded_at: string;
  notes: string;
  /** JSON array of evidence SHA-256 digests. */
  evidence: string;
  /** JSON of kind-specific details (never third parties' contact data in clear). */
  details: string;
  contact_target: 'debtor' | 'third_party' | null;
  connected: Generated<number>;
  third_party_key: string | null;
  third_party_refused: Generated<number>;
  rule_version: string | null;
  log_index: number | null;
}

export interface ComplianceRefusalsTable {
  id: Generated<number>;
  case_id: number;
  actor_user_id: number | null;
  kind: string;
  rule: string;
  rule_version: string;
  reason: string;
  attempted_at: string;
}

export interface ObjectionsTable {
  id: Generated<number>;
  /** 'case_event' or a registry record kind: penalty, abnormal, revocation, enforcement, dishonest, lawsuit. */
  record_kind: string;
  record_id: number;
  /** Whom the record concerns: "ent:<credit code>" or "person:<id>". */
  subject_key: string;
  case_id: number | null;
  user_id: number;
  reason: string;
  status: 'open' | 'upheld' | 'corrected' | 'removed';
  due_on: string;
  deadline: string;
  outcome_reason: string | null;
  correction: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

export interface LedgerTransactionsTable {
  id: Generated<number>;
  case_id: number;
  idempotency_key: string;
  request_sha256: string;
  amount_fen: number;
  fee_fen: number;
  net_fen: number;
  received_at: string;
  recorded_by: number | null;
  event_id: number | null;
  created_at: string;
}

export interface LedgerPostingsTable {
  id: Generated<number>;
  transaction_id: number;
  account: string;
  debit_fen: number;
  credit_fen: number;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  case_id: number | null;
  event_id: number | null;
  kind: string;
  title: string;
  body: string;
  evidence: string;
  created_at: string;
  read_at: string | null;
  delivered_at: string | null;
  delivery_attempts: Generated<number>;
}

export interface ComplaintsTable {
  id: Generated<number>;
  agency_id: number;
  case_id: number | null;
  complainant_user_id: number;
  complainant_role: string;
  text: string;
  evidence: string;
  status: 'open' | 'responded' | 'escalated' | 'resolved';
  /** The agency must respond by then (48 hours after filing). */
  due_at: string;
  response: string | null;
  responded_at: string | null;
  escalated_at: string | null;
  resolution: string | null;
  resolved_by: number | null;
  resolved_at: string | null;
  created_at: string;
}

export interface RatingsTable {
  id: Generated<number>;
  case_id: number;
  rater_user_id: number;
  /** 'creditor' rates the agency; 'agency' rates the creditor. */
  rater_role: 'creditor' | 'agency';
  agency_id: number;
  creditor_user_id: number;
  score: number;
  comment: string;
  created_at: string;
}

export interface RecommendationHistoryTable {
  id: Generated<number>;
  agency_id: number;
  recommended: number;
  reason: string;
  actor: string;
  at: string;
}

export interface CertificationApplicationsTable {
  id: Generated<number>;
  agency_id: number;
  applicant_user_id: number;
  commitment_sha256: string | null;
  status: 'applied' | 'submitted' | 'approved' | 'rejected';
  test_seed: number;
  bank_version: string;
  test_score: number | null;
  wrong_answers: string | null;
  test_submitted_at: string | null;
  proposed_level: string | null;
  level_reason: string | null;
  granted_level: string | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

export interface SyncSourcesTable {
  name: string;
  kind: string;
  cursor: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  lock_holder: string | null;
  lock_expires_at: string | null;
}

export interface SyncRunsTable {
  id: Generated<number>;
  source: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  rows_read: Generated<number>;
  rows_inserted: Generated<number>;
  rows_updated: Generated<number>;
  rows_removed: Generated<number>;
  rows_rejected: Generated<number>;
  pages: Generated<number>;
  error: string | null;
}

export interface SyncQuarantineTable {
  id: Generated<number>;
  source: string;
  run_id: number;
  /** Line of a file, or page cursor and index of an API response. */
  position: string;
  /** The row as received (JSON). */
  raw: string;
  reason: string;
  status: 'open' | 'replayed' | 'discarded';
  created_at: string;
  resolved_at: string | null;
}

export interface RiskModelsTable {
  version: string;
  trained_at: string;
  /** JSON of the scorecard (domain/risk/scorecard.ts). */
  model: string;
  /** JSON of the hold-out metrics. */
  metrics: string;
  /** What it was trained on, in words. */
  training_source: string;
  active: Generated<number>;
}

export interface WatchlistTable {
  id: Generated<number>;
  owner_user_id: number;
  credit_code: string;
  label: string;
  /** Risk band at the last evaluation (a worse one raises an alert). */
  last_band: string | null;
  created_at: string;
}

export interface AlertsTable {
  id: Generated<number>;
  owner_user_id: number;
  credit_code: string;
  rule: string;
  dedup_key: string;
  record_kind: string | null;
  record_id: number | null;
  title: string;
  details: string;
  status: 'active' | 'withdrawn';
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  read_at: string | null;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  owner_user_id: number;
  url: string;
  /** The signing secret, sealed with the personal-information key (it must be readable to sign). */
  secret_enc: string;
  active: Generated<number>;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  alert_id: number;
  event: 'alert.created' | 'alert.withdrawn';
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface AgencyGradeHistoryTable {
  id: Generated<number>;
  agency_id: number;
  grade: string;
  score: number;
  /** JSON array of reasons (domain/agency-grade.ts). */
  reasons: string;
  computed_at: string;
}

export interface MediationOffersTable {
  id: Generated<number>;
  case_id: number;
  /** Who proposed it: creditor, debtor, agency or mediator. */
  by_party: string;
  dispute_type: string;
  situation: string;
  /** JSON of the plan (domain/mediation/repayment-plan.ts). */
  plan: string;
  status: 'proposed' | 'accepted' | 'rejected' | 'countered' | 'expired' | 'withdrawn' | 'completed' | 'defaulted';
  deadline: string;
  agreement_sha256: string | null;
  created_at: string;
  answered_at: string | null;
  /** A mediator's proposal binds when both sides accept: when each did. */
  creditor_accepted_at: string | null;
  debtor_accepted_at: string | null;
}

/** The mediator who took a case from the mediation queue. */
export interface CaseMediatorsTable {
  case_id: number;
  mediator_user_id: number;
  assigned_at: string;
}

export interface LawFirmsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  specialties: string;
  city_codes: string;
  capacity: number;
  fee_bps: number;
  client_codes: string;
  updated_at: string;
}

export interface LawFirmAssignmentsTable {
  case_id: number;
  firm_id: number;
  score: string;
  assigned_at: string;
}

export interface LawFirmRatingsTable {
  id: Generated<number>;
  case_id: number;
  firm_id: number;
  creditor_user_id: number;
  score: number;
  comment: string;
  created_at: string;
}

/** The whole database as Kysely sees it. */
export interface DB {
  enterprises: EnterprisesTable;
  enterprise_former_names: FormerNamesTable;
  shareholders: ShareholdersTable;
  key_personnel: KeyPersonnelTable;
  agencies: AgenciesTable;
  penalties: PenaltiesTable;
  abnormal_entries: AbnormalEntriesTable;
  licence_revocations: LicenceRevocationsTable;
  enforcement_records: EnforcementRecordsTable;
  dishonest_entries: DishonestEntriesTable;
  lawsuits: LawsuitsTable;
  service_scope_rules: ServiceScopeRulesTable;
  app_meta: AppMetaTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  related_parties: RelatedPartiesTable;
  pii_access_log: PiiAccessLogTable;
  persons: PersonsTable;
  data_requests: DataRequestsTable;
  log_state: LogStateTable;
  log_entries: LogEntriesTable;
  log_tree_heads: LogTreeHeadsTable;
  evidence_blobs: EvidenceBlobsTable;
  debts: DebtsTable;
  agency_fee_schedules: AgencyFeeSchedulesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  objections: ObjectionsTable;
  compliance_refusals: ComplianceRefusalsTable;
  complaints: ComplaintsTable;
  ratings: RatingsTable;
  recommendation_history: RecommendationHistoryTable;
  certification_applications: CertificationApplicationsTable;
  sync_sources: SyncSourcesTable;
  sync_runs: SyncRunsTable;
  sync_quarantine: SyncQuarantineTable;
  risk_models: RiskModelsTable;
  watchlist: WatchlistTable;
  alerts: AlertsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  agency_grade_history: AgencyGradeHistoryTable;
  mediation_offers: MediationOffersTable;
  law_firms: LawFirmsTable;
  law_firm_assignments: LawFirmAssignmentsTable;
  law_firm_ratings: LawFirmRatingsTable;
  case_mediators: CaseMediatorsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
  notifications: NotificationsTable;
}

export type EnterpriseRow = Selectable<EnterprisesTable>;
export type NewEnterprise = Insertable<EnterprisesTable>;
export type EnterpriseUpdate = Updateable<EnterprisesTable>;
export type AgencyRow = Selectable<AgenciesTable>;
export type PenaltyRow = Selectable<PenaltiesTable>;
export type AbnormalEntryRow = Selectable<AbnormalEntriesTable>;
export type LicenceRevocationRow = Selectable<LicenceRevocationsTable>;
export type EnforcementRecordRow = Selectable<EnforcementRecordsTable>;
export type DishonestEntryRow = Selectable<DishonestEntriesTable>;
export type LawsuitRow = Selectable<LawsuitsTable>;
export type ServiceScopeRuleRow = Selectable<ServiceScopeRulesTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export type CaseRow = Selectable<CasesTable>;
export type DebtRow = Selectable<DebtsTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;

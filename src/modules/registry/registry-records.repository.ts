/**
 * Upserts of public records by natural key (decision number, case number, filing…), shared by the
 * demo seeder and `xinqiao import`. A row whose content is unchanged is not written, so re-running
 * an import changes nothing.
 */
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { AbnormalImport, AgencyImport, DishonestImport, EnforcementImport, LawsuitImport, PenaltyImport, RevocationImport } from './import.schemas.js';

type RecordTable = 'agencies' | 'penalties' | 'abnormal_entries' | 'licence_revocations' | 'enforcement_records' | 'dishonest_entries' | 'lawsuits';

/** How one kind of record maps onto its table. */
export interface RecordKind<I> {
  table: RecordTable;
  /** Columns that identify a record (the natural key), including enterprise_id where needed. */
  key: string[];
  toRow(input: I, enterpriseId: number, fetchedAt: string): Record<string, unknown>;
}

/** Counts of what an upsert did. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const prov = (i: { source: string; fetchedAt?: string | undefined }, fetchedAt: string) => ({ source: i.source, fetched_at: i.fetchedAt ?? fetchedAt });

/** Record kinds by import name. */
export const RECORD_KINDS = {
  agencies: { table: 'agencies', key: ['enterprise_id'], toRow: (a: AgencyImport, id, f) => ({ enterprise_id: id, filing_number: a.filingNumber, filed_name: a.filedName, filing_city_code: a.filingCityCode, services: JSON.stringify(a.services), certification_level: a.certificationLevel, recommended: a.recommended ? 1 : 0, filed_on: a.filedOn, status: a.status, ...prov(a, f) }) } satisfies RecordKind<AgencyImport>,
  penalties: { table: 'penalties', key: ['decision_number'], toRow: (p: PenaltyImport, id, f) => ({ enterprise_id: id, decision_number: p.decisionNumber, authority: p.authority, reason: p.reason, content: p.content, amount_fen: p.amountFen, decided_on: p.decidedOn, ...prov(p, f) }) } satisfies RecordKind<PenaltyImport>,
  abnormal: { table: 'abnormal_entries', key: ['enterprise_id', 'listed_on', 'reason'], toRow: (a: AbnormalImport, id, f) => ({ enterprise_id: id, reason: a.reason, listed_on: a.listedOn, listed_by: a.listedBy, removed_on: a.removedOn, removal_reason: a.removalReason, ...prov(a, f) }) } satisfies RecordKind<AbnormalImport>,
  revocations: { table: 'licence_revocations', key: ['document_number'], toRow: (r: RevocationImport, id, f) => ({ enterprise_id: id, document_number: r.documentNumber, authority: r.authority, reason: r.reason, revoked_on: r.revokedOn, ...prov(r, f) }) } satisfies RecordKind<RevocationImport>,
  enforcement: { table: 'enforcement_records', key: ['case_number'], toRow: (e: EnforcementImport, id, f) => ({ enterprise_id: id, case_number: e.caseNumber, court: e.court, amount_fen: e.amountFen, filed_on: e.filedOn, status: e.status, closed_on: e.closedOn, ...prov(e, f) }) } satisfies RecordKind<EnforcementImport>,
  dishonest: { table: 'dishonest_entries', key: ['case_number'], toRow: (d: DishonestImport, id, f) => ({ enterprise_id: id, case_number: d.caseNumber, court: d.court, obligation: d.obligation, performance: d.performance, listed_on: d.listedOn, removed_on: d.removedOn, ...prov(d, f) }) } satisfies RecordKind<DishonestImport>,
  lawsuits: { table: 'lawsuits', key: ['case_number', 'enterprise_id'], toRow: (l: LawsuitImport, id, f) => ({ enterprise_id: id, case_number: l.caseNumber, court: l.court, cause: l.cause, role: l.role, amount_fen: l.amountFen, filed_on: l.filedOn, status: l.status, closed_on: l.closedOn, ...prov(l, f) }) } satisfies RecordKind<LawsuitImport>,
} as const;

const keyOf = (row: Record<string, unknown>, key: string[]) => JSON.stringify(key.map((k) => row[k]));

/** True when every column except provenance time equals the stored one (re-fetching identical data is not a change). */
function sameContent(stored: Record<string, unknown>, row: Record<string, unknown>): boolean {
  return Object.keys(row).every((k) => k === 'fetched_at' || String(stored[k] ?? '') === String(row[k] ?? ''));
}

/** Inserts new and updates changed records; rows must already carry enterprise ids. */
export async function upsertRecordRows(db: Executor, kind: RecordKind<never>, rows: Array<Record<string, unknown>>): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  // Later rows with the same key win, as if applied in order.
  const byKey = new Map(rows.map((r) => [keyOf(r, kind.key), r]));
  counts.unchanged += rows.length - byKey.size;
  const first = kind.key[0]!;
  const probe = [...new Set([...byKey.values()].map((r) => r[first]))];
  const table = kind.table as keyof DB;
  const existing = (await db.selectFrom(table).selectAll().where(first as never, 'in', probe as never).execute()) as Array<Record<string, unknown>>;
  const stored = new Map(existing.map((r) => [keyOf(r, kind.key), r]));
  const fresh: Array<Record<string, unknown>> = [];
  for (const [k, row] of byKey) {
    const old = stored.get(k);
    if (!old) fresh.push(row);
    else if (sameContent(old, row)) counts.unchanged++;
    else {
      await db.updateTable(table).set(row as never).where('id' as never, '=', old.id as never).execute();
      counts.updated++;
    }
  }
  if (fresh.length) await db.insertInto(table).values(fresh as never).execute();
  counts.inserted += fresh.length;
  return counts;
}

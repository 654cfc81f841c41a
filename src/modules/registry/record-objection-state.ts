/**
 * What other modules may change on registry records and agencies: a record's objection state (and its
 * withdrawal when an objection removes it), an agency's place on the recommended list (with history), and its
 * certification level. The objections and recourse modules call these; nobody else writes these columns.
 */
import type { Executor } from '../../db/database.js';

/** Registry record kinds a debtor can object to, with their tables. */
export const RECORD_KIND_TABLES = {
  penalty: 'penalties',
  abnormal: 'abnormal_entries',
  revocation: 'licence_revocations',
  enforcement: 'enforcement_records',
  dishonest: 'dishonest_entries',
  lawsuit: 'lawsuits',
} as const;

/** A registry record kind. */
export type RegistryRecordKind = keyof typeof RECORD_KIND_TABLES;

/** True for a registry record kind. */
export function isRegistryRecordKind(kind: string): kind is RegistryRecordKind {
  return Object.hasOwn(RECORD_KIND_TABLES, kind);
}

/** Whom a published record concerns (its enterprise's credit code), or null when there is no such public record. */
export async function recordSubject(db: Executor, kind: RegistryRecordKind, id: number): Promise<{ creditCode: string; enterpriseId: number; objectionStatus: string | null } | null> {
  const table = RECORD_KIND_TABLES[kind];
  const row = await db.selectFrom(table).innerJoin('enterprises', 'enterprises.id', `${table}.enterprise_id` as 'penalties.enterprise_id')
    .select(['enterprises.credit_code', 'enterprises.id', `${table}.objection_status` as 'penalties.objection_status'])
    .where(`${table}.id` as 'penalties.id', '=', id).where(`${table}.withdrawn_at` as 'penalties.withdrawn_at', 'is', null).executeTakeFirst();
  return row ? { creditCode: row.credit_code, enterpriseId: row.id, objectionStatus: row.objection_status } : null;
}

/** Sets a record's objection state; `withdrawAt` also takes it out of public view. */
export async function setRecordObjectionState(db: Executor, kind: RegistryRecordKind, id: number, state: { status: 'open' | 'corrected' | 'removed' | null; note: string | null; withdrawAt?: string }): Promise<void> {
  const table = RECORD_KIND_TABLES[kind];
  await db.updateTable(table as 'penalties').set({ objection_status: state.status, objection_note: state.note, ...(state.withdrawAt ? { withdrawn_at: state.withdrawAt } : {}) }).where('id', '=', id).execute();
}

/** Puts an agency on or off the recommended list and records why. */
export async function setAgencyRecommended(db: Executor, agencyId: number, recommended: boolean, reason: string, actor: string, at: string, delisted?: boolean): Promise<void> {
  await db.updateTable('agencies').set({ recommended: recommended ? 1 : 0, ...(delisted === undefined ? {} : { delisted_at: delisted ? at : null }) }).where('id', '=', agencyId).execute();
  await db.insertInto('recommendation_history').values({ agency_id: agencyId, recommended: recommended ? 1 : 0, reason, actor, at }).execute();
}

/** An agency's listing facts. */
export async function agencyListing(db: Executor, agencyId: number) {
  return db.selectFrom('agencies').select(['id', 'recommended', 'certification_level', 'delisted_at']).where('id', '=', agencyId).executeTakeFirst();
}

/** Sets an agency's certification level. */
export async function setCertificationLevel(db: Executor, agencyId: number, level: 'A' | 'AA' | 'AAA' | null): Promise<void> {
  await db.updateTable('agencies').set({ certification_level: level }).where('id', '=', agencyId).execute();
}

/** The recommended-list history of an agency, newest first. */
export function recommendationHistory(db: Executor, agencyId: number) {
  return db.selectFrom('recommendation_history').selectAll().where('agency_id', '=', agencyId).orderBy('id', 'desc').limit(50).execute();
}

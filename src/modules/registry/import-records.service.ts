/**
 * Imports registry rows (enterprises, agencies, penalties, enforcement…) from any row source:
 * each row is validated, bad rows are reported with their line number and reason, good rows are
 * committed in batches — one transaction per batch — and a re-run of the same rows changes nothing.
 */
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { ServiceContext } from '../../shared/context.js';
import { enterpriseContentHash, findEnterpriseKeys, insertEnterprises, replaceEnterprises, type EnterpriseInput } from './registry.repository.js';
import { RECORD_KINDS, upsertRecordRows, type RecordKind, type UpsertCounts } from './registry-records.repository.js';
import { ZAbnormalImport, ZAgencyImport, ZDishonestImport, ZEnforcementImport, ZEnterpriseImport, ZLawsuitImport, ZPenaltyImport, ZRevocationImport, type EnterpriseImport } from './import.schemas.js';

/** What can be imported. */
export const IMPORT_KINDS = ['enterprises', 'agencies', 'penalties', 'enforcement', 'abnormal', 'revocations', 'dishonest', 'lawsuits'] as const;
/** One importable kind. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

const SCHEMAS: Record<ImportKind, z.ZodType> = {
  enterprises: ZEnterpriseImport, agencies: ZAgencyImport, penalties: ZPenaltyImport, enforcement: ZEnforcementImport,
  abnormal: ZAbnormalImport, revocations: ZRevocationImport, dishonest: ZDishonestImport, lawsuits: ZLawsuitImport,
};

/** A raw row and where it came from. */
export interface SourceRow {
  line: number;
  raw: unknown;
  /** Set when the row could not even be read (e.g. malformed JSON). */
  error?: string;
}

/** A rejected row. */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** The outcome of an import. */
export interface ImportSummary extends UpsertCounts {
  read: number;
  rejected: RejectedRow[];
}

/** Converts a validated enterprise row to the repository's input. */
export function toEnterpriseInput(r: EnterpriseImport, now: string): EnterpriseInput {
  return {
    creditCode: r.creditCode, name: r.name, formerNames: r.formerNames, legalRepresentative: r.legalRepresentative,
    registeredCapitalFen: r.registeredCapitalFen ?? r.registeredCapitalYuan ?? 0, establishedOn: r.establishedOn, status: r.status,
    enterpriseType: r.enterpriseType, businessScope: r.businessScope, address: r.address, divisionCode: r.divisionCode ?? r.creditCode.slice(2, 8),
    shareholders: r.shareholders, keyPersonnel: r.keyPersonnel, source: r.source, fetchedAt: r.fetchedAt ?? now,
  };
}

/** Upserts enterprises by credit code (content hash decides whether anything changed). */
export async function upsertEnterprises(db: Executor, list: EnterpriseInput[], now: string): Promise<UpsertCounts> {
  const unique = [...new Map(list.map((e) => [e.creditCode, e])).values()];
  const known = await findEnterpriseKeys(db, unique.map((e) => e.creditCode));
  const fresh = unique.filter((e) => !known.has(e.creditCode));
  const changed = unique.filter((e) => known.has(e.creditCode) && known.get(e.creditCode)!.contentHash !== enterpriseContentHash(e));
  await insertEnterprises(db, fresh, now);
  await replaceEnterprises(db, changed.map((e) => [known.get(e.creditCode)!.id, e]), now);
  return { inserted: fresh.length, updated: changed.length, unchanged: list.length - fresh.length - changed.length };
}

/** Upserts records of one kind; rows naming an unknown enterprise come back as rejections. */
export async function upsertRecords<I extends { creditCode: string }>(db: Executor, kind: RecordKind<I>, rows: Array<{ line: number; value: I }>, now: string): Promise<UpsertCounts & { rejected: RejectedRow[] }> {
  const ids = await findEnterpriseKeys(db, rows.map((r) => r.value.creditCode));
  const rejected: RejectedRow[] = [];
  const mapped: Array<Record<string, unknown>> = [];
  for (const r of rows) {
    const e = ids.get(r.value.creditCode);
    if (!e) rejected.push({ line: r.line, reason: `creditCode: no registered enterprise has code ${r.value.creditCode}; import the enterprise first` });
    else mapped.push(kind.toRow(r.value, e.id, now));
  }
  return { ...(await upsertRecordRows(db, kind as RecordKind<never>, mapped)), rejected };
}

/** Upserts validated rows of a kind inside the caller's transaction (sync commits a page and its cursor together). */
export async function applyRows(trx: Executor, kind: ImportKind, batch: Array<{ line: number; value: unknown }>, now: string): Promise<UpsertCounts & { rejected: RejectedRow[] }> {
  if (kind === 'enterprises') {
    const counts = await upsertEnterprises(trx, batch.map((b) => toEnterpriseInput(b.value as EnterpriseImport, now)), now);
    return { ...counts, rejected: [] };
  }
  return upsertRecords(trx, RECORD_KINDS[kind] as RecordKind<{ creditCode: string }>, batch as Array<{ line: number; value: { creditCode: string } }>, now);
}

async function commitBatch(ctx: ServiceContext, kind: ImportKind, batch: Array<{ line: number; value: unknown }>, now: string): Promise<UpsertCounts & { rejected: RejectedRow[] }> {
  return ctx.db.transaction().execute((trx) => applyRows(trx, kind, batch, now));
}

/** Validates one raw row of a kind. */
export function validateRow(kind: ImportKind, raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  return safeParse(SCHEMAS[kind], raw);
}

/** Natural-key fields a removal (tombstone) must carry, per kind. */
export const REMOVAL_KEYS: Record<Exclude<ImportKind, 'enterprises'>, string[]> = {
  agencies: ['creditCode'], penalties: ['decisionNumber'], abnormal: ['creditCode', 'listedOn', 'reason'], revocations: ['documentNumber'],
  enforcement: ['caseNumber'], dishonest: ['caseNumber'], lawsuits: ['caseNumber', 'creditCode'],
};

/**
 * Applies a removal from the source (a debtor delisted, a record withdrawn) by natural key: the record leaves public
 * view (withdrawn_at) but is kept, like every negative record past retention. Returns how many rows it withdrew, or
 * a reason when the tombstone cannot be applied.
 */
export async function withdrawByKey(trx: Executor, kind: ImportKind, raw: Record<string, unknown>, at: string): Promise<{ ok: true; withdrawn: number } | { ok: false; reason: string }> {
  if (kind === 'enterprises') return { ok: false, reason: 'enterprises are never removed; send the new status (revoked, cancelled…) instead' };
  const missing = REMOVAL_KEYS[kind].filter((k) => raw[k] === undefined || raw[k] === null || raw[k] === '');
  if (missing.length) return { ok: false, reason: `a removal needs ${missing.join(', ')}` };
  const table = RECORD_KINDS[kind].table;
  let enterpriseId: number | null = null;
  if (REMOVAL_KEYS[kind].includes('creditCode')) {
    const e = await trx.selectFrom('enterprises').select('id').where('credit_code', '=', String(raw.creditCode).toUpperCase()).executeTakeFirst();
    if (!e) return { ok: true, withdrawn: 0 };
    enterpriseId = e.id;
  }
  if (table === 'agencies') {
    const r = await trx.updateTable('agencies').set({ status: 'withdrawn' }).where('enterprise_id', '=', enterpriseId!).where('status', '=', 'filed').executeTakeFirst();
    return { ok: true, withdrawn: Number(r.numUpdatedRows) };
  }
  let q = trx.updateTable(table as 'penalties').set({ withdrawn_at: at }).where('withdrawn_at', 'is', null);
  const column: Record<string, string> = { decisionNumber: 'decision_number', documentNumber: 'document_number', caseNumber: 'case_number', listedOn: 'listed_on', reason: 'reason' };
  for (const k of REMOVAL_KEYS[kind]) q = k === 'creditCode' ? q.where('enterprise_id' as never, '=', enterpriseId as never) : q.where(column[k] as never, '=', String(raw[k]) as never);
  const r = await q.executeTakeFirst();
  return { ok: true, withdrawn: Number(r.numUpdatedRows) };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
}

/** Runs an import; `onProgress` is called after each committed batch with the rows read so far. */
export async function importRows(ctx: ServiceContext, kind: ImportKind, rows: AsyncIterable<SourceRow>, options: { batchSize?: number; onProgress?: (read: number) => void } = {}): Promise<ImportSummary> {
  const schema = SCHEMAS[kind];
  const batchSize = options.batchSize ?? 500;
  const summary: ImportSummary = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  const now = ctx.clock().toISOString();
  let batch: Array<{ line: number; value: unknown }> = [];
  const flush = async () => {
    if (!batch.length) return;
    let results: Array<UpsertCounts & { rejected: RejectedRow[] }>;
    try {
      results = [await commitBatch(ctx, kind, batch, now)];
    } catch (err) {
      // A constraint failure somewhere in the batch: retry row by row so good rows still land and the bad one is named.
      ctx.log.debug({ err }, 'batch failed; retrying row by row');
      results = [];
      for (const row of batch) {
        try {
          results.push(await commitBatch(ctx, kind, [row], now));
        } catch (rowErr) {
          summary.rejected.push({ line: row.line, reason: `database refused the row: ${rowErr instanceof Error ? rowErr.message : String(rowErr)}` });
        }
      }
    }
    for (const r of results) {
      summary.inserted += r.inserted;
      summary.updated += r.updated;
      summary.unchanged += r.unchanged;
      summary.rejected.push(...r.rejected);
    }
    batch = [];
    options.onProgress?.(summary.read);
  };
  for await (const row of rows) {
    summary.read++;
    const parsed = row.error ? { ok: false as const, reason: row.error } : safeParse(schema, row.raw);
    if (parsed.ok) batch.push({ line: row.line, value: parsed.value });
    else summary.rejected.push({ line: row.line, reason: parsed.reason });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  summary.rejected.sort((a, b) => a.line - b.line);
  return summary;
}

function safeParse(schema: z.ZodType, raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    const result = schema.safeParse(raw);
    return result.success ? { ok: true, value: result.data } : { ok: false, reason: describeIssues(result.error) };
  } catch (err) {
    // e.g. a CSV cell holding malformed JSON for shareholders.
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

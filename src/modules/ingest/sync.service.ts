/**
 * `sync`: pulls one source page by page. Each page — its valid rows upserted by natural key, its removals applied,
 * its bad rows quarantined, and the source's cursor — commits in ONE transaction, so a run killed at any moment
 * resumes after its last committed page and the end state equals an uninterrupted run: nothing lost, nothing
 * doubled. One run per source at a time across processes (a lease lock that a dead process's run lets expire).
 * A failing source keeps its existing data; the failure is recorded and the operators are alerted.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { deliverNotifications, notifyRegulators } from '../notifications/notifications.service.js';
import type { NotificationSender } from '../notifications/notification-sender.js';
import { applyRows, validateRow, withdrawByKey, type ImportKind } from '../registry/import-records.service.js';
import type { Connector } from './connectors/connector.js';
import { FileConnector } from './connectors/file-connector.js';
import { HttpConnector } from './connectors/http-connector.js';
import type { Source } from './sources.config.js';

/** What the sync needs. */
export interface SyncDeps {
  sources: Source[];
  secret: (name: string) => string | undefined;
  leaseMs: number;
  sender?: NotificationSender;
  /** Tests inject a fetch; production uses the global one. */
  fetchImpl?: typeof fetch;
}

/** Progress after each committed page. */
export interface SyncProgress {
  pages: number;
  read: number;
  inserted: number;
  updated: number;
  removed: number;
  rejected: number;
}

/** The outcome of a run. */
export interface SyncRun extends SyncProgress {
  runId: number;
  source: string;
  status: 'succeeded' | 'failed';
  error: string | null;
  cursor: string | null;
  durationMs: number;
}

/** The configured source of a name. */
export function sourceNamed(deps: Pick<SyncDeps, 'sources'>, name: string): Source {
  const s = deps.sources.find((x) => x.name === name);
  if (!s) throw new AppError('not_found', `No data source named “${name}”${deps.sources.length ? `; configured: ${deps.sources.map((x) => x.name).join(', ')}` : ' (none is configured)'}.`);
  return s;
}

function connectorFor(source: Source, deps: SyncDeps): Connector {
  return source.type === 'file' ? new FileConnector(source) : new HttpConnector(source, deps.secret, deps.fetchImpl);
}

async function acquire(ctx: ServiceContext, source: Source, holder: string, leaseMs: number): Promise<void> {
  const now = ctx.clock();
  await ctx.db.insertInto('sync_sources').values({ name: source.name, kind: source.kind, cursor: null, last_run_at: null, last_success_at: null, last_error: null, lock_holder: null, lock_expires_at: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const r = await ctx.db.updateTable('sync_sources').set({ lock_holder: holder, lock_expires_at: new Date(now.getTime() + leaseMs).toISOString(), kind: source.kind })
    .where('name', '=', source.name).where((eb) => eb.or([eb('lock_holder', 'is', null), eb('lock_expires_at', '<', now.toISOString())])).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const row = await ctx.db.selectFrom('sync_sources').select(['lock_holder', 'lock_expires_at']).where('name', '=', source.name).executeTakeFirst();
    throw new AppError('conflict', `Source ${source.name} is already being synced (${row?.lock_holder}, lease until ${row?.lock_expires_at}).`);
  }
}

/** Runs one sync of a source; `since` restarts from that cursor ("" for everything). */
export async function runSync(ctx: ServiceContext, deps: SyncDeps, name: string, options: { since?: string | null | undefined; onPage?: (p: SyncProgress) => void } = {}): Promise<SyncRun> {
  const source = sourceNamed(deps, name);
  const kind = source.kind as ImportKind;
  const holder = `${process.pid}:${randomUUID().slice(0, 8)}`;
  await acquire(ctx, source, holder, deps.leaseMs);
  const started = ctx.clock();
  // Runs left "running" by a process that died: we hold the lock now, so they are over.
  await ctx.db.updateTable('sync_runs').set({ status: 'interrupted', finished_at: started.toISOString() }).where('source', '=', source.name).where('status', '=', 'running').execute();
  const runId = (await ctx.db.insertInto('sync_runs').values({ source: source.name, started_at: started.toISOString(), finished_at: null, status: 'running', error: null }).returning('id').executeTakeFirstOrThrow()).id;
  const state = await ctx.db.selectFrom('sync_sources').select('cursor').where('name', '=', source.name).executeTakeFirstOrThrow();
  let cursor = options.since !== undefined ? options.since || null : state.cursor;
  const p: SyncProgress = { pages: 0, read: 0, inserted: 0, updated: 0, removed: 0, rejected: 0 };
  let error: string | null = null;
  try {
    for await (const page of connectorFor(source, deps).pages(cursor)) {
      const now = ctx.clock().toISOString();
      const counts = await ctx.db.transaction().execute(async (trx) => {
        // Renew the lease; losing it means another process took over after our lease ran out: stop.
        const lease = await trx.updateTable('sync_sources').set({ lock_expires_at: new Date(Date.parse(now) + deps.leaseMs).toISOString() }).where('name', '=', source.name).where('lock_holder', '=', holder).executeTakeFirst();
        if (Number(lease.numUpdatedRows) === 0) throw new Error('the sync lock was lost (the lease expired and another run took over)');
        const c = { read: page.rows.length, inserted: 0, updated: 0, removed: 0, rejected: 0 };
        const quarantine: Array<{ position: string; raw: unknown; reason: string }> = [];
        const valid: Array<{ line: number; value: unknown; position: string; raw: unknown }> = [];
        for (const row of page.rows) {
          if (row.error || !row.raw) { quarantine.push({ position: row.position, raw: row.raw, reason: row.error ?? 'row: empty' }); continue; }
          if (row.raw.deleted === true || row.raw.deleted === 'true') {
            const w = await withdrawByKey(trx, kind, row.raw, now);
            if (w.ok) c.removed += w.withdrawn;
            else quarantine.push({ position: row.position, raw: row.raw, reason: w.reason });
            continue;
          }
          // Every record keeps where it came from: the source's name, and when it was fetched unless the source says.
          const checked = validateRow(kind, { fetchedAt: now, ...row.raw, source: source.name });
          if (checked.ok) valid.push({ line: valid.length, value: checked.value, position: row.position, raw: row.raw });
          else quarantine.push({ position: row.position, raw: row.raw, reason: checked.reason });
        }
        const applied = await applyRows(trx, kind, valid, now);
        c.inserted += applied.inserted;
        c.updated += applied.updated;
        for (const r of applied.rejected) quarantine.push({ position: valid[r.line]!.position, raw: valid[r.line]!.raw, reason: r.reason });
        for (let i = 0; i < quarantine.length; i += 200) {
          await trx.insertInto('sync_quarantine').values(quarantine.slice(i, i + 200).map((q) => ({ source: source.name, run_id: runId, position: q.position, raw: JSON.stringify(q.raw), reason: q.reason, status: 'open' as const, created_at: now, resolved_at: null }))).execute();
        }
        c.rejected = quarantine.length;
        await trx.updateTable('sync_sources').set({ cursor: page.cursor }).where('name', '=', source.name).execute();
        await trx.updateTable('sync_runs').set((eb) => ({ pages: eb('pages', '+', 1), rows_read: eb('rows_read', '+', c.read), rows_inserted: eb('rows_inserted', '+', c.inserted), rows_updated: eb('rows_updated', '+', c.updated), rows_removed: eb('rows_removed', '+', c.removed), rows_rejected: eb('rows_rejected', '+', c.rejected) })).where('id', '=', runId).execute();
        return c;
      });
      cursor = page.cursor;
      p.pages++;
      p.read += counts.read;
      p.inserted += counts.inserted;
      p.updated += counts.updated;
      p.removed += counts.removed;
      p.rejected += counts.rejected;
      options.onPage?.({ ...p });
    }
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const finished = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('sync_runs').set({ status: error ? 'failed' : 'succeeded', finished_at: finished, error }).where('id', '=', runId).execute();
    await trx.updateTable('sync_sources').set({ last_run_at: finished, lock_holder: null, lock_expires_at: null, ...(error ? { last_error: error } : { last_success_at: finished, last_error: null }) }).where('name', '=', source.name).where('lock_holder', '=', holder).execute();
    // The source failed: yesterday's data stays as it is, and the operators hear about it.
    if (error) await notifyRegulators(trx, { kind: 'sync_failed', title: `数据源 ${source.name} 同步失败`, body: error, created_at: finished });
  });
  if (error) {
    ctx.log.error({ source: source.name, error }, 'sync failed; existing data is kept');
    if (deps.sender) await deliverNotifications(ctx, { sender: deps.sender }).catch(() => undefined);
  }
  return { runId, source: source.name, status: error ? 'failed' : 'succeeded', error, cursor, durationMs: Date.parse(finished) - started.getTime(), ...p };
}

/** Every configured source with its state; stale when not synced successfully within its window. */
export async function sourceStatuses(ctx: ServiceContext, deps: Pick<SyncDeps, 'sources'>) {
  const rows = await ctx.db.selectFrom('sync_sources').selectAll().execute();
  const now = ctx.clock().getTime();
  return deps.sources.map((s) => {
    const r = rows.find((x) => x.name === s.name);
    const last = r?.last_success_at ?? null;
    return {
      name: s.name, kind: s.kind, type: s.type, cron: s.cron, staleAfterHours: s.staleAfterHours,
      lastSuccessAt: last, lastRunAt: r?.last_run_at ?? null, lastError: r?.last_error ?? null, cursor: r?.cursor ?? null,
      running: Boolean(r?.lock_holder && r.lock_expires_at && Date.parse(r.lock_expires_at) > now),
      stale: !last || now - Date.parse(last) > s.staleAfterHours * 3_600_000,
    };
  });
}

/** Run history, newest first. */
export async function syncRuns(ctx: ServiceContext, source: string | undefined, limit: number) {
  let q = ctx.db.selectFrom('sync_runs').selectAll();
  if (source) q = q.where('source', '=', source);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, source: r.source, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at, durationMs: r.finished_at ? Date.parse(r.finished_at) - Date.parse(r.started_at) : null, read: r.rows_read, inserted: r.rows_inserted, updated: r.rows_updated, removed: r.rows_removed, rejected: r.rows_rejected, pages: r.pages, error: r.error }));
}

/** Quarantined rows. */
export async function quarantined(ctx: ServiceContext, filter: { source?: string | undefined; status: 'open' | 'replayed' | 'discarded' }, limit: number) {
  let q = ctx.db.selectFrom('sync_quarantine').selectAll().where('status', '=', filter.status);
  if (filter.source) q = q.where('source', '=', filter.source);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, source: r.source, runId: r.run_id, position: r.position, raw: JSON.parse(r.raw) as unknown, reason: r.reason, status: r.status, createdAt: r.created_at, resolvedAt: r.resolved_at }));
}

/** Replays a quarantined row after a fix (the enterprise now exists, the mapping is corrected…), or discards it. */
export async function resolveQuarantined(ctx: ServiceContext, deps: Pick<SyncDeps, 'sources'>, id: number, action: 'replay' | 'discard') {
  const q = await ctx.db.selectFrom('sync_quarantine').selectAll().where('id', '=', id).executeTakeFirst();
  if (!q) throw new AppError('not_found', `No quarantined row ${id}.`);
  if (q.status !== 'open') throw new AppError('conflict', `Row ${id} was already ${q.status}.`);
  const now = ctx.clock().toISOString();
  if (action === 'discard') {
    await ctx.db.updateTable('sync_quarantine').set({ status: 'discarded', resolved_at: now }).where('id', '=', id).execute();
    return { id, status: 'discarded' as const, reason: q.reason };
  }
  const source = sourceNamed(deps, q.source);
  const kind = source.kind as ImportKind;
  const raw = JSON.parse(q.raw) as Record<string, unknown> | null;
  const fail = async (reason: string) => {
    await ctx.db.updateTable('sync_quarantine').set({ reason }).where('id', '=', id).execute();
    return { id, status: 'open' as const, reason };
  };
  if (!raw) return fail(q.reason);
  const checked = validateRow(kind, { fetchedAt: now, ...raw, source: source.name });
  if (!checked.ok) return fail(checked.reason);
  return ctx.db.transaction().execute(async (trx) => {
    const applied = await applyRows(trx, kind, [{ line: 0, value: checked.value }], now);
    if (applied.rejected.length) {
      await trx.updateTable('sync_quarantine').set({ reason: applied.rejected[0]!.reason }).where('id', '=', id).execute();
      return { id, status: 'open' as const, reason: applied.rejected[0]!.reason };
    }
    await trx.updateTable('sync_quarantine').set({ status: 'replayed', resolved_at: now }).where('id', '=', id).execute();
    return { id, status: 'replayed' as const, reason: null };
  });
}

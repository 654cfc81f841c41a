/**
 * Watchlists and alerts. The evaluation compares what each watched enterprise's public records say now with the
 * active alerts: a new qualifying record raises one alert (deduplicated by owner and record), a record that has
 * expired or been removed withdraws its alert. Every raised or withdrawn alert is queued, in the same transaction,
 * for the owner's webhooks (outbox) and in-app inbox. Rules are data (src/domain/alert-rules.json).
 */
import rulesFile from '../../domain/alert-rules.json' with { type: 'json' };
import { checkCreditCode } from '../../domain/credit-code.js';
import { featuresOf } from '../../domain/risk/features.js';
import { predict } from '../../domain/risk/scorecard.js';
import type { Executor } from '../../db/database.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { queueNotification } from '../notifications/notifications.service.js';
import { activeModel } from '../risk/risk.service.js';

/** The most codes one watchlist holds. */
export const MAX_WATCHED = 10_000;
const RULES = rulesFile.rules;
const BAND_ORDER = ['low', 'medium', 'high', 'very_high'];

function ownerOf(ctx: ServiceContext): number {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  return ctx.actor.userId;
}

/** Adds codes to the caller's watchlist (valid codes only; each bad one named). */
export async function watch(ctx: ServiceContext, items: Array<{ creditCode: string; label?: string | undefined }>) {
  const owner = ownerOf(ctx);
  const bad = items.map((it, i) => ({ i, check: checkCreditCode(it.creditCode) })).filter((x) => !x.check.valid);
  if (bad.length) throw new AppError('invalid_input', `${bad.length} code(s) are not valid unified social credit codes.`, bad.slice(0, 50).map((b) => ({ field: `body.items.${b.i}.creditCode`, detail: b.check.message?.en ?? String(b.check.reason) })));
  const current = await ctx.db.selectFrom('watchlist').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_user_id', '=', owner).executeTakeFirstOrThrow();
  if (Number(current.n) + items.length > MAX_WATCHED) throw new AppError('invalid_input', `A watchlist holds at most ${MAX_WATCHED.toLocaleString('en')} codes.`);
  const now = ctx.clock().toISOString();
  for (let i = 0; i < items.length; i += 500) {
    const rows = items.slice(i, i + 500).map((it) => ({ owner_user_id: owner, credit_code: checkCreditCode(it.creditCode).normalised, label: it.label ?? '', last_band: null, created_at: now }));
    await ctx.db.insertInto('watchlist').values(rows).onConflict((oc) => oc.columns(['owner_user_id', 'credit_code']).doNothing()).execute();
  }
  const after = await ctx.db.selectFrom('watchlist').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_user_id', '=', owner).executeTakeFirstOrThrow();
  return { added: Number(after.n) - Number(current.n), watched: Number(after.n) };
}

/** Removes a code from the caller's watchlist (its alerts stay in the inbox as history). */
export async function unwatch(ctx: ServiceContext, creditCode: string) {
  const r = await ctx.db.deleteFrom('watchlist').where('owner_user_id', '=', ownerOf(ctx)).where('credit_code', '=', creditCode.toUpperCase()).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('not_found', `${creditCode} is not on your watchlist.`);
  return { removed: creditCode.toUpperCase() };
}

/** The caller's watchlist with the names of the enterprises. */
export async function watchlist(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('watchlist').leftJoin('enterprises', 'enterprises.credit_code', 'watchlist.credit_code').select(['watchlist.credit_code', 'watchlist.label', 'watchlist.last_band', 'watchlist.created_at', 'enterprises.name', 'enterprises.id as enterprise_id'])
    .where('watchlist.owner_user_id', '=', ownerOf(ctx)).orderBy('watchlist.id').execute();
  return { items: rows.map((r) => ({ creditCode: r.credit_code, label: r.label, name: r.name, enterpriseId: r.enterprise_id, riskBand: r.last_band, since: r.created_at })) };
}

/** An alert the records call for now. */
interface Wanted {
  rule: string;
  key: string;
  recordKind: string | null;
  recordId: number | null;
  title: string;
  details: Record<string, unknown>;
}

/** What the records of one enterprise call for, for a watcher who started watching at `since`. */
async function wantedAlerts(db: Executor, enterpriseId: number | null, code: string, since: string, now: Date, band: { now: string | null; before: string | null }): Promise<Wanted[]> {
  const out: Wanted[] = [];
  if (enterpriseId !== null) {
    const [lawsuits, dishonest, penalties, revocations, abnormal] = await Promise.all([
      db.selectFrom('lawsuits').select(['id', 'case_number']).where('enterprise_id', '=', enterpriseId).where('withdrawn_at', 'is', null).where('status', '=', 'open').where('role', '=', 'defendant').execute(),
      db.selectFrom('dishonest_entries').select(['id', 'case_number', 'court', 'source']).where('enterprise_id', '=', enterpriseId).where('withdrawn_at', 'is', null).where('removed_on', 'is', null).execute(),
      db.selectFrom('penalties').select(['id', 'decision_number', 'authority', 'decided_on', 'fetched_at', 'source']).where('enterprise_id', '=', enterpriseId).where('withdrawn_at', 'is', null).execute(),
      db.selectFrom('licence_revocations').select(['id', 'document_number', 'revoked_on', 'source']).where('enterprise_id', '=', enterpriseId).where('withdrawn_at', 'is', null).execute(),
      db.selectFrom('abnormal_entries').select(['id', 'reason', 'listed_on', 'source']).where('enterprise_id', '=', enterpriseId).where('withdrawn_at', 'is', null).where('removed_on', 'is', null).execute(),
    ]);
    if (RULES.lawsuits.enabled && lawsuits.length >= RULES.lawsuits.minOpenLawsuits) out.push({ rule: 'lawsuits', key: `lawsuits:${code}`, recordKind: 'lawsuit', recordId: lawsuits[0]!.id, title: `${lawsuits.length} 起未结诉讼（作为被告）`, details: { openLawsuits: lawsuits.length, caseNumbers: lawsuits.map((l) => l.case_number).slice(0, 10) } });
    if (RULES.dishonest.enabled) for (const d of dishonest) out.push({ rule: 'dishonest', key: `dishonest:${d.id}`, recordKind: 'dishonest', recordId: d.id, title: `列入失信被执行人名单：${d.case_number}`, details: { caseNumber: d.case_number, court: d.court, source: d.source } });
    if (RULES.penalty.enabled) for (const p of penalties) if (!RULES.penalty.onlyAfterWatching || p.fetched_at >= since) out.push({ rule: 'penalty', key: `penalty:${p.id}`, recordKind: 'penalty', recordId: p.id, title: `新的行政处罚：${p.decision_number}`, details: { decisionNumber: p.decision_number, authority: p.authority, decidedOn: p.decided_on, source: p.source } });
    if (RULES.revocation.enabled) for (const r of revocations) out.push({ rule: 'revocation', key: `revocation:${r.id}`, recordKind: 'revocation', recordId: r.id, title: `营业执照被吊销：${r.document_number}`, details: { documentNumber: r.document_number, revokedOn: r.revoked_on, source: r.source } });
    const expiry = new Date(now.getTime() - RULES.abnormal.abnormalExpiryDays * 86_400_000).toISOString().slice(0, 10);
    if (RULES.abnormal.enabled) for (const a of abnormal) if (a.listed_on > expiry) out.push({ rule: 'abnormal', key: `abnormal:${a.id}`, recordKind: 'abnormal', recordId: a.id, title: `列入经营异常名录：${a.reason}`, details: { reason: a.reason, listedOn: a.listed_on, source: a.source } });
  }
  if (RULES.risk_band.enabled && band.now && band.before && BAND_ORDER.indexOf(band.now) > BAND_ORDER.indexOf(band.before)) {
    out.push({ rule: 'risk_band', key: `risk:${code}:${band.now}`, recordKind: null, recordId: null, title: `风险等级由“${band.before}”升至“${band.now}”`, details: { from: band.before, to: band.now } });
  }
  return out;
}

/** Queues an alert event for the owner's webhooks and inbox (inside the caller's transaction). */
async function fanOut(trx: Executor, ownerId: number, alert: { id: number; creditCode: string; rule: string; title: string; details: Record<string, unknown>; recordKind: string | null; recordId: number | null }, event: 'alert.created' | 'alert.withdrawn', now: string, reason?: string) {
  const payload = JSON.stringify({ event, sentFor: now, alert: { id: alert.id, creditCode: alert.creditCode, rule: alert.rule, title: alert.title, details: alert.details, record: alert.recordKind ? { kind: alert.recordKind, id: alert.recordId } : null, ...(reason ? { withdrawnReason: reason } : {}) } });
  const endpoints = await trx.selectFrom('webhook_endpoints').select('id').where('owner_user_id', '=', ownerId).where('active', '=', 1).execute();
  for (const e of endpoints) {
    await trx.insertInto('webhook_deliveries').values({ endpoint_id: e.id, alert_id: alert.id, event, payload, status: 'pending', next_attempt_at: now, last_status: null, last_error: null, delivered_at: null, created_at: now })
      .onConflict((oc) => oc.columns(['endpoint_id', 'alert_id', 'event']).doNothing()).execute();
  }
  if (event === 'alert.created') await queueNotification(trx, { user_id: ownerId, kind: 'alert', title: alert.title, body: `${alert.creditCode}`, created_at: now });
}

/** Evaluates every watch (or one owner's); returns how many alerts were raised and withdrawn. Idempotent. */
export async function evaluateAlerts(ctx: ServiceContext, ownerId?: number): Promise<{ raised: number; withdrawn: number }> {
  let q = ctx.db.selectFrom('watchlist').leftJoin('enterprises', 'enterprises.credit_code', 'watchlist.credit_code').select(['watchlist.id', 'watchlist.owner_user_id', 'watchlist.credit_code', 'watchlist.created_at', 'watchlist.last_band', 'enterprises.id as enterprise_id', 'enterprises.business_scope', 'enterprises.city_code']);
  if (ownerId !== undefined) q = q.where('watchlist.owner_user_id', '=', ownerId);
  const watches = await q.execute();
  const model = await activeModel(ctx);
  const now = ctx.clock();
  const nowIso = now.toISOString();
  let raised = 0;
  let withdrawn = 0;
  for (const w of watches) {
    let band: string | null = null;
    if (model && w.enterprise_id !== null) {
      const c = await ctx.db.selectFrom('lawsuits').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', w.enterprise_id).where('withdrawn_at', 'is', null).where('status', '=', 'open').where('role', '=', 'defendant').executeTakeFirstOrThrow();
      const e = await ctx.db.selectFrom('enforcement_records').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', w.enterprise_id).where('withdrawn_at', 'is', null).where('status', '=', 'open').executeTakeFirstOrThrow();
      const d = await ctx.db.selectFrom('dishonest_entries').select('id').where('enterprise_id', '=', w.enterprise_id).where('withdrawn_at', 'is', null).where('removed_on', 'is', null).executeTakeFirst();
      band = predict(model.model, featuresOf({ amountFen: 10_000_000, ageDays: 90 }, { openLawsuits: Number(c.n), enforcementOpen: Number(e.n), dishonestCurrent: Boolean(d), penalties3y: 0, abnormalCurrent: false, priorSettled: 0, businessScope: w.business_scope ?? '', cityCode: w.city_code ?? '' })).band;
    }
    const wanted = await wantedAlerts(ctx.db, w.enterprise_id ?? null, w.credit_code, w.created_at, now, { now: band, before: w.last_band });
    const active = await ctx.db.selectFrom('alerts').selectAll().where('owner_user_id', '=', w.owner_user_id).where('credit_code', '=', w.credit_code).where('status', '=', 'active').execute();
    const activeKeys = new Set(active.map((a) => a.dedup_key));
    const wantedKeys = new Set(wanted.map((a) => a.key));
    await ctx.db.transaction().execute(async (trx) => {
      for (const a of wanted) {
        if (activeKeys.has(a.key)) continue;
        // A key seen before (withdrawn, now qualifying again) is re-activated, never duplicated.
        const existing = await trx.selectFrom('alerts').select(['id', 'status']).where('owner_user_id', '=', w.owner_user_id).where('dedup_key', '=', a.key).executeTakeFirst();
        let id: number;
        if (existing) {
          await trx.updateTable('alerts').set({ status: 'active', withdrawn_at: null, withdrawn_reason: null, title: a.title, details: JSON.stringify(a.details) }).where('id', '=', existing.id).execute();
          id = existing.id;
        } else {
          id = (await trx.insertInto('alerts').values({ owner_user_id: w.owner_user_id, credit_code: w.credit_code, rule: a.rule, dedup_key: a.key, record_kind: a.recordKind, record_id: a.recordId, title: a.title, details: JSON.stringify(a.details), status: 'active', created_at: nowIso, withdrawn_at: null, withdrawn_reason: null, read_at: null }).returning('id').executeTakeFirstOrThrow()).id;
        }
        await fanOut(trx, w.owner_user_id, { id, creditCode: w.credit_code, rule: a.rule, title: a.title, details: a.details, recordKind: a.recordKind, recordId: a.recordId }, 'alert.created', nowIso);
        raised++;
      }
      for (const a of active) {
        if (wantedKeys.has(a.dedup_key)) continue;
        // The listing expired, was removed or corrected: the alert goes, it is not left standing.
        const reason = a.rule === 'risk_band' ? '风险等级已回落 / the risk band improved' : a.rule === 'lawsuits' ? '未结诉讼已少于阈值 / fewer open lawsuits than the threshold' : '来源记录已到期、移出或更正 / the source record expired, was removed or corrected';
        await trx.updateTable('alerts').set({ status: 'withdrawn', withdrawn_at: nowIso, withdrawn_reason: reason }).where('id', '=', a.id).execute();
        await fanOut(trx, w.owner_user_id, { id: a.id, creditCode: a.credit_code, rule: a.rule, title: a.title, details: JSON.parse(a.details) as Record<string, unknown>, recordKind: a.record_kind, recordId: a.record_id }, 'alert.withdrawn', nowIso, reason);
        withdrawn++;
      }
      if (band !== w.last_band) await trx.updateTable('watchlist').set({ last_band: band }).where('id', '=', w.id).execute();
    });
  }
  return { raised, withdrawn };
}

/** The caller's alerts, newest first. */
export async function listAlerts(ctx: ServiceContext, status: 'active' | 'withdrawn' | 'all') {
  let q = ctx.db.selectFrom('alerts').selectAll().where('owner_user_id', '=', ownerOf(ctx));
  if (status !== 'all') q = q.where('status', '=', status);
  const rows = await q.orderBy('id', 'desc').limit(500).execute();
  return { items: rows.map((a) => ({ id: a.id, creditCode: a.credit_code, rule: a.rule, title: a.title, details: JSON.parse(a.details) as unknown, record: a.record_kind ? { kind: a.record_kind, id: a.record_id } : null, status: a.status, createdAt: a.created_at, withdrawnAt: a.withdrawn_at, withdrawnReason: a.withdrawn_reason, read: a.read_at !== null })) };
}

/** A digest of a day's alert changes (Asia/Shanghai date), grouped by rule. */
export async function digest(ctx: ServiceContext, date: string) {
  const from = new Date(`${date}T00:00:00+08:00`).toISOString();
  const to = new Date(Date.parse(from) + 86_400_000).toISOString();
  const owner = ownerOf(ctx);
  const raised = await ctx.db.selectFrom('alerts').select(['rule', 'credit_code', 'title']).where('owner_user_id', '=', owner).where('created_at', '>=', from).where('created_at', '<', to).execute();
  const gone = await ctx.db.selectFrom('alerts').select(['rule', 'credit_code', 'title']).where('owner_user_id', '=', owner).where('withdrawn_at', '>=', from).where('withdrawn_at', '<', to).execute();
  const group = (rows: typeof raised) => Object.entries(rows.reduce<Record<string, Array<{ creditCode: string; title: string }>>>((g, r) => ({ ...g, [r.rule]: [...(g[r.rule] ?? []), { creditCode: r.credit_code, title: r.title }] }), {})).map(([rule, items]) => ({ rule, count: items.length, items }));
  return { date, raised: group(raised), withdrawn: group(gone) };
}

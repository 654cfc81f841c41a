/**
 * Agencies publish their fee schedules: commission brackets (progressive or flat by band) with an
 * optional minimum and cap, plus optional hourly terms for work billed by the hour (investigation,
 * consulting) — never for collection itself, which is paid only as a share of money recovered.
 * Every publication is a new version; a case keeps the version its agreement was signed under.
 */
import { quoteFee, validateSchedule, type FeeSchedule } from '../../domain/fees.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { agencySummary } from '../registry/registry.service.js';
import { actingAgency } from './case-access.js';

/** Hourly terms of a published schedule. */
export interface HourlyTerms {
  rateFenPerHour: number;
  minFen: number;
  maxFen: number;
  description: string;
}

/** What an agency publishes. */
export interface PublishedSchedule extends FeeSchedule {
  hourly?: HourlyTerms | undefined;
}

/** Throws a problem naming every fault of a schedule. */
export function assertValidSchedule(s: PublishedSchedule, field = 'body'): void {
  const problems = validateSchedule(s).map((p) => ({ field: p.bracket === null ? field : `${field}.brackets.${p.bracket}`, detail: `${p.fault}: ${p.detail}` }));
  if (s.hourly && s.hourly.minFen > s.hourly.maxFen) problems.push({ field: `${field}.hourly`, detail: 'hourly_min_above_max: minFen is above maxFen.' });
  if (problems.length) throw new AppError('invalid_input', problems.map((p) => p.detail).join(' '), problems);
}

/** Publishes a new version of the calling agency's schedule. */
export async function publishSchedule(ctx: ServiceContext, schedule: PublishedSchedule) {
  const agency = await actingAgency(ctx);
  if (!agency) throw new AppError('forbidden', 'Only an agency account whose enterprise is verified and filed as an agency can publish a fee schedule.');
  assertValidSchedule(schedule);
  return ctx.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('agency_fee_schedules').select((eb) => eb.fn.max('version').as('v')).where('agency_id', '=', agency.id).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const publishedAt = ctx.clock().toISOString();
    await trx.insertInto('agency_fee_schedules').values({ agency_id: agency.id, version, schedule: JSON.stringify(schedule), published_at: publishedAt, published_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null }).execute();
    return { agencyId: agency.id, version, publishedAt, schedule };
  });
}

/** The current schedule of an agency, or null when it has published none. */
export async function currentSchedule(ctx: ServiceContext, agencyId: number) {
  const row = await ctx.db.selectFrom('agency_fee_schedules').selectAll().where('agency_id', '=', agencyId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? { agencyId, version: row.version, publishedAt: row.published_at, schedule: JSON.parse(row.schedule) as PublishedSchedule } : null;
}

/** The public view of an agency's schedule, with example quotes a reader can check by hand. */
export async function publicSchedule(ctx: ServiceContext, agencyId: number) {
  const agency = await agencySummary(ctx, agencyId);
  if (!agency) throw new AppError('not_found', `No filed agency with id ${agencyId}.`);
  const current = await currentSchedule(ctx, agencyId);
  if (!current) throw new AppError('not_found', `${agency.name} has not published a fee schedule.`);
  const examples = [1_000_000, 5_000_000, 20_000_000].map((amountFen) => ({ amountFen, feeFen: quoteFee(amountFen, current.schedule).feeFen }));
  return { ...current, agencyName: agency.name, examples };
}

/** Fee on an amount (and optional hours) under an agency's current schedule. */
export async function quoteForAgency(ctx: ServiceContext, agencyId: number, amountFen: number, hours?: number) {
  const current = await currentSchedule(ctx, agencyId);
  if (!current) throw new AppError('not_found', `Agency ${agencyId} has no published fee schedule.`, [{ field: 'body.agencyId', detail: 'no published schedule' }]);
  const quote = quoteFee(amountFen, current.schedule);
  const h = current.schedule.hourly;
  const hourly = hours !== undefined && h ? hourlyCharge(h, hours) : null;
  return { ...quote, scheduleVersion: current.version, hourly };
}

/** Hourly charge: rate × hours (quarter hours), rounded half-up to the fen, within min and max. */
export function hourlyCharge(h: HourlyTerms, hours: number) {
  const quarters = Math.round(hours * 4);
  const raw = Math.floor((h.rateFenPerHour * quarters + 2) / 4);
  const feeFen = Math.min(h.maxFen, Math.max(h.minFen, raw));
  return { hours: quarters / 4, rateFenPerHour: h.rateFenPerHour, rawFen: raw, feeFen, bounded: feeFen !== raw };
}

/** The calling agency account's agency and its current schedule (for its own settings page). */
export async function mySchedule(ctx: ServiceContext) {
  const agency = await actingAgency(ctx);
  if (!agency) throw new AppError('forbidden', 'Your account does not act for a verified, filed agency: verify your enterprise under “My account” first.');
  return { agency: { id: agency.id, name: agency.name, creditCode: agency.creditCode }, current: await currentSchedule(ctx, agency.id) };
}

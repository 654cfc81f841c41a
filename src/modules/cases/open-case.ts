/**
 * Opening a case: the creditor commissions an agency for one of its debts. The case starts `open`
 * with a draft agreement carrying the agency's current fee schedule; signing starts the cooling-off.
 * An agency graded red by the three-step verification, or one with no published schedule, cannot be
 * commissioned — the creditor is told why.
 */
import { CURRENT_TEMPLATE_VERSION } from '../../domain/agreement-template.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { agencySummary, verifyAgencyById } from '../registry/registry.service.js';
import { currentSchedule } from './fee-schedules.service.js';
import * as repo from './cases.repository.js';

const FINAL = ['settled', 'closed', 'revoked'];

/** Opens a case for debt `debtId` with agency `agencyId`. */
export async function openCase(ctx: ServiceContext, input: { debtId: number; agencyId: number }) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const debt = await repo.findDebt(ctx.db, input.debtId);
  if (!debt || debt.creditor_user_id !== ctx.actor.userId) throw new AppError('not_found', `No debt ${input.debtId} of yours.`, [{ field: 'body.debtId', detail: 'not your debt' }]);
  const agency = await agencySummary(ctx, input.agencyId);
  if (!agency || agency.status !== 'filed') throw new AppError('not_found', `No filed agency with id ${input.agencyId}.`, [{ field: 'body.agencyId', detail: 'not a filed agency' }]);
  const verification = await verifyAgencyById(ctx, agency.id);
  if (verification.grade === 'red') throw new AppError('conflict', `${agency.name} failed verification and cannot be commissioned: ${verification.explanation.en}`, [{ field: 'body.agencyId', detail: 'agency graded red' }]);
  const schedule = await currentSchedule(ctx, agency.id);
  if (!schedule) throw new AppError('conflict', `${agency.name} has not published a fee schedule, so no agreement can state its fees.`, [{ field: 'body.agencyId', detail: 'no published fee schedule' }]);
  const open = await ctx.db.selectFrom('cases').select(['id', 'status']).where('debt_id', '=', debt.id).where('status', 'not in', FINAL).executeTakeFirst();
  if (open) throw new AppError('conflict', `Debt ${debt.id} already has case ${open.id} (${open.status}); revoke or close it first.`);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertCase(trx, {
      reference: `pending-${debt.id}-${Date.now()}`, debt_id: debt.id, agency_id: agency.id, status: 'open', fee_schedule: JSON.stringify(schedule.schedule), fee_schedule_version: schedule.version,
      template_version: CURRENT_TEMPLATE_VERSION, created_at: now, updated_at: now,
    });
    // A readable, unique reference from the id: XQ-<year>-<id, 6 digits>.
    const reference = `XQ-${now.slice(0, 4)}-${String(id).padStart(6, '0')}`;
    await trx.updateTable('cases').set({ reference }).where('id', '=', id).execute();
    return { id, reference, status: 'open' as const, agency: { id: agency.id, name: agency.name, grade: verification.grade }, feeScheduleVersion: schedule.version };
  });
}

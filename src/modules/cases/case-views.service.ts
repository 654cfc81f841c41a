/** Reading cases: the caller's list, one case with its timeline, and public per-agency case figures. */
import { EVENT_KINDS, type EventKind } from '../../domain/case-events.js';
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { agencySummary } from '../registry/registry.service.js';
import { actingAgency, debtorKeysOf, loadCase } from './case-access.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';
import { queueNotification } from '../notifications/notifications.service.js';
import { refreshCase } from './lifecycle.service.js';
import { objectionsOfCase } from '../objections/objections.service.js';
import { eventContent } from './timeline.js';

/** Cases the caller is party to (as creditor, agency or debtor); regulators see all. */
export async function listMyCases(ctx: ServiceContext, input: { as?: 'creditor' | 'agency' | 'debtor' | undefined; page: number; pageSize: number }) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const role = roleOf(ctx.actor);
  const as = input.as ?? (role === 'agency' ? 'agency' : role === 'debtor' ? 'debtor' : role === 'regulator' ? undefined : 'creditor');
  let scope: Parameters<typeof repo.listCases>[1] = {};
  if (as === 'creditor') scope = { creditorUserId: ctx.actor.userId };
  else if (as === 'agency') {
    const agency = await actingAgency(ctx);
    if (!agency) throw new AppError('forbidden', 'Your account does not act for a verified, filed agency.');
    scope = { agencyId: agency.id };
  } else if (as === 'debtor') scope = { debtorKeys: await debtorKeysOf(ctx) };
  else if (role !== 'regulator') throw new AppError('forbidden', 'Choose which cases to list.');
  const rows = await repo.listCases(ctx.db, scope, input.pageSize, (input.page - 1) * input.pageSize);
  return { as: as ?? 'regulator', items: rows.map((r) => ({ id: r.id, reference: r.reference, status: r.status, agencyId: r.agency_id, debtorName: r.debtor_name, owedFen: r.principal_fen + r.interest_fen, signedAt: r.signed_at, coolingOffEndsAt: r.cooling_off_ends_at, createdAt: r.created_at, firstReportOverdue: firstReportOverdue(r, ctx.clock()) })) };
}

function firstReportOverdue(r: { first_report_due_at: string | null; first_report_at: string | null }, now: Date): boolean {
  if (!r.first_report_due_at) return false;
  return r.first_report_at ? r.first_report_at > r.first_report_due_at : Date.parse(r.first_report_due_at) < now.getTime();
}

/** One case with its timeline, objections and deadlines. */
export async function getCase(ctx: ServiceContext, deps: CaseDeps, caseId: number) {
  await refreshCase(ctx, deps, caseId);
  const { kase, debt, party } = await loadCase(ctx, caseId);
  const [events, objections, agency] = await Promise.all([repo.listEvents(ctx.db, kase.id), objectionsOfCase(ctx.db, kase.id), agencySummary(ctx, kase.agency_id)]);
  const now = ctx.clock();
  return {
    id: kase.id, reference: kase.reference, status: kase.status, viewer: party,
    agency: agency ? { id: agency.id, name: agency.name, creditCode: agency.creditCode } : null,
    debt: { id: debt.id, debtorName: debt.debtor_name, debtorKind: debt.debtor_kind, debtorCreditCode: debt.debtor_credit_code, principalFen: debt.principal_fen, interestFen: debt.interest_fen, dueOn: debt.due_on, description: debt.description, debtorTimeZone: debt.debtor_time_zone },
    agreement: { templateVersion: kase.template_version, sha256: kase.agreement_sha256, signedAt: kase.signed_at, feeScheduleVersion: kase.fee_schedule_version },
    coolingOff: { endsAt: kase.cooling_off_ends_at, revocable: kase.status === 'cooling_off' && Boolean(kase.cooling_off_ends_at) && Date.parse(kase.cooling_off_ends_at!) > now.getTime() },
    firstReport: { dueAt: kase.first_report_due_at, submittedAt: kase.first_report_at, overdue: firstReportOverdue(kase, now) },
    nightContactConsent: kase.night_contact_consent === 1,
    endedAt: kase.ended_at, endReason: kase.end_reason,
    events: events.map((e) => {
      const content = { kind: e.kind, occurredAt: e.occurred_at, actorRole: e.actor_role, notes: e.notes, evidence: JSON.parse(e.evidence) as string[], details: JSON.parse(e.details) as Record<string, unknown> };
      return {
        id: e.id, ...content, label: EVENT_KINDS[e.kind as EventKind]?.label ?? { 'zh-CN': e.kind, en: e.kind }, recordedAt: e.recorded_at, ruleVersion: e.rule_version, logIndex: e.log_index,
        // The exact bytes whose SHA-256 the evidence log holds, so any party can check the event.
        canonicalContent: eventContent(kase.reference, e.id, content),
        objection: objections.filter((o) => o.recordId === e.id).map((o) => ({ id: o.id, status: o.status, reason: o.reason, dueOn: o.dueOn, outcomeReason: o.outcomeReason }))[0] ?? null,
      };
    }),
  };
}

/** The debtor lets contact happen during quiet hours (GB/T 45251: "unless the debtor agreed"), or withdraws that. */
export async function setNightContactConsent(ctx: ServiceContext, caseId: number, consent: boolean) {
  const { kase, party } = await loadCase(ctx, caseId);
  if (party !== 'debtor') throw new AppError('forbidden', 'Only the debtor can agree to contact during quiet hours.');
  await ctx.db.updateTable('cases').set({ night_contact_consent: consent ? 1 : 0, updated_at: ctx.clock().toISOString() }).where('id', '=', kase.id).execute();
  return { id: kase.id, nightContactConsent: consent };
}

/** Public case figures of an agency: cases, first reports on time and overdue, refused actions. */
export async function agencyCaseStats(ctx: ServiceContext, agencyId: number) {
  const agency = await agencySummary(ctx, agencyId);
  if (!agency) throw new AppError('not_found', `No filed agency with id ${agencyId}.`);
  const now = ctx.clock().toISOString();
  const cases = await ctx.db.selectFrom('cases').select(['status', 'first_report_due_at', 'first_report_at']).where('agency_id', '=', agencyId).execute();
  const withDue = cases.filter((c) => c.first_report_due_at);
  const onTime = withDue.filter((c) => c.first_report_at && c.first_report_at <= c.first_report_due_at!).length;
  const overdue = withDue.filter((c) => (c.first_report_at ? c.first_report_at > c.first_report_due_at! : c.first_report_due_at! < now)).length;
  const refusals = await ctx.db.selectFrom('compliance_refusals').innerJoin('cases', 'cases.id', 'compliance_refusals.case_id').select((eb) => eb.fn.countAll<number>().as('n')).where('cases.agency_id', '=', agencyId).executeTakeFirstOrThrow();
  const byStatus: Record<string, number> = {};
  for (const c of cases) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  return { agencyId, name: agency.name, cases: cases.length, byStatus, firstReports: { due: withDue.length, onTime, overdue }, refusedActions: Number(refusals.n) };
}

/** Flags active cases whose first report is overdue: tells the creditor once (scheduler). */
export async function flagOverdueFirstReports(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock().toISOString();
  let n = 0;
  for (const { id } of await repo.overdueFirstReports(ctx.db, now)) {
    await ctx.db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('cases').set({ first_report_overdue_flagged_at: now }).where('id', '=', id).where('first_report_overdue_flagged_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return;
      const kase = (await repo.findCase(trx, id))!;
      const debt = (await repo.findDebt(trx, kase.debt_id))!;
      await queueNotification(trx, { user_id: debt.creditor_user_id, case_id: id, event_id: null, kind: 'first_report_overdue', title: `首份调查报告逾期 · ${kase.reference}`, body: `受托机构应在 ${kase.first_report_due_at} 前提交首份调查报告，至今未提交。此逾期已计入该机构的服务记录。`, created_at: now });
      n++;
    });
  }
  return n;
}

/** How many cases against a debtor were settled in full (payment history for the risk model). */
export async function settledCasesOf(ctx: ServiceContext, debtorKey: string): Promise<number> {
  const r = await ctx.db.selectFrom('cases').innerJoin('debts', 'debts.id', 'cases.debt_id').select((eb) => eb.fn.countAll<number>().as('n')).where('debts.debtor_key', '=', debtorKey).where('cases.status', '=', 'settled').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ended cases against enterprise debtors, as training examples: settled = repaid, closed or sent to court = defaulted. */
export async function endedCasesForTraining(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('cases').innerJoin('debts', 'debts.id', 'cases.debt_id')
    .select(['cases.status', 'cases.ended_at', 'cases.signed_at', 'debts.due_on', 'debts.principal_fen', 'debts.interest_fen', 'debts.debtor_credit_code', 'debts.debtor_key'])
    .where('cases.status', 'in', ['settled', 'closed', 'transferred_to_law_firm']).where('debts.debtor_kind', '=', 'enterprise').execute();
  return rows.map((r) => ({
    creditCode: r.debtor_credit_code!, debtorKey: r.debtor_key, amountFen: r.principal_fen + r.interest_fen,
    ageDays: Math.max(0, (Date.parse(r.signed_at ?? r.ended_at!) - Date.parse(`${r.due_on}T00:00:00Z`)) / 86_400_000),
    defaulted: (r.status === 'settled' ? 0 : 1) as 0 | 1, closedOn: (r.ended_at ?? '').slice(0, 10),
  }));
}

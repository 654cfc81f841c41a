/**
 * "Sunshine collection" certification: an agency applies with its signed compliance commitment (a stored
 * evidence file), takes the scenario test drawn for its application, and a regulator approves a level no higher
 * than the one its score, complaint rate and adjusted rating earn. Approval recomputes the recommended list.
 */
import { randomInt } from 'node:crypto';
import bankFile from '../../domain/certification-questions.json' with { type: 'json' };
import { certificationLevel, drawQuestions, scoreTest, type CertificationLevel, type QuestionBank } from '../../domain/certification.js';
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { actingAgency } from '../cases/case-access.js';
import { missingBlobs } from '../evidence/evidence.service.js';
import { queueNotification } from '../notifications/notifications.service.js';
import { setCertificationLevel } from '../registry/record-objection-state.js';
import { verifyAgencyById } from '../registry/registry.service.js';
import type { RecourseDeps } from './recourse.deps.js';
import { agencyReputation, refreshRecommended } from './reputation.service.js';

/** The question bank in force. */
export const QUESTION_BANK = bankFile as QuestionBank;
const RANK: Record<CertificationLevel, number> = { A: 1, AA: 2, AAA: 3 };

type Row = { id: number; agency_id: number; status: string; test_seed: number; test_score: number | null; wrong_answers: string | null; proposed_level: string | null; level_reason: string | null; granted_level: string | null; decision_reason: string | null; commitment_sha256: string | null; created_at: string; test_submitted_at: string | null; decided_at: string | null };
const view = (a: Row) => ({
  id: a.id, agencyId: a.agency_id, status: a.status, commitmentSha256: a.commitment_sha256, testScore: a.test_score, wrongAnswers: a.wrong_answers ? (JSON.parse(a.wrong_answers) as string[]) : null,
  proposedLevel: a.proposed_level, levelReason: a.level_reason, grantedLevel: a.granted_level, decisionReason: a.decision_reason, createdAt: a.created_at, testSubmittedAt: a.test_submitted_at, decidedAt: a.decided_at,
  passMark: QUESTION_BANK.passMark,
  questions: a.status === 'applied' ? drawQuestions(QUESTION_BANK, a.test_seed) : [],
});

async function ownApplication(ctx: ServiceContext, id: number) {
  const agency = await actingAgency(ctx);
  const a = await ctx.db.selectFrom('certification_applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a || !agency || a.agency_id !== agency.id) throw new AppError('not_found', `No certification application ${id} of your agency.`);
  return a;
}

/** The agency applies, naming its signed commitment (upload it to /evidence first). */
export async function applyForCertification(ctx: ServiceContext, commitmentSha256: string) {
  const agency = await actingAgency(ctx);
  if (!agency || ctx.actor.kind !== 'user') throw new AppError('forbidden', 'Only an agency account whose enterprise is verified and filed as an agency can apply.');
  if ((await missingBlobs(ctx, [commitmentSha256])).length) throw new AppError('invalid_input', 'Upload the signed compliance commitment to /evidence first and give its SHA-256.', [{ field: 'body.commitmentSha256', detail: 'not a stored evidence file' }]);
  const pending = await ctx.db.selectFrom('certification_applications').select('id').where('agency_id', '=', agency.id).where('status', 'in', ['applied', 'submitted']).executeTakeFirst();
  if (pending) throw new AppError('conflict', `Application ${pending.id} is still in progress.`);
  const row = { agency_id: agency.id, applicant_user_id: ctx.actor.userId, commitment_sha256: commitmentSha256, status: 'applied' as const, test_seed: randomInt(1, 2 ** 31 - 1), bank_version: QUESTION_BANK.version, created_at: ctx.clock().toISOString() };
  const id = (await ctx.db.insertInto('certification_applications').values(row).returning('id').executeTakeFirstOrThrow()).id;
  return view({ id, ...row, test_score: null, wrong_answers: null, proposed_level: null, level_reason: null, granted_level: null, decision_reason: null, test_submitted_at: null, decided_at: null });
}

/** The agency's applications, newest first (the open one carries its test questions). */
export async function myApplications(ctx: ServiceContext) {
  const agency = await actingAgency(ctx);
  if (!agency) throw new AppError('forbidden', 'Your account does not act for a verified, filed agency.');
  const rows = await ctx.db.selectFrom('certification_applications').selectAll().where('agency_id', '=', agency.id).orderBy('id', 'desc').execute();
  return { agencyId: agency.id, items: rows.map(view) };
}

/** The agency submits its answers: scored at once; a pass goes to the regulator with the level it earns. */
export async function submitTest(ctx: ServiceContext, deps: Pick<RecourseDeps, 'ratingPolicy'>, id: number, answers: Record<string, string>) {
  const a = await ownApplication(ctx, id);
  if (a.status !== 'applied') throw new AppError('conflict', `The test of application ${id} was already submitted.`);
  const drawn = drawQuestions(QUESTION_BANK, a.test_seed);
  const unanswered = drawn.filter((q) => !answers[q.id]).map((q) => q.id);
  if (unanswered.length) throw new AppError('invalid_input', `Answer every question; missing: ${unanswered.join(', ')}.`, unanswered.map((q) => ({ field: `body.answers.${q}`, detail: 'required' })));
  const result = scoreTest(QUESTION_BANK, drawn, answers);
  const rep = await agencyReputation(ctx, deps, a.agency_id);
  const level = certificationLevel({ testScore: result.score, passMark: QUESTION_BANK.passMark, complaintsPer100: rep.complaints.per100, adjustedRating: rep.ratings.adjusted });
  const now = ctx.clock().toISOString();
  const status = result.passed ? 'submitted' : 'rejected';
  await ctx.db.updateTable('certification_applications').set({ status, test_score: result.score, wrong_answers: JSON.stringify(result.wrong), test_submitted_at: now, proposed_level: level.level, level_reason: level.reason, ...(result.passed ? {} : { decision_reason: `Test score ${result.score} is below the pass mark ${QUESTION_BANK.passMark}; you may apply again.`, decided_at: now }) }).where('id', '=', id).execute();
  return view({ ...a, status, test_score: result.score, wrong_answers: JSON.stringify(result.wrong), proposed_level: level.level, level_reason: level.reason, test_submitted_at: now });
}

/** The regulator's queue of submitted applications. */
export async function certificationQueue(ctx: ServiceContext) {
  if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'The certification queue is the regulator’s.');
  const rows = await ctx.db.selectFrom('certification_applications').innerJoin('agencies', 'agencies.id', 'certification_applications.agency_id').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id')
    .selectAll('certification_applications').select('enterprises.name as agency_name').where('certification_applications.status', '=', 'submitted').orderBy('certification_applications.id').execute();
  return { items: rows.map((r) => ({ ...view(r), agencyName: r.agency_name })) };
}

/** The regulator approves (at most the earned level) or rejects; the agency's level and listing follow. */
export async function decideCertification(ctx: ServiceContext, deps: Pick<RecourseDeps, 'ratingPolicy'>, id: number, input: { approve: boolean; level?: CertificationLevel | undefined; reason: string }) {
  if (roleOf(ctx.actor) !== 'regulator') throw new AppError('forbidden', 'Certification is decided by the regulator.');
  const a = await ctx.db.selectFrom('certification_applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('not_found', `No certification application ${id}.`);
  if (a.status !== 'submitted') throw new AppError('conflict', `Application ${id} is ${a.status}, not awaiting a decision.`);
  let granted: CertificationLevel | null = null;
  if (input.approve) {
    if (!a.proposed_level) throw new AppError('conflict', `Application ${id} earned no level (${a.level_reason}); it can only be rejected.`);
    granted = input.level ?? (a.proposed_level as CertificationLevel);
    if (RANK[granted] > RANK[a.proposed_level as CertificationLevel]) throw new AppError('invalid_input', `Level ${granted} is above the ${a.proposed_level} the application earned.`, [{ field: 'body.level', detail: `at most ${a.proposed_level}` }]);
  }
  const grade = (await verifyAgencyById(ctx, a.agency_id)).grade;
  const now = ctx.clock().toISOString();
  const listing = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('certification_applications').set({ status: input.approve ? 'approved' : 'rejected', granted_level: granted, decision_reason: input.reason, decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decided_at: now }).where('id', '=', id).where('status', '=', 'submitted').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', `Application ${id} was decided meanwhile.`);
    if (granted) await setCertificationLevel(trx, a.agency_id, granted);
    await queueNotification(trx, { user_id: a.applicant_user_id, kind: 'certification_decided', title: input.approve ? `阳光催收认证通过：${granted}` : '阳光催收认证未通过', body: input.reason, created_at: now });
    return granted ? refreshRecommended(trx, a.agency_id, grade, deps.ratingPolicy, `user:${ctx.actor.kind === 'user' ? ctx.actor.userId : 'system'}`, now) : null;
  });
  return { id, status: input.approve ? 'approved' : 'rejected', grantedLevel: granted, listing };
}

/** Case routes under /api/v1: thin — validate, call one service, shape the reply. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { AppError } from '../../shared/app-error.js';
import { caseAgreement } from './agreement.service.js';
import { agencyCaseStats, getCase, listMyCases, setNightContactConsent } from './case-views.service.js';
import type { CaseDeps } from './cases.deps.js';
import { ZDebtRequest, ZEventParams, ZEventRequest, ZIdParams, ZOpenCaseRequest, ZPaymentRequest, ZPublishScheduleRequest, ZSignRequest } from './cases.schemas.js';
import { mySchedule, publicSchedule, publishSchedule } from './fee-schedules.service.js';
import { closeCase, revokeCommission, signCommission, transferToLawFirm } from './lifecycle.service.js';
import { objectToEvent } from './objections.service.js';
import { openCase } from './open-case.js';
import { precheckEvent, recordEvent, type RecordEventInput } from './record-event.service.js';
import { recordPayment, statement } from './record-payment.service.js';
import { registerDebt } from './register-debt.js';

const tags = ['cases'];
const reason = z.object({ reason: z.string().trim().min(1, 'give a reason').max(2000) });

/** Registers the routes. */
export async function casesRoutes(app: FastifyInstance, opts: { context: ContextFactory; deps: CaseDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const deps = opts.deps;

  r.post('/debts', { config: { permission: 'debts:create' }, schema: { tags, summary: 'Register a debt (debtor by credit code or by identity)', body: ZDebtRequest } }, async (req, reply) => reply.code(201).send(await registerDebt(ctx(req), deps, req.body)));
  r.post('/cases', { config: { permission: 'cases:open' }, schema: { tags, summary: 'Commission an agency for a debt: opens a case with a draft agreement', body: ZOpenCaseRequest } }, async (req, reply) => reply.code(201).send(await openCase(ctx(req), req.body)));
  r.get('/cases', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'Cases you are party to', querystring: z.object({ as: z.enum(['creditor', 'agency', 'debtor']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }) } }, async (req) => listMyCases(ctx(req), req.query));
  r.get('/cases/:id', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'One case with its timeline', params: ZIdParams } }, async (req) => getCase(ctx(req), deps, req.params.id));
  r.get('/cases/:id/agreement', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'The commission agreement: JSON, or ?format=pdf / docx to download', params: ZIdParams, querystring: z.object({ format: z.enum(['json', 'pdf', 'docx']).default('json') }) } }, async (req, reply) => {
    const doc = await caseAgreement(ctx(req), deps.pii, req.params.id, req.query.format);
    if (!doc.body) return doc.agreement;
    const ext = req.query.format;
    return reply.type(doc.type).header('content-disposition', `attachment; filename="agreement-${doc.agreement.sha256.slice(0, 12)}.${ext}"`).send(doc.body);
  });
  r.post('/cases/:id/sign', { config: { permission: 'cases:act' }, schema: { tags, summary: 'The creditor signs the agreement and the personal-information authorisation (starts 24 h cooling-off)', params: ZIdParams, body: ZSignRequest } }, async (req) => signCommission(ctx(req), deps, req.params.id, req.body));
  r.post('/cases/:id/revoke', { config: { permission: 'cases:act' }, schema: { tags, summary: 'Revoke within the cooling-off period, no reason needed (final)', params: ZIdParams, body: z.object({ reason: z.string().trim().max(2000).optional() }).default({}) } }, async (req) => revokeCommission(ctx(req), deps, req.params.id, req.body.reason));
  r.post('/cases/:id/close', { config: { permission: 'cases:act' }, schema: { tags, summary: 'Close a case', params: ZIdParams, body: reason } }, async (req) => closeCase(ctx(req), deps, req.params.id, req.body.reason));
  r.post('/cases/:id/transfer', { config: { permission: 'cases:act' }, schema: { tags, summary: 'Transfer an active case to a law firm', params: ZIdParams, body: z.object({ notes: z.string().trim().max(2000).default('') }) } }, async (req) => transferToLawFirm(ctx(req), deps, req.params.id, req.body.notes));
  r.post('/cases/:id/events', { config: { permission: 'cases:act' }, schema: { tags, summary: 'Record a timeline event (collection actions pass the compliance engine first)', params: ZIdParams, body: ZEventRequest } }, async (req, reply) => reply.code(201).send(await recordEvent(ctx(req), deps, req.params.id, req.body as RecordEventInput)));
  r.post('/cases/:id/compliance-checks', { config: { permission: 'cases:act' }, schema: { tags, summary: 'Would this action be accepted now? (dry run, nothing recorded)', params: ZIdParams, body: ZEventRequest } }, async (req) => precheckEvent(ctx(req), deps, req.params.id, req.body as RecordEventInput));
  r.post('/cases/:id/events/:eventId/objections', { config: { permission: 'cases:act' }, schema: { tags, summary: 'The debtor objects to one event (review due in 3 working days)', params: ZEventParams, body: reason } }, async (req, reply) => reply.code(201).send(await objectToEvent(ctx(req), deps, req.params.id, req.params.eventId, req.body.reason)));
  r.post('/cases/:id/night-contact-consent', { config: { permission: 'cases:act' }, schema: { tags, summary: 'The debtor agrees (or stops agreeing) to contact during quiet hours', params: ZIdParams, body: z.object({ consent: z.boolean() }) } }, async (req) => setNightContactConsent(ctx(req), req.params.id, req.body.consent));
  r.post('/cases/:id/payments', { config: { permission: 'cases:act' }, schema: { tags, summary: 'Record a recovered payment (Idempotency-Key header required): split into fee and net', params: ZIdParams, body: ZPaymentRequest, headers: z.object({ 'idempotency-key': z.string().trim().min(8, 'Idempotency-Key must be 8–200 characters').max(200).optional() }) } }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (!key) throw new AppError('invalid_input', 'Send an Idempotency-Key header (for example a UUID) so a retried request is not counted twice.', [{ field: 'header.idempotency-key', detail: 'required' }]);
    const result = await recordPayment(ctx(req), deps, req.params.id, key, req.body);
    return reply.code(result.replayed ? 200 : 201).send(result);
  });
  r.get('/cases/:id/statement', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'Settlement statement: payments, fee and net, ledger balances', params: ZIdParams } }, async (req) => statement(ctx(req), req.params.id));

  r.post('/agencies/me/fee-schedule', { config: { permission: 'fees:publish' }, schema: { tags: ['fees'], summary: 'Publish a new version of your agency’s fee schedule', body: ZPublishScheduleRequest } }, async (req, reply) => reply.code(201).send(await publishSchedule(ctx(req), req.body)));
  r.get('/agencies/me/fee-schedule', { config: { permission: 'fees:publish' }, schema: { tags: ['fees'], summary: 'Your agency and its current fee schedule' } }, async (req) => mySchedule(ctx(req)));
  r.get('/agencies/:id/fee-schedule', { config: { permission: 'fees:read' }, schema: { tags: ['fees'], summary: 'An agency’s published fee schedule with worked examples', params: ZIdParams } }, async (req) => publicSchedule(ctx(req), req.params.id));
  r.get('/agencies/:id/case-stats', { config: { permission: 'fees:read' }, schema: { tags: ['cases'], summary: 'Public case figures of an agency: first reports on time, refused actions', params: ZIdParams } }, async (req) => agencyCaseStats(ctx(req), req.params.id));

}

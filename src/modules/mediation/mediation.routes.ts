/** Mediation and law-firm routes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import type { CaseDeps } from '../cases/cases.deps.js';
import { assignFirm, matchesForCase, myFirm, myQueue, rateLawFirm, upsertMyFirm } from './law-firms.service.js';
import { answerOffer, chooseRoute, endMediation, offersOf, proposePlan, routeCase, settlementDocument } from './mediation.service.js';
import { mediationQueue, takeCase } from './mediators.service.js';
import { mediationStats } from './instalments.service.js';
import { describeLibrary, saveLibrary } from './script-library.service.js';
import type { ScriptLibrary } from '../../domain/mediation/scripts.js';
import { paymentOrderApplication } from './payment-order.js';
import { agreementDocx, agreementPdf } from '../cases/agreement-documents.js';

const id = z.coerce.number({ error: 'must be a number' }).int().positive();
const fen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const match = z.object({ disputeType: z.string().default('goods_payment'), maxFeeBps: z.coerce.number().int().min(0).max(10_000).default(2000) });

/** Registers the routes. */
export async function mediationRoutes(app: FastifyInstance, opts: { context: ContextFactory; deps: CaseDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const deps = opts.deps;
  const tags = ['mediation'];
  r.get('/cases/:id/route', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'Mediation first (below 50,000 yuan) or law-firm matching, with the reason', params: z.object({ id }) } }, async (req) => routeCase(ctx(req), req.params.id));
  r.post('/cases/:id/route', { config: { permission: 'cases:act' }, schema: { tags, summary: 'The creditor chooses mediation or law-firm matching directly (recorded on the timeline)', params: z.object({ id }), body: z.object({ to: z.enum(['mediation', 'law_firm']) }) } }, async (req) => chooseRoute(ctx(req), deps, req.params.id, req.body.to));
  r.post('/cases/:id/mediation/end', { config: { permission: 'mediation:negotiate' }, schema: { tags, summary: 'End the mediation without agreement (mediator or creditor side): open offers withdrawn, case routed to law firms', params: z.object({ id }), body: z.object({ reason: z.string().trim().min(2, 'give a reason').max(2000) }) } }, async (req) => endMediation(ctx(req), deps, req.params.id, req.body.reason));
  r.get('/mediation/queue', { config: { permission: 'mediation:mediate' }, schema: { tags, summary: 'Active cases routed to mediation that no mediator took yet, and yours' } }, async (req) => mediationQueue(ctx(req)));
  r.post('/cases/:id/mediator', { config: { permission: 'mediation:mediate' }, schema: { tags, summary: 'Take a case from the mediation queue', params: z.object({ id }) } }, async (req, reply) => reply.code(201).send(await takeCase(ctx(req), deps, req.params.id)));
  r.get('/cases/:id/mediation', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'Mediation offers on a case', params: z.object({ id }) } }, async (req) => offersOf(ctx(req), req.params.id));
  r.post('/cases/:id/mediation/offers', { config: { permission: 'mediation:negotiate' }, schema: { tags, summary: 'Propose (or counter with) a repayment plan (a party, or the case’s mediator): lump sum with discount, or instalments from the monthly capacity', params: z.object({ id }), body: z.object({ disputeType: z.string(), situation: z.string().default('cooperative'), kind: z.enum(['instalments', 'lump_sum']), monthlyCapacityFen: fen.optional(), discountBps: z.number().int().min(0).max(5000).optional() }) } }, async (req, reply) => reply.code(201).send(await proposePlan(ctx(req), deps, req.params.id, req.body)));
  r.post('/cases/:id/mediation/offers/:offerId/:action', { config: { permission: 'mediation:negotiate' }, schema: { tags, summary: 'The other side accepts or rejects an offer before its deadline (a mediator’s proposal needs both sides)', params: z.object({ id, offerId: id, action: z.enum(['accept', 'reject']) }) } }, async (req) => answerOffer(ctx(req), deps, req.params.id, req.params.offerId, req.params.action));
  r.get('/cases/:id/mediation/:document', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'The settlement agreement or the judicial-confirmation application: JSON, PDF or DOCX', params: z.object({ id, document: z.enum(['agreement', 'judicial-confirmation']) }), querystring: z.object({ format: z.enum(['json', 'pdf', 'docx']).default('json') }) } }, async (req, reply) => {
    const d = await settlementDocument(ctx(req), req.params.id, req.params.document === 'agreement' ? 'agreement' : 'judicial_confirmation', req.query.format);
    if (!d.body) return d.doc;
    return reply.type(d.type).header('content-disposition', `attachment; filename="${req.params.document}-${d.doc.sha256.slice(0, 12)}.${req.query.format}"`).send(d.body);
  });
  r.get('/cases/:id/payment-order', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'The payment-order (支付令) application for an uncontested debt with evidence, or what is missing (409)', params: z.object({ id }), querystring: z.object({ format: z.enum(['json', 'pdf', 'docx']).default('json') }) } }, async (req, reply) => {
    const doc = await paymentOrderApplication(ctx(req), req.params.id);
    if (req.query.format === 'json') return doc;
    const body = req.query.format === 'pdf' ? Buffer.from(await agreementPdf(doc)) : await agreementDocx(doc);
    return reply.type(req.query.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', `attachment; filename="payment-order-${doc.sha256.slice(0, 12)}.${req.query.format}"`).send(body);
  });
  r.get('/admin/mediation/scripts', { config: { permission: 'users:manage' }, schema: { tags, summary: 'The mediation script library in force, its size and source' } }, async (req) => describeLibrary(ctx(req)));
  r.put('/admin/mediation/scripts', { config: { permission: 'users:manage' }, schema: { tags, summary: 'Replace the script library (validated: every type and situation covers every stage)', body: z.object({ version: z.string(), disputeTypes: z.record(z.string(), z.string()), base: z.record(z.string(), z.record(z.string(), z.string())), situations: z.record(z.string(), z.record(z.string(), z.string())), amountBands: z.record(z.string(), z.object({ below: z.number().int().nullable(), text: z.string() })) }) } }, async (req) => saveLibrary(ctx(req), req.body as unknown as ScriptLibrary));
  r.get('/mediation/stats', { config: { permission: 'registry:read' , cache: { ttlMs: 30_000 } }, schema: { tags, summary: 'Mediation figures: cases mediated, share settled, median days to settle, completed and defaulted plans' } }, async (req) => mediationStats(ctx(req)));
  r.get('/cases/:id/law-firm-matches', { config: { permission: 'cases:read-own' }, schema: { tags, summary: 'Law firms ranked for the case, each score explained; conflicts excluded', params: z.object({ id }), querystring: match } }, async (req) => matchesForCase(ctx(req), req.params.id, req.query));
  r.post('/cases/:id/law-firm', { config: { permission: 'cases:act' }, schema: { tags, summary: 'The creditor hands the case to a firm', params: z.object({ id }), body: match.extend({ firmId: id }) } }, async (req) => assignFirm(ctx(req), deps, req.params.id, req.body.firmId, req.body));
  r.post('/law-firms/me', { config: { permission: 'lawfirm:manage' }, schema: { tags, summary: 'Register or update your firm', body: z.object({ name: z.string().trim().min(1).max(200), specialties: z.array(z.string().max(40)).min(1).max(20), cityCodes: z.array(z.string().regex(/^\d{6}$/)).min(1).max(50), capacity: z.number().int().min(1).max(10_000), feeBps: z.number().int().min(0).max(10_000), clientCodes: z.array(z.string().trim().max(18)).max(10_000).default([]) }) } }, async (req, reply) => reply.code(201).send(await upsertMyFirm(ctx(req), req.body)));
  r.get('/law-firms/me', { config: { permission: 'lawfirm:manage' }, schema: { tags, summary: 'Your firm’s profile (null before you register it)' } }, async (req) => ({ firm: await myFirm(ctx(req)) }));
  r.post('/cases/:id/law-firm-rating', { config: { permission: 'cases:act' }, schema: { tags, summary: 'The creditor rates the law firm once the case is closed (1–5)', params: z.object({ id }), body: z.object({ score: z.number().int().min(1, 'score is 1 to 5').max(5, 'score is 1 to 5'), comment: z.string().trim().max(2000).default('') }) } }, async (req, reply) => reply.code(201).send(await rateLawFirm(ctx(req), req.params.id, req.body)));
  r.get('/law-firms/me/cases', { config: { permission: 'lawfirm:manage' }, schema: { tags, summary: 'Your firm’s queue' } }, async (req) => myQueue(ctx(req)));
}

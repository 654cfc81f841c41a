/** Recourse routes: complaints, ratings and reputation, certification. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { applyForCertification, certificationQueue, decideCertification, myApplications, submitTest } from './certification.service.js';
import { fileComplaint, listComplaints, resolveComplaint, respondToComplaint } from './complaints.service.js';
import type { RecourseDeps } from './recourse.deps.js';
import { agencyReputation, creditorReputation, rateCase } from './reputation.service.js';
import { agencyRiskGrade } from './agency-grade.service.js';

const id = z.coerce.number({ error: 'must be a number' }).int().positive();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 digest');
const text = (what: string) => z.string().trim().min(1, `${what} is required`).max(4000);

/** Registers the routes. */
export async function recourseRoutes(app: FastifyInstance, opts: { context: ContextFactory; deps: RecourseDeps }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  const deps = opts.deps;
  const tags = ['recourse'];

  r.post('/complaints', { config: { permission: 'complaints:file' }, schema: { tags, summary: 'Complain about a case’s agency (caseId) or any agency (agencyId); the agency must answer within 48 hours', body: z.object({ caseId: id.optional(), agencyId: id.optional(), text: text('text'), evidence: z.array(sha256).max(20).default([]) }) } }, async (req, reply) => reply.code(201).send(await fileComplaint(ctx(req), deps, req.body)));
  r.get('/complaints', { config: { permission: 'complaints:file' }, schema: { tags, summary: 'Complaints you filed (scope=mine), about your agency (scope=agency), or the regulator’s queue (scope=queue)', querystring: z.object({ scope: z.enum(['mine', 'agency', 'queue']).default('mine') }) } }, async (req) => listComplaints(ctx(req), req.query.scope));
  r.post('/complaints/:id/response', { config: { permission: 'complaints:respond' }, schema: { tags, summary: 'The agency answers a complaint', params: z.object({ id }), body: z.object({ response: text('response') }) } }, async (req) => respondToComplaint(ctx(req), deps, req.params.id, req.body.response));
  r.post('/complaints/:id/resolution', { config: { permission: 'complaints:review' }, schema: { tags, summary: 'The regulator resolves a complaint', params: z.object({ id }), body: z.object({ resolution: text('resolution') }) } }, async (req) => resolveComplaint(ctx(req), req.params.id, req.body.resolution));

  r.post('/cases/:id/ratings', { config: { permission: 'ratings:submit' }, schema: { tags, summary: 'After a case ends the creditor rates the agency and the agency the creditor (1–5)', params: z.object({ id }), body: z.object({ score: z.number().int('score must be a whole number').min(1, 'score is 1 to 5').max(5, 'score is 1 to 5'), comment: z.string().trim().max(2000).default('') }) } }, async (req, reply) => reply.code(201).send(await rateCase(ctx(req), deps, req.params.id, req.body)));
  r.get('/agencies/:id/reputation', { config: { permission: 'reputation:read' }, schema: { tags, summary: 'Caseload-adjusted rating, complaint rate per 100 cases with its 95 % interval, recommended-list history', params: z.object({ id }) } }, async (req) => agencyReputation(ctx(req), deps, req.params.id));
  r.get('/agencies/:id/risk-grade', { config: { permission: 'reputation:read' }, schema: { tags, summary: 'The agency’s risk grade (A–D) with every reason, and its history', params: z.object({ id }) } }, async (req) => agencyRiskGrade(ctx(req), deps, req.params.id));
  r.get('/creditors/:id/reputation', { config: { permission: 'reputation:creditors' }, schema: { tags, summary: 'How agencies rated a creditor', params: z.object({ id }) } }, async (req) => creditorReputation(ctx(req), deps, req.params.id));

  r.post('/certification/applications', { config: { permission: 'certification:apply' }, schema: { tags, summary: 'Apply for "sunshine collection" certification with the signed commitment (an uploaded evidence file)', body: z.object({ commitmentSha256: sha256 }) } }, async (req, reply) => reply.code(201).send(await applyForCertification(ctx(req), req.body.commitmentSha256)));
  r.get('/certification/applications/mine', { config: { permission: 'certification:apply' }, schema: { tags, summary: 'Your agency’s applications; the open one carries its test' } }, async (req) => myApplications(ctx(req)));
  r.post('/certification/applications/:id/test', { config: { permission: 'certification:apply' }, schema: { tags, summary: 'Submit the scenario test answers { questionId: optionId }', params: z.object({ id }), body: z.object({ answers: z.record(z.string(), z.string()) }) } }, async (req) => submitTest(ctx(req), deps, req.params.id, req.body.answers));
  r.get('/certification/applications', { config: { permission: 'certification:decide' }, schema: { tags, summary: 'Applications awaiting a decision (regulator)' } }, async (req) => certificationQueue(ctx(req)));
  r.post('/certification/applications/:id/decision', { config: { permission: 'certification:decide' }, schema: { tags, summary: 'Approve (at most the earned level) or reject', params: z.object({ id }), body: z.object({ approve: z.boolean(), level: z.enum(['A', 'AA', 'AAA']).optional(), reason: text('reason') }) } }, async (req) => decideCertification(ctx(req), deps, req.params.id, req.body));
}

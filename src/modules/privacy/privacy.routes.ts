/** Privacy routes: related parties of verified enterprises and "who viewed my data". */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import { withdrawExpiredRecords } from '../registry/retention.service.js';
import { myAccessLog } from './access-log.service.js';
import { createDataRequest, decideDataRequest, exportMyData, listDataRequests, listMyDataRequests } from './data-requests.service.js';
import { createPerson, getPerson, linkPerson } from './persons.service.js';
import type { PiiCipher } from './pii-cipher.js';
import { addRelatedParty, listMyRelatedParties, removeRelatedParty } from './related-parties.service.js';

const ZRelatedParty = z.object({ id: z.number().int(), creditCode: z.string(), name: z.string().nullable(), purpose: z.string(), createdAt: z.string() });

/** Registers the privacy routes under /api/v1. */
export async function privacyRoutes(app: FastifyInstance, opts: { context: ContextFactory; pii: PiiCipher; calendar: WorkingCalendar }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = opts.context;
  r.get('/account/related-parties', { config: { permission: 'related-parties:manage' }, schema: { tags: ['privacy'], summary: 'My declared related parties', response: { 200: z.object({ items: z.array(ZRelatedParty) }) } } }, async (req) => ({ items: await listMyRelatedParties(ctx(req)) }));
  r.post('/account/related-parties', { config: { permission: 'related-parties:manage' }, schema: { tags: ['privacy'], summary: 'Declare a counterparty (with the purpose) to see its open lawsuits', body: z.object({ creditCode: z.string().trim().min(1).max(18), purpose: z.string().trim().min(5, 'purpose must say why you need it (at least 5 characters)').max(200) }), response: { 201: ZRelatedParty } } }, async (req, reply) => reply.code(201).send(await addRelatedParty(ctx(req), req.body)));
  r.delete('/account/related-parties/:id', { config: { permission: 'related-parties:manage' }, schema: { tags: ['privacy'], summary: 'Remove a related party', params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }) } }, async (req, reply) => {
    await removeRelatedParty(ctx(req), req.params.id);
    return reply.code(204).send();
  });
  r.get('/account/access-log', { config: { permission: 'account:pii-log' }, schema: { tags: ['privacy'], summary: 'Who viewed my data: every non-public read about me (PIPL art. 45)', response: { 200: z.object({ subject: z.string(), items: z.array(z.object({ id: z.number().int(), viewer: z.string(), viewerRole: z.string(), fields: z.array(z.string()), purpose: z.string(), accessedAt: z.string() })) }) } } }, async (req) => myAccessLog(ctx(req)));

  const id = z.object({ id: z.coerce.number({ error: 'id must be a positive whole number' }).int().min(1).max(2_147_483_647) });
  const ZPerson = z.object({ id: z.number().int(), name: z.string(), idNumber: z.string(), phone: z.string().nullable(), address: z.string().nullable(), masked: z.boolean() });
  r.post('/admin/persons', { config: { permission: 'persons:manage' }, schema: { tags: ['privacy'], summary: 'Record an individual (fields encrypted at rest)', body: z.object({ name: z.string().trim().min(1).max(50), idNumber: z.string().trim().min(1).max(18), phone: z.string().trim().max(20).optional(), address: z.string().trim().max(200).optional() }), response: { 201: ZPerson } } }, async (req, reply) => reply.code(201).send(await createPerson(ctx(req), opts.pii, req.body)));
  r.post('/admin/persons/:id/link', { config: { permission: 'persons:manage' }, schema: { tags: ['privacy'], summary: 'Link an identity-verified account to its person record', params: id, body: z.object({ userId: z.number().int().min(1) }) } }, async (req, reply) => {
    await linkPerson(ctx(req), req.params.id, req.body.userId);
    return reply.code(204).send();
  });
  r.get('/persons/:id', { config: { permission: 'persons:read' }, schema: { tags: ['privacy'], summary: 'An individual: masked by default; unmasked for the person, or a regulator stating a purpose (logged)', params: id, querystring: z.object({ purpose: z.string().trim().min(5, 'purpose must say why (at least 5 characters)').max(200).optional() }), response: { 200: ZPerson } } }, async (req) => getPerson(ctx(req), opts.pii, req.params.id, { purpose: req.query.purpose, requestId: req.id }));

  const ZDataRequest = z.object({ id: z.number().int(), kind: z.string(), details: z.string(), status: z.string(), dueOn: z.string(), deadline: z.string(), outcomeReason: z.string().nullable(), decidedAt: z.string().nullable(), createdAt: z.string() });
  r.post('/account/data-requests', { config: { permission: 'account:data-request' }, schema: { tags: ['privacy'], summary: 'Ask for export, correction or deletion of my data; due in 15 working days', body: z.object({ kind: z.enum(['export', 'correction', 'deletion']), details: z.string().trim().min(5, 'details must say what you ask for').max(2000) }), response: { 201: ZDataRequest } } }, async (req, reply) => reply.code(201).send(await createDataRequest(ctx(req), opts.calendar, req.body)));
  r.get('/account/data-requests', { config: { permission: 'account:data-request' }, schema: { tags: ['privacy'], summary: 'My data requests', response: { 200: z.object({ items: z.array(ZDataRequest) }) } } }, async (req) => ({ items: await listMyDataRequests(ctx(req)) }));
  r.get('/account/export', { config: { permission: 'account:data-request' }, schema: { tags: ['privacy'], summary: 'Download everything the platform holds about me (JSON)' } }, async (req, reply) => {
    reply.header('content-disposition', 'attachment; filename="xinqiao-my-data.json"');
    return exportMyData(ctx(req), opts.pii);
  });
  r.get('/admin/data-requests', { config: { permission: 'data-request:review' }, schema: { tags: ['admin'], summary: 'Data requests by status, oldest due first', querystring: z.object({ status: z.enum(['open', 'completed', 'refused']).default('open') }) } }, async (req) => ({ items: await listDataRequests(ctx(req), req.query.status) }));
  r.post('/admin/data-requests/:id', { config: { permission: 'data-request:review' }, schema: { tags: ['admin'], summary: 'Complete or refuse a data request (a refusal gives reasons)', params: id, body: z.object({ decision: z.enum(['completed', 'refused']), reason: z.string().trim().max(2000).default('') }), response: { 200: ZDataRequest } } }, async (req) => decideDataRequest(ctx(req), req.params.id, req.body));
  r.post('/admin/retention/run', { config: { permission: 'retention:run' }, schema: { tags: ['admin'], summary: 'Withdraw negative records past their retention now (also runs daily)' } }, async (req) => ({ withdrawn: await withdrawExpiredRecords(ctx(req)) }));
}

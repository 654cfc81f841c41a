/** POST /batch-checks: upload CSV or XLSX (raw body), get the results as JSON, CSV or XLSX. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContextFactory } from '../../server/context-factory.js';
import { AppError } from '../../shared/app-error.js';
import { parseCsvUpload, parseXlsxUpload } from './batch-input.js';
import { runBatchCheck } from './batch-check.service.js';
import { toCsv, toXlsx } from './batch-output.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv'];

/** Registers the route. */
export async function batchRoutes(app: FastifyInstance, opts: { context: ContextFactory }): Promise<void> {
  app.addContentTypeParser([...CSV_TYPES, XLSX], { parseAs: 'buffer', bodyLimit: 20 * 1_048_576 }, (_req, body, done) => done(null, body));
  app.withTypeProvider<ZodTypeProvider>().post('/batch-checks', {
    config: { permission: 'batch:check' },
    bodyLimit: 20 * 1_048_576,
    schema: { tags: ['risk'], summary: 'Check up to 10,000 suppliers from a CSV or XLSX body (one column of credit codes or names)', querystring: z.object({ format: z.enum(['json', 'csv', 'xlsx']).default('json'), amountFen: z.coerce.number().int().min(1).optional(), ageDays: z.coerce.number().int().min(0).max(36_500).optional() }) },
  }, async (req, reply) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!Buffer.isBuffer(req.body)) throw new AppError('unsupported_media_type', `Send the file as the request body with Content-Type text/csv or ${XLSX}.`);
    const inputs = type === XLSX ? await parseXlsxUpload(req.body) : CSV_TYPES.includes(type) ? parseCsvUpload(req.body) : null;
    if (!inputs) throw new AppError('unsupported_media_type', `Send the file as text/csv or ${XLSX}.`);
    const result = await runBatchCheck(opts.context(req), inputs, { amountFen: req.query.amountFen, ageDays: req.query.ageDays });
    if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="batch-check.csv"').send(toCsv(result.rows));
    if (req.query.format === 'xlsx') return reply.type(XLSX).header('content-disposition', 'attachment; filename="batch-check.xlsx"').send(await toXlsx(result.rows));
    return result;
  });
}

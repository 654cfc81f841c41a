/** POST /api/v1/fee-quotes: the public fee calculator (no sign-in needed). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quoteFee, validateSchedule } from '../../domain/fees.js';
import { AppError } from '../../shared/app-error.js';
import type { ContextFactory } from '../../server/context-factory.js';
import { quoteForAgency } from './fee-schedules.service.js';

const fen = z.number({ error: 'must be a whole number of fen' }).int('must be a whole number of fen').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);

const ZSchedule = z.object({
    mode: z.enum(['progressive', 'flat'], { error: 'mode must be "progressive" or "flat"' }),
    brackets: z.array(z.object({ upToFen: fen.nullable(), rateBps: z.number().int('rateBps must be a whole number of basis points') })).max(50, 'at most 50 brackets'),
    minFeeFen: fen.optional(),
    capFen: fen.optional(),
});

/** Request: an amount and either a schedule or an agency whose published schedule applies. */
export const ZFeeQuoteRequest = z.object({
  amountFen: fen.describe('The amount recovered, in fen'),
  schedule: ZSchedule.optional(),
  agencyId: z.number().int().positive().optional(),
  hours: z.number().min(0).max(10_000).optional().describe('Hours of work billed by the hour (agency schedules with hourly terms)'),
}).refine((b) => (b.schedule === undefined) !== (b.agencyId === undefined), { message: 'give exactly one of schedule or agencyId', path: ['schedule'] });

const ZText = z.object({ 'zh-CN': z.string(), en: z.string() });
/** Response: fee, net and a plain-language line per bracket. */
export const ZFeeQuote = z.object({
  amountFen: z.number().int(),
  feeFen: z.number().int(),
  netFen: z.number().int(),
  mode: z.enum(['progressive', 'flat']),
  lines: z.array(z.object({ bracket: z.number().int(), fromFen: z.number().int(), toFen: z.number().int(), portionFen: z.number().int(), rateBps: z.number().int(), exactFeeFen: z.string(), text: ZText })),
  adjustments: z.array(z.object({ kind: z.enum(['minimum', 'cap']), text: ZText })),
  scheduleVersion: z.number().int().optional(),
  hourly: z.object({ hours: z.number(), rateFenPerHour: z.number().int(), rawFen: z.number().int(), feeFen: z.number().int(), bounded: z.boolean() }).nullable().optional(),
});

/** Registers the route under /api/v1. */
export async function feeQuoteRoutes(app: FastifyInstance, opts: { context: ContextFactory }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post('/fee-quotes', {
    config: { permission: 'fees:quote' },
    schema: { tags: ['fees'], summary: 'Quote the fee on an amount under a schedule: rounded half-up once, on the total', body: ZFeeQuoteRequest, response: { 200: ZFeeQuote } },
  }, async (req) => {
    if (req.body.agencyId !== undefined) return quoteForAgency(opts.context(req), req.body.agencyId, req.body.amountFen, req.body.hours);
    const schedule = req.body.schedule!;
    const problems = validateSchedule(schedule);
    if (problems.length) {
      throw new AppError('invalid_input', problems.map((p) => p.detail).join(' '), problems.map((p) => ({ field: p.bracket === null ? 'body.schedule' : `body.schedule.brackets.${p.bracket}`, detail: `${p.fault}: ${p.detail}` })));
    }
    return quoteFee(req.body.amountFen, schedule);
  });
}

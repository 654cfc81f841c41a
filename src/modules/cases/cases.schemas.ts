/** Request schemas of the cases module (zod): validated at the edge, named fields in every error. */
import { z } from 'zod';
import { RECORDABLE_KINDS } from '../../domain/case-events.js';

const fen = z.number({ error: 'must be a whole number of fen' }).int('must be a whole number of fen').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 digest');
const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const isoInstant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time with offset' });

/** POST /debts. */
export const ZDebtRequest = z.object({
  debtor: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('enterprise'), creditCode: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(200).optional() }),
    z.object({ kind: z.literal('person'), name: z.string().trim().min(1).max(100), idNumber: z.string().trim().min(15).max(18), phone: z.string().trim().optional(), address: z.string().trim().max(300).optional() }),
  ], { error: 'debtor.kind must be "enterprise" or "person"' }),
  principalFen: fen,
  interestFen: fen.default(0),
  dueOn: isoDate,
  description: z.string().trim().min(1, 'describe the debt').max(4000),
  documents: z.array(sha256).max(50).default([]),
  debtorTimeZone: z.string().trim().min(1).max(64).default('Asia/Shanghai'),
});

/** POST /cases. */
export const ZOpenCaseRequest = z.object({ debtId: z.number().int().positive(), agencyId: z.number().int().positive() });

/** POST /cases/:id/sign. */
export const ZSignRequest = z.object({ acceptAgreement: z.boolean(), authorisePersonalInformation: z.boolean() });

/** An event as a party records it. */
export const ZEventRequest = z.object({
  kind: z.enum(RECORDABLE_KINDS as [string, ...string[]], { error: `kind must be one of: ${RECORDABLE_KINDS.join(', ')}` }),
  occurredAt: isoInstant.optional(),
  notes: z.string().trim().max(4000).default(''),
  message: z.string().trim().max(4000).optional(),
  evidence: z.array(sha256).max(20).default([]),
  contact: z.object({
    target: z.enum(['debtor', 'third_party']).default('debtor'),
    connected: z.boolean().default(false),
    thirdParty: z.object({ contact: z.string().trim().min(3).max(100), relation: z.string().trim().min(1).max(50) }).optional(),
    refused: z.boolean().default(false),
    disclosedDebt: z.boolean().default(false),
  }).optional(),
  declaredCategories: z.array(z.string().max(40)).max(10).default([]),
  details: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).default({}),
});

/** POST /cases/:id/payments. */
export const ZPaymentRequest = z.object({
  amountFen: fen.min(1, 'must be at least 1 fen'),
  receivedAt: isoInstant,
  method: z.enum(['bank_transfer', 'cash', 'escrow', 'other']).default('bank_transfer'),
  notes: z.string().trim().max(2000).default(''),
  evidence: z.array(sha256).max(20).default([]),
});

/** POST /agencies/me/fee-schedule. */
export const ZPublishScheduleRequest = z.object({
  mode: z.enum(['progressive', 'flat'], { error: 'mode must be "progressive" or "flat"' }),
  brackets: z.array(z.object({ upToFen: fen.nullable(), rateBps: z.number().int('rateBps must be a whole number of basis points') })).max(50),
  minFeeFen: fen.optional(),
  capFen: fen.optional(),
  hourly: z.object({ rateFenPerHour: fen, minFen: fen, maxFen: fen, description: z.string().trim().min(1).max(200) }).optional(),
});

export const ZIdParams = z.object({ id: z.coerce.number({ error: 'id must be a number' }).int().positive('id must be positive') });
export const ZEventParams = ZIdParams.extend({ eventId: z.coerce.number({ error: 'eventId must be a number' }).int().positive() });

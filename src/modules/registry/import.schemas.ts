/**
 * Row schemas for importing registry records from CSV or NDJSON (CLI `xinqiao import`, later the
 * ingestion connectors). Every row names its enterprise by credit code; money is given in yuan
 * (`amountYuan`) or fen (`amountFen`) and stored as integer fen.
 */
import { z } from 'zod';
import { isValidCreditCode } from '../../domain/credit-code.js';
import { decodeDivision } from '../../domain/division.js';
import { yuanToFen } from '../../domain/money.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');
const optionalDay = z.preprocess((v) => (v === '' || v === undefined ? null : v), day.nullable());
const creditCode = z.string().trim().toUpperCase().refine(isValidCreditCode, 'is not a valid unified social credit code (GB 32100)');
const text = z.string().trim().min(1, 'is required');
const optionalText = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().trim().nullable());
const provenance = { source: z.string().trim().min(1).default('import'), fetchedAt: z.string().datetime({ offset: true }).optional() };
const fen = z.coerce.number().int('must be whole fen').min(0).max(Number.MAX_SAFE_INTEGER);
const yuan = z.union([z.string(), z.number()]).transform((v, c) => {
  const f = yuanToFen(v);
  if (f === null || f < 0) {
    c.addIssue({ code: 'custom', message: 'must be an amount in yuan with at most 2 decimals' });
    return z.NEVER;
  }
  return f;
});
/** Money columns: either amountFen or amountYuan may be given. */
const moneyFields = { amountFen: fen.optional(), amountYuan: yuan.optional() };
/** Folds amountYuan into amountFen and requires one of them. */
function withAmount<T extends { amountFen?: number | undefined; amountYuan?: number | undefined }>(row: T, c: z.RefinementCtx): Omit<T, 'amountFen' | 'amountYuan'> & { amountFen: number } {
  const { amountFen, amountYuan, ...rest } = row;
  const value = amountFen ?? amountYuan;
  if (value === undefined) {
    c.addIssue({ code: 'custom', message: 'amountFen or amountYuan is required', path: ['amountFen'] });
    return z.NEVER;
  }
  return { ...rest, amountFen: value };
}
/** Parses "a;b" strings (CSV) or arrays (NDJSON). */
const listOf = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (typeof v === 'string' ? (v.trim() ? v.split(/[;；]/).map((s) => s.trim()) : []) : v ?? []), z.array(item));
/** Parses a JSON string (CSV cell) or an array (NDJSON). */
const jsonArray = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (typeof v === 'string' ? (v.trim() ? JSON.parse(v) : []) : v ?? []), z.array(item));

/** An enterprise registration row. */
export const ZEnterpriseImport = z.object({
  creditCode,
  name: text,
  // "a;b" in CSV, or an array of names or of { name, changedOn } (as the registry's own export writes them).
  formerNames: listOf(z.union([z.string().min(1), z.object({ name: text, changedOn: day.nullable().default(null) })])).transform((names) => names.map((n) => (typeof n === 'string' ? { name: n, changedOn: null as string | null } : n))),
  legalRepresentative: text,
  registeredCapitalFen: fen.optional(),
  registeredCapitalYuan: yuan.optional(),
  establishedOn: day,
  status: z.enum(['active', 'revoked', 'cancelled', 'moved_out']).default('active'),
  enterpriseType: z.string().trim().default(''),
  businessScope: z.string().trim().default(''),
  address: z.string().trim().default(''),
  divisionCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit division code').refine((c) => decodeDivision(c) !== null, 'is not a known division').optional(),
  shareholders: jsonArray(z.object({ name: text, kind: z.enum(['person', 'enterprise']), creditCode: z.string().nullable().default(null), shareBasisPoints: z.number().int().min(0).max(10000), subscribedCapitalFen: z.number().int().min(0).default(0) })),
  keyPersonnel: jsonArray(z.object({ name: text, role: text })),
  ...provenance,
});

/** A filed agency row. */
export const ZAgencyImport = z.object({
  creditCode,
  filingNumber: text,
  filedName: text,
  filingCityCode: z.string().regex(/^\d{4}00$/, 'must be a city code such as 320500'),
  services: listOf(z.string().min(1)),
  certificationLevel: z.preprocess((v) => (v === '' ? null : v), z.enum(['A', 'AA', 'AAA']).nullable().default(null)),
  recommended: z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 1, z.boolean()),
  filedOn: day,
  status: z.enum(['filed', 'withdrawn']).default('filed'),
  ...provenance,
});

/** An administrative penalty row. */
export const ZPenaltyImport = z.object({ creditCode, decisionNumber: text, authority: text, reason: text, content: z.string().trim().default(''), decidedOn: day, ...moneyFields, ...provenance }).transform(withAmount);

/** A judicial-enforcement row. */
export const ZEnforcementImport = z.object({ creditCode, caseNumber: text, court: text, filedOn: day, status: z.enum(['open', 'closed']), closedOn: optionalDay, ...moneyFields, ...provenance }).transform(withAmount);

/** An operating-abnormality row. */
export const ZAbnormalImport = z.object({ creditCode, reason: text, listedOn: day, listedBy: text, removedOn: optionalDay, removalReason: optionalText, ...provenance });

/** A licence-revocation row. */
export const ZRevocationImport = z.object({ creditCode, documentNumber: text, authority: text, reason: text, revokedOn: day, ...provenance });

/** A dishonest-judgment-debtor row. */
export const ZDishonestImport = z.object({ creditCode, caseNumber: text, court: text, obligation: text, performance: z.enum(['unperformed', 'partially_performed']), listedOn: day, removedOn: optionalDay, ...provenance });

/** A lawsuit row. */
export const ZLawsuitImport = z.object({ creditCode, caseNumber: text, court: text, cause: text, role: z.enum(['plaintiff', 'defendant', 'third_party']), filedOn: day, status: z.enum(['open', 'closed']), closedOn: optionalDay, ...moneyFields, ...provenance }).transform(withAmount);

export type EnterpriseImport = z.infer<typeof ZEnterpriseImport>;
export type AgencyImport = z.infer<typeof ZAgencyImport>;
export type PenaltyImport = z.infer<typeof ZPenaltyImport>;
export type EnforcementImport = z.infer<typeof ZEnforcementImport>;
export type AbnormalImport = z.infer<typeof ZAbnormalImport>;
export type RevocationImport = z.infer<typeof ZRevocationImport>;
export type DishonestImport = z.infer<typeof ZDishonestImport>;
export type LawsuitImport = z.infer<typeof ZLawsuitImport>;

/** A creditor registers a debt: the debtor by credit code or by identity, amounts in fen, documents. */
import { checkCreditCode } from '../../domain/credit-code.js';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { findOrCreatePerson } from '../privacy/persons.service.js';
import { findEnterpriseSummary } from '../registry/registry.service.js';
import type { CaseDeps } from './cases.deps.js';
import * as repo from './cases.repository.js';

/** The debtor, named one of two ways. */
export type DebtorInput = { kind: 'enterprise'; creditCode: string; name?: string | undefined } | { kind: 'person'; name: string; idNumber: string; phone?: string | undefined; address?: string | undefined };

/** A new debt. */
export interface DebtInput {
  debtor: DebtorInput;
  principalFen: number;
  interestFen: number;
  dueOn: string;
  description: string;
  documents: string[];
  debtorTimeZone: string;
}

/** Checks a time zone name against the runtime's IANA database. */
function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Registers the debt for the signed-in creditor. */
export async function registerDebt(ctx: ServiceContext, deps: Pick<CaseDeps, 'pii'>, input: DebtInput) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  if (!validTimeZone(input.debtorTimeZone)) throw new AppError('invalid_input', `Unknown time zone ${input.debtorTimeZone}.`, [{ field: 'body.debtorTimeZone', detail: 'not an IANA time zone' }]);
  if (input.principalFen + input.interestFen <= 0) throw new AppError('invalid_input', 'The debt must be more than zero.', [{ field: 'body.principalFen', detail: 'principal plus interest must be positive' }]);
  let debtor: { key: string; kind: 'enterprise' | 'person'; creditCode: string | null; personId: number | null; name: string };
  if (input.debtor.kind === 'enterprise') {
    const check = checkCreditCode(input.debtor.creditCode);
    if (!check.valid) throw new AppError('invalid_input', `The debtor's credit code is not valid: ${check.message?.en ?? check.reason}`, [{ field: 'body.debtor.creditCode', detail: 'invalid unified social credit code' }]);
    const registered = await findEnterpriseSummary(ctx, check.normalised);
    const name = registered?.name ?? input.debtor.name?.trim();
    if (!name) throw new AppError('invalid_input', 'This credit code is not in the registry; give the debtor’s name.', [{ field: 'body.debtor.name', detail: 'required for an unregistered enterprise' }]);
    debtor = { key: `ent:${check.normalised}`, kind: 'enterprise', creditCode: check.normalised, personId: null, name };
  } else {
    const person = await findOrCreatePerson(ctx, deps.pii, input.debtor);
    debtor = { key: `person:${person.id}`, kind: 'person', creditCode: null, personId: person.id, name: person.name };
  }
  const id = await repo.insertDebt(ctx.db, {
    creditor_user_id: ctx.actor.userId, debtor_key: debtor.key, debtor_kind: debtor.kind, debtor_credit_code: debtor.creditCode, debtor_person_id: debtor.personId, debtor_name: debtor.name,
    debtor_time_zone: input.debtorTimeZone, principal_fen: input.principalFen, interest_fen: input.interestFen, due_on: input.dueOn, description: input.description, documents: JSON.stringify(input.documents), created_at: ctx.clock().toISOString(),
  });
  return { id, debtorName: debtor.name, debtorKind: debtor.kind, principalFen: input.principalFen, interestFen: input.interestFen, dueOn: input.dueOn };
}

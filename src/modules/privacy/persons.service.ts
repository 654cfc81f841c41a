/**
 * Individuals' personal information: stored encrypted, shown masked by default, unmasked only to the
 * person themself or to a regulator stating a purpose — and every such third-party read is logged.
 */
import { maskAddress, maskIdNumber, maskPhone } from '../../domain/pii-mask.js';
import { checkResidentId } from '../../domain/resident-id.js';
import { AppError } from '../../shared/app-error.js';
import { roleOf, type ServiceContext } from '../../shared/context.js';
import { findUserById, updateUser } from '../accounts/accounts.repository.js';
import type { PiiCipher } from './pii-cipher.js';
import { recordAccess } from './visibility.service.js';

/** A person as shown to a reader. */
export interface PersonView {
  id: number;
  name: string;
  idNumber: string;
  phone: string | null;
  address: string | null;
  masked: boolean;
}

/** Creates a person record (cases create them later; administrators can now). */
export async function createPerson(ctx: ServiceContext, cipher: PiiCipher, input: { name: string; idNumber: string; phone?: string | undefined; address?: string | undefined }): Promise<PersonView> {
  const id = checkResidentId(input.idNumber, ctx.clock());
  if (!id.valid) throw new AppError('invalid_input', `idNumber is not a valid resident ID number (${id.reason}).`, [{ field: 'body.idNumber', detail: id.reason ?? 'invalid' }]);
  if (input.phone && !/^1[3-9]\d{9}$/.test(input.phone)) throw new AppError('invalid_input', 'phone must be an 11-digit mainland mobile number.', [{ field: 'body.phone', detail: 'invalid' }]);
  const index = cipher.blindIndex(id.normalised);
  if (await ctx.db.selectFrom('persons').select('id').where('id_number_index', '=', index).executeTakeFirst()) throw new AppError('conflict', 'A person with this ID number already exists.');
  const now = ctx.clock().toISOString();
  const row = await ctx.db
    .insertInto('persons')
    .values({ name: input.name.trim(), id_number_enc: cipher.encrypt(id.normalised), id_number_index: index, phone_enc: input.phone ? cipher.encrypt(input.phone) : null, address_enc: input.address ? cipher.encrypt(input.address) : null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name: input.name.trim(), idNumber: maskIdNumber(id.normalised), phone: input.phone ? maskPhone(input.phone) : null, address: input.address ? maskAddress(input.address) : null, masked: true };
}

/** Reads a person: unmasked for the person or a regulator with a purpose (logged), masked otherwise. */
export async function getPerson(ctx: ServiceContext, cipher: PiiCipher, personId: number, options: { purpose?: string | undefined; requestId?: string | null }): Promise<PersonView> {
  const p = await ctx.db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
  const role = roleOf(ctx.actor);
  const isSelf = ctx.actor.kind === 'user' && (await findUserById(ctx.db, ctx.actor.userId))?.person_id === personId;
  // Only the person and regulators may read person records at all; say so without revealing whether it exists.
  if (!isSelf && role !== 'regulator') throw new AppError('forbidden', 'You may read only your own personal information.');
  if (!p) throw new AppError('not_found', `No person with id ${personId}.`);
  const idNumber = cipher.decrypt(p.id_number_enc);
  const phone = p.phone_enc ? cipher.decrypt(p.phone_enc) : null;
  const address = p.address_enc ? cipher.decrypt(p.address_enc) : null;
  const purpose = options.purpose?.trim();
  if (isSelf || (role === 'regulator' && purpose)) {
    if (!isSelf) await recordAccess(ctx, { kind: 'person', key: String(personId) }, ['idNumber', 'phone', 'address'], { tier: 'regulator', purpose: purpose! }, options.requestId ?? null);
    return { id: p.id, name: p.name, idNumber, phone, address, masked: false };
  }
  return { id: p.id, name: p.name, idNumber: maskIdNumber(idNumber), phone: phone ? maskPhone(phone) : null, address: address ? maskAddress(address) : null, masked: true };
}

/** Links an account to the person it was identity-verified as (administrators). */
export async function linkPerson(ctx: ServiceContext, personId: number, userId: number): Promise<void> {
  const p = await ctx.db.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!p) throw new AppError('not_found', `No person with id ${personId}.`);
  if (!(await findUserById(ctx.db, userId))) throw new AppError('not_found', `No account with id ${userId}.`);
  await updateUser(ctx.db, userId, { person_id: personId, updated_at: ctx.clock().toISOString() });
}

/** Re-encrypts every person field sealed with an older key (after adding a new current key). */
export async function rotatePersonKeys(ctx: ServiceContext, cipher: PiiCipher): Promise<number> {
  const rows = await ctx.db.selectFrom('persons').select(['id', 'id_number_enc', 'phone_enc', 'address_enc']).execute();
  let n = 0;
  for (const r of rows) {
    if (![r.id_number_enc, r.phone_enc, r.address_enc].some((v) => v && cipher.needsRotation(v))) continue;
    const re = (v: string | null) => (v ? cipher.encrypt(cipher.decrypt(v)) : null);
    await ctx.db.updateTable('persons').set({ id_number_enc: re(r.id_number_enc)!, phone_enc: re(r.phone_enc), address_enc: re(r.address_enc), updated_at: ctx.clock().toISOString() }).where('id', '=', r.id).execute();
    n++;
  }
  return n;
}

/** The person with this ID number, created when new (cases name debtors by identity). Returns id and name. */
export async function findOrCreatePerson(ctx: ServiceContext, cipher: PiiCipher, input: { name: string; idNumber: string; phone?: string | undefined; address?: string | undefined }): Promise<{ id: number; name: string }> {
  const id = checkResidentId(input.idNumber, ctx.clock());
  if (!id.valid) throw new AppError('invalid_input', `The debtor's ID number is not a valid resident ID number (${id.reason}).`, [{ field: 'body.debtor.idNumber', detail: id.reason ?? 'invalid' }]);
  const existing = await ctx.db.selectFrom('persons').select(['id', 'name']).where('id_number_index', '=', cipher.blindIndex(id.normalised)).executeTakeFirst();
  if (existing) return existing;
  const created = await createPerson(ctx, cipher, input);
  return { id: created.id, name: created.name };
}

/** Related parties declared by verified enterprise users. */
import type { Executor } from '../../db/database.js';

/** A user's declared related parties. */
export function listRelatedParties(db: Executor, userId: number) {
  return db.selectFrom('related_parties').select(['id', 'credit_code', 'purpose', 'created_at']).where('user_id', '=', userId).orderBy('id').execute();
}

/** The declaration covering one counterparty, if any. */
export function findRelatedParty(db: Executor, userId: number, creditCode: string) {
  return db.selectFrom('related_parties').select(['id', 'purpose']).where('user_id', '=', userId).where('credit_code', '=', creditCode).executeTakeFirst();
}

/** Adds a declaration. */
export async function insertRelatedParty(db: Executor, row: { user_id: number; credit_code: string; purpose: string; created_at: string }): Promise<number> {
  return (await db.insertInto('related_parties').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Removes a declaration of the user; returns whether one was removed. */
export async function deleteRelatedParty(db: Executor, userId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('related_parties').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

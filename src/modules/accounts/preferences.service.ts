/** Interface preferences (language, elderly mode) remembered with the account, so they follow the person. */
import type { z } from 'zod';
import { AppError } from '../../shared/app-error.js';
import type { ServiceContext } from '../../shared/context.js';
import { ZPreferences } from './accounts.schemas.js';
import * as repo from './accounts.repository.js';

/** Stored preferences, tolerating a row written before a field existed. */
export function parsePreferences(json: string | null | undefined): Preferences {
  const parsed = ZPreferences.safeParse(json ? JSON.parse(json) : {});
  return parsed.success ? parsed.data : { language: null, elderlyMode: false };
}

/** Replaces the caller's preferences (fields left out keep their value). */
export async function updatePreferences(ctx: ServiceContext, input: Partial<Preferences>): Promise<Preferences> {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  const u = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!u) throw new AppError('not_found', 'Account not found.');
  const next = { ...parsePreferences(u.preferences), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Preferences;
  await ctx.db.updateTable('users').set({ preferences: JSON.stringify(next), updated_at: ctx.clock().toISOString() }).where('id', '=', u.id).execute();
  return next;
}

/** Interface preferences. */
export type Preferences = z.infer<typeof ZPreferences>;

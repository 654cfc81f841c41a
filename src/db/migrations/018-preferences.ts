/** Interface preferences kept with the account (language, elderly mode), so they follow the person across browsers. */
import { sql, type Kysely } from 'kysely';

/** Adds users.preferences (JSON text). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('preferences', 'text', (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
}

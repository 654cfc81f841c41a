/** An ordinary index on the folded name: exact-name lookups (batch checks) without scanning the registry. */
import type { Kysely } from 'kysely';

/** Creates the index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enterprises_search_name').on('enterprises').column('search_name').execute();
}

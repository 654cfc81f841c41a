/** The personal-information access log: append-only (no update or delete functions exist). */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PiiAccessLogTable } from '../../db/schema.js';

/** Appends one access record. */
export async function appendAccess(db: Executor, entry: Insertable<PiiAccessLogTable>): Promise<void> {
  await db.insertInto('pii_access_log').values(entry).execute();
}

/** Access records about one subject, newest first. */
export function listAccesses(db: Executor, subject: { kind: 'enterprise' | 'person'; key: string }, limit: number) {
  return db
    .selectFrom('pii_access_log')
    .leftJoin('users', 'users.id', 'pii_access_log.viewer_user_id')
    .select(['pii_access_log.id', 'pii_access_log.viewer_role', 'pii_access_log.fields', 'pii_access_log.purpose', 'pii_access_log.request_id', 'pii_access_log.accessed_at', 'users.display_name'])
    .where('pii_access_log.subject_kind', '=', subject.kind)
    .where('pii_access_log.subject_key', '=', subject.key)
    .orderBy('pii_access_log.id', 'desc')
    .limit(limit)
    .execute();
}

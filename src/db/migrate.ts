/** Runs the numbered, forward-only migrations; the same list on every dialect. */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m001 from './migrations/001-registry.js';
import * as m002 from './migrations/002-search-index.js';
import * as m003 from './migrations/003-service-scope-rules.js';
import * as m004 from './migrations/004-accounts.js';
import * as m005 from './migrations/005-related-parties.js';
import * as m006 from './migrations/006-personal-information.js';
import * as m007 from './migrations/007-evidence-log.js';
import * as m008 from './migrations/008-cases.js';
import * as m009 from './migrations/009-recourse.js';
import * as m010 from './migrations/010-ingest.js';
import * as m011 from './migrations/011-risk.js';
import * as m012 from './migrations/012-name-index.js';
import * as m013 from './migrations/013-alerts.js';
import * as m014 from './migrations/014-agency-grades.js';
import * as m015 from './migrations/015-mediation.js';
import * as m016 from './migrations/016-law-firm-ratings.js';
import * as m017 from './migrations/017-mediators.js';
import * as m018 from './migrations/018-preferences.js';

const MIGRATIONS: Record<string, Migration> = {
  '001-registry': m001,
  '002-search-index': m002,
  '003-service-scope-rules': m003,
  '004-accounts': m004,
  '005-related-parties': m005,
  '006-personal-information': m006,
  '007-evidence-log': m007,
  '008-cases': m008,
  '009-recourse': m009,
  '010-ingest': m010,
  '011-risk': m011,
  '012-name-index': m012,
  '013-alerts': m013,
  '014-agency-grades': m014,
  '015-mediation': m015,
  '016-law-firm-ratings': m016,
  '017-mediators': m017,
  '018-preferences': m018,
};

// Static imports instead of a folder scan: works the same from src/ under Vitest and from dist/.
const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

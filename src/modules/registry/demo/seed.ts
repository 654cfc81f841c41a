/** Writes the generated demo registry through the same upserts the importer uses. */
import { seedDemoFeeSchedules } from '../../cases/demo-fee-schedules.js';
import type { Database } from '../../../db/database.js';
import { RECORD_KINDS, type RecordKind } from '../registry-records.repository.js';
import { upsertEnterprises, upsertRecords } from '../import-records.service.js';
import { generateDemo, type DemoOptions } from './generate.js';

/** Default PRNG seed, so every fresh install shows the same registry. */
export const DEFAULT_SEED = 20_240_601;

/** Seeds the database; one transaction per batch so a crash leaves whole batches only. */
export async function seedDemo(database: Database, options: DemoOptions & { onProgress?: (done: number) => void }): Promise<{ enterprises: number; records: number }> {
  let enterprises = 0;
  let records = 0;
  const now = options.asOf.toISOString();
  for (const batch of generateDemo(options)) {
    await database.db.transaction().execute(async (trx) => {
      await upsertEnterprises(trx, batch.enterprises, now);
      for (const kind of ['agencies', 'penalties', 'abnormal', 'revocations', 'enforcement', 'dishonest', 'lawsuits'] as const) {
        const rows = (batch[kind] as Array<{ creditCode: string }>).map((value, i) => ({ line: i + 1, value }));
        const r = await upsertRecords(trx, RECORD_KINDS[kind] as RecordKind<{ creditCode: string }>, rows, now);
        if (r.rejected.length) throw new Error(`demo generator produced an orphan ${kind} row: ${r.rejected[0]!.reason}`);
        records += r.inserted;
      }
    });
    enterprises += batch.enterprises.length;
    options.onProgress?.(enterprises);
  }
  // Agencies publish fee schedules through the cases module, so demo agencies can be commissioned.
  await seedDemoFeeSchedules(database.db, now);
  return { enterprises, records };
}

/** `npm start` on an empty database generates the demo registry and says so. */
import type { Logger } from 'pino';
import type { Database } from '../../../db/database.js';
import { DEFAULT_SEED, seedDemo } from './seed.js';

/** Seeds when there is no enterprise yet; returns whether it did. */
export async function seedIfEmpty(database: Database, options: { enterprises: number; log: Logger }): Promise<boolean> {
  const row = await database.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return false;
  const started = Date.now();
  options.log.info(`Empty database: generating demo data (${options.enterprises.toLocaleString('en')} enterprises, seed ${DEFAULT_SEED}); this takes a moment the first time…`);
  const result = await seedDemo(database, { enterprises: options.enterprises, seed: DEFAULT_SEED, asOf: new Date(), onProgress: (n) => { if (n % 20_000 === 0) options.log.info(`  … ${n.toLocaleString('en')} enterprises`); } });
  options.log.info(`Demo data ready: ${result.enterprises.toLocaleString('en')} enterprises and ${result.records.toLocaleString('en')} records in ${((Date.now() - started) / 1000).toFixed(1)} s. Replace it with real data via \`xinqiao import\`.`);
  return true;
}

/** Registry tables: enterprises, agencies and the public records attached to them. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';
import { idColumn, sourcedColumns } from './helpers.js';

/** Creates the registry tables. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  await sourcedColumns(
    idColumn(db.schema.createTable('enterprises'), d)
      .addColumn('credit_code', 'varchar(18)', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('legal_representative', 'text', (c) => c.notNull())
      .addColumn('registered_capital_fen', 'bigint', (c) => c.notNull())
      .addColumn('established_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('enterprise_type', 'text', (c) => c.notNull())
      .addColumn('business_scope', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('division_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('search_name', 'text', (c) => c.notNull())
      .addColumn('search_alias', 'text', (c) => c.notNull())
      .addColumn('search_pinyin_head', 'text', (c) => c.notNull())
      .addColumn('search_pinyin', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('enterprises_city_status').on('enterprises').columns(['city_code', 'status']).execute();

  await idColumn(db.schema.createTable('enterprise_former_names'), d)
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'varchar(10)')
    .execute();
  await idColumn(db.schema.createTable('shareholders'), d)
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('credit_code', 'varchar(18)')
    .addColumn('share_basis_points', 'integer', (c) => c.notNull())
    .addColumn('subscribed_capital_fen', 'bigint', (c) => c.notNull())
    .execute();
  await idColumn(db.schema.createTable('key_personnel'), d)
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  for (const t of ['enterprise_former_names', 'shareholders', 'key_personnel']) {
    await db.schema.createIndex(`${t}_enterprise`).on(t).column('enterprise_id').execute();
  }
  await db.schema.createIndex('shareholders_credit_code').on('shareholders').column('credit_code').execute();

  await sourcedColumns(
    idColumn(db.schema.createTable('agencies'), d)
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().unique().references('enterprises.id').onDelete('cascade'))
      .addColumn('filing_number', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('filed_name', 'text', (c) => c.notNull())
      .addColumn('filing_city_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('services', 'text', (c) => c.notNull())
      .addColumn('certification_level', 'varchar(3)')
      .addColumn('recommended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('agencies_city').on('agencies').columns(['filing_city_code', 'recommended']).execute();

  const records: Array<[string, (t: any) => any, string[]]> = [
    ['penalties', (t) => t.addColumn('decision_number', 'varchar(128)', (c: any) => c.notNull().unique()).addColumn('authority', 'text', (c: any) => c.notNull()).addColumn('reason', 'text', (c: any) => c.notNull()).addColumn('content', 'text', (c: any) => c.notNull()).addColumn('amount_fen', 'bigint', (c: any) => c.notNull()).addColumn('decided_on', 'varchar(10)', (c: any) => c.notNull()), []],
    ['abnormal_entries', (t) => t.addColumn('reason', 'text', (c: any) => c.notNull()).addColumn('listed_on', 'varchar(10)', (c: any) => c.notNull()).addColumn('listed_by', 'text', (c: any) => c.notNull()).addColumn('removed_on', 'varchar(10)').addColumn('removal_reason', 'text'), ['listed_on']],
    ['licence_revocations', (t) => t.addColumn('document_number', 'varchar(128)', (c: any) => c.notNull().unique()).addColumn('authority', 'text', (c: any) => c.notNull()).addColumn('reason', 'text', (c: any) => c.notNull()).addColumn('revoked_on', 'varchar(10)', (c: any) => c.notNull()), []],
    ['enforcement_records', (t) => t.addColumn('case_number', 'varchar(128)', (c: any) => c.notNull().unique()).addColumn('court', 'text', (c: any) => c.notNull()).addColumn('amount_fen', 'bigint', (c: any) => c.notNull()).addColumn('filed_on', 'varchar(10)', (c: any) => c.notNull()).addColumn('status', 'varchar(16)', (c: any) => c.notNull()).addColumn('closed_on', 'varchar(10)'), []],
    ['dishonest_entries', (t) => t.addColumn('case_number', 'varchar(128)', (c: any) => c.notNull().unique()).addColumn('court', 'text', (c: any) => c.notNull()).addColumn('obligation', 'text', (c: any) => c.notNull()).addColumn('performance', 'varchar(32)', (c: any) => c.notNull()).addColumn('listed_on', 'varchar(10)', (c: any) => c.notNull()).addColumn('removed_on', 'varchar(10)'), []],
    ['lawsuits', (t) => t.addColumn('case_number', 'varchar(128)', (c: any) => c.notNull()).addColumn('court', 'text', (c: any) => c.notNull()).addColumn('cause', 'text', (c: any) => c.notNull()).addColumn('role', 'varchar(16)', (c: any) => c.notNull()).addColumn('amount_fen', 'bigint', (c: any) => c.notNull()).addColumn('filed_on', 'varchar(10)', (c: any) => c.notNull()).addColumn('status', 'varchar(16)', (c: any) => c.notNull()).addColumn('closed_on', 'varchar(10)'), []],
  ];
  for (const [table, columns] of records) {
    const base = idColumn(db.schema.createTable(table), d).addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id').onDelete('cascade'));
    await sourcedColumns(columns(base)).execute();
    await db.schema.createIndex(`${table}_enterprise`).on(table).column('enterprise_id').execute();
  }
  // Natural keys used by imports to upsert instead of duplicating.
  await db.schema.createIndex('abnormal_entries_natural').on('abnormal_entries').columns(['enterprise_id', 'listed_on', 'reason']).unique().execute();
  await db.schema.createIndex('lawsuits_natural').on('lawsuits').columns(['case_number', 'enterprise_id']).unique().execute();

  await db.schema
    .createTable('service_scope_rules')
    .addColumn('service_code', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('accepted_phrases', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('app_meta').addColumn('key', 'varchar(64)', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
}

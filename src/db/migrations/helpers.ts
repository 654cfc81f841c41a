/** Column helpers so one migration text produces the right DDL on SQLite and PostgreSQL. */
import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../database.js';

/** Adds an auto-incrementing integer primary key named id. */
export function idColumn<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'serial', (c) => c.primaryKey());
}

/** Adds the provenance columns every externally sourced record keeps. */
export function sourcedColumns<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'source' | 'fetched_at'> {
  return table.addColumn('source', 'text', (c) => c.notNull()).addColumn('fetched_at', 'varchar(32)', (c) => c.notNull());
}

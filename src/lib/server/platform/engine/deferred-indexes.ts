import { sql } from 'kysely';
import type { DB } from '../db';
import { engineOf } from './engine-of';

// A bulk load into an empty database (the import) drops secondary indexes and builds them
// once at the end: one sorted build is far cheaper than millions of scattered index updates
// (decision 010 found the same for `generate`). Both steps run in the caller's transaction,
// so an import that fails or is killed leaves the indexes as they were. Each engine keeps
// index definitions in its own catalogue.

export interface IndexDefinition {
	name: string;
	definition: string;
}

/** Drops the named indexes (those that exist); returns what rebuildIndexes needs. */
export async function dropIndexes(db: DB, names: readonly string[]): Promise<IndexDefinition[]> {
	const { rows } =
		engineOf(db) === 'postgres'
			? await sql<IndexDefinition>`
					select indexname as name, indexdef as definition from pg_indexes
					where schemaname = current_schema() and indexname in (${sql.join(names)})`.execute(db)
			: await sql<IndexDefinition>`
					select name, sql as definition from sqlite_master
					where type = 'index' and name in (${sql.join(names)})`.execute(db);
	for (const index of rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
	return rows;
}

/** Builds again the indexes dropIndexes dropped. */
export async function rebuildIndexes(db: DB, indexes: IndexDefinition[]): Promise<void> {
	for (const index of indexes) await sql.raw(index.definition).execute(db);
}

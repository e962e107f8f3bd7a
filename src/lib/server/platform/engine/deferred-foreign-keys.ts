import { sql } from 'kysely';
import type { DB } from '../db';
import { engineOf } from './engine-of';

// A bulk load into an empty PostgreSQL database (the import) drops the foreign keys and adds
// them again at its end, as pg_restore does: PostgreSQL checks a foreign key with a trigger
// per inserted row, which was most of a million-scorecard import's time there, while adding
// the key back checks every row in one join. Both steps run in the caller's transaction, so
// an import that fails or is killed leaves the keys as they were, and a row the import's own
// checks missed still fails the whole import. SQLite checks a key as it inserts the row, at
// a cost that kept its import inside its budget, and cannot drop one: it keeps them.

export interface ForeignKeyDefinition {
	table: string;
	name: string;
	definition: string;
}

/** Drops the foreign keys of the current schema (PostgreSQL); returns what restoreForeignKeys needs. */
export async function dropForeignKeys(db: DB): Promise<ForeignKeyDefinition[]> {
	if (engineOf(db) !== 'postgres') return [];
	const { rows } = await sql<ForeignKeyDefinition>`
		select c.relname as "table", k.conname as name, pg_get_constraintdef(k.oid) as definition
		from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
		where k.contype = 'f' and k.connamespace = current_schema()::regnamespace
			-- Only keys this role may drop and add again: between its own tables.
			and pg_has_role(c.relowner, 'USAGE') and pg_has_role(r.relowner, 'USAGE')
		order by c.relname, k.conname`.execute(db);
	for (const key of rows)
		await sql`alter table ${sql.id(key.table)} drop constraint ${sql.id(key.name)}`.execute(db);
	return rows;
}

/** Adds again, and so checks against every row, the keys dropForeignKeys dropped. */
export async function restoreForeignKeys(db: DB, keys: ForeignKeyDefinition[]): Promise<void> {
	for (const key of keys)
		await sql`alter table ${sql.id(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
			db
		);
}

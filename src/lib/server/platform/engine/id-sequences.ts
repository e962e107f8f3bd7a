import { sql } from 'kysely';
import type { DB } from '../db';
import { engineOf } from './engine-of';

/**
 * After rows were written with their ids given (an import), the next id must come after
 * them. SQLite's autoincrement takes the largest id in use by itself; PostgreSQL's identity
 * columns draw from a sequence that has to be moved on.
 */
export async function advanceIdSequences(db: DB): Promise<void> {
	if (engineOf(db) !== 'postgres') return;
	const { rows } = await sql<{ tableName: string; columnName: string }>`
		select table_name, column_name from information_schema.columns
		where table_schema = current_schema() and is_identity = 'YES'
	`.execute(db);
	for (const { tableName, columnName } of rows) {
		const table = sql.id(tableName);
		const column = sql.id(columnName);
		await sql`
			select setval(pg_get_serial_sequence(${`"${tableName}"`}, ${columnName}),
				coalesce(max(${column}), 1), max(${column}) is not null)
			from ${table}
		`.execute(db);
	}
}

import { CompiledQuery, type Insertable } from 'kysely';
import type { DB } from './db';
import { engineOf } from './engine/engine-of';
import { nameStatement } from './engine/named-statements';
import type { Database } from './schema';

// Many rows into one table in few distinct statements, on either engine: the import's
// batches and the recount of the monthly calibration totals.

/**
 * Slices of `rows` to insert: one SQLite statement binds at most 32766 values. Past the full
 * slices, the rest goes in slices of powers of two, so however many rows a batch brings, a
 * table sees at most nine different statements. Each distinct statement is prepared and
 * kept (platform/db.ts); a statement per row count filled that cache with hundreds of large
 * prepared inserts, which held most of an import's memory (decision 026).
 */
export function sliceSizes(count: number): number[] {
	const sizes: number[] = [];
	let left = count;
	for (; left >= 256; left -= 256) sizes.push(256);
	for (let size = 128; size >= 1; size >>= 1) {
		if (left < size) continue;
		sizes.push(size);
		left -= size;
	}
	return sizes;
}

export async function insertRows<T extends keyof Database & string>(
	db: DB,
	table: T,
	rows: Insertable<Database[T]>[]
): Promise<void> {
	let start = 0;
	for (const size of sliceSizes(rows.length))
		await insertSlice(db, table, rows.slice(start, (start += size)));
}

/**
 * The SQL of inserts already built, by engine, table, columns and row count. Building a
 * 256-row insert through Kysely's query tree for every slice took a tenth of an import's
 * time and much of its garbage; the text is the same each time, only the values change.
 */
const builtInserts = new Map<string, string>();

async function insertSlice<T extends keyof Database & string>(
	db: DB,
	table: T,
	rows: Insertable<Database[T]>[]
): Promise<void> {
	const columns = Object.keys(rows[0]!);
	const key = `${engineOf(db)} ${table} ${rows.length} ${columns.join(',')}`;
	const values = valuesInOrder(rows, columns);
	const built = values && builtInserts.get(key);
	if (built) {
		await db.executeQuery(CompiledQuery.raw(built, values));
		return;
	}
	// Kysely cannot follow a generic table name through `values`; the rows are typed above.
	const compiled = db
		.insertInto(table)
		.values(rows as never)
		.compile();
	// Kept only when Kysely bound exactly these values in this order, so reusing the text is safe.
	if (values && sameValues(compiled.parameters, values)) {
		builtInserts.set(key, compiled.sql);
		if (engineOf(db) === 'postgres') nameStatement(compiled.sql);
	}
	await db.executeQuery(compiled);
}

/** The rows' values row by row, when every row has the same columns in the same order and no gap. */
function valuesInOrder(rows: object[], columns: string[]): unknown[] | undefined {
	const values: unknown[] = [];
	for (const row of rows) {
		const keys = Object.keys(row);
		if (keys.length !== columns.length) return undefined;
		for (let i = 0; i < keys.length; i++) {
			const value = (row as Record<string, unknown>)[keys[i]!];
			// Kysely leaves an undefined value out (the column's default): not the same statement.
			if (keys[i] !== columns[i] || value === undefined) return undefined;
			values.push(value);
		}
	}
	return values;
}

const sameValues = (a: readonly unknown[], b: unknown[]) =>
	a.length === b.length && a.every((value, i) => value === b[i]);

import type { Insertable } from 'kysely';
import type { DB } from './db';
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
	for (const size of sliceSizes(rows.length)) {
		// Kysely cannot follow a generic table name through `values`; the rows are typed above.
		await db
			.insertInto(table)
			.values(rows.slice(start, (start += size)) as never)
			.execute();
	}
}

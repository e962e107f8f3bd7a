import { describe, expect, it } from 'vitest';
import { insertRows } from '../../../src/lib/server/platform/insert-rows';
import { freshDb } from '../helpers/db';

// The import writes its rows through insertRows, which reuses the SQL it built for a table,
// its columns and a row count: every row must still arrive with its own values.

const metaRows = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ key: `insert-rows-${from + i}`, value: `value ${from + i}` }));

async function stored(db: ReturnType<typeof freshDb>) {
	const rows = await db.selectFrom('meta').selectAll().where('key', 'like', 'insert-rows-%').execute();
	return rows.sort((a, b) => Number(a.key.slice(12)) - Number(b.key.slice(12)));
}

describe('inserting many rows', () => {
	it('writes every row with its own values when the same statement serves many slices', async () => {
		const db = freshDb();
		// 256 + 256 + 64 + 4 + 1: the full slice's statement is reused, then the rest's.
		await insertRows(db, 'meta', metaRows(0, 581));
		await insertRows(db, 'meta', metaRows(581, 256));
		expect(await stored(db)).toEqual(metaRows(0, 837));
	});

	it('writes rows whose columns come in another order, or are missing, as they are', async () => {
		const db = freshDb();
		await insertRows(db, 'meta', metaRows(0, 2));
		// Same count and table, the columns the other way round: not the statement built before.
		await insertRows(db, 'meta', [
			{ value: 'swapped 2', key: 'insert-rows-2' },
			{ value: 'swapped 3', key: 'insert-rows-3' }
		]);
		await insertRows(db, 'meta', [
			{ key: 'insert-rows-4', value: 'mixed 4' },
			{ value: 'mixed 5', key: 'insert-rows-5' }
		]);
		expect((await stored(db)).map((r) => r.value)).toEqual([
			'value 0',
			'value 1',
			'swapped 2',
			'swapped 3',
			'mixed 4',
			'mixed 5'
		]);
	});
});

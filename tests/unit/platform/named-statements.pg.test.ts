import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertRows } from '../../../src/lib/server/platform/insert-rows';
import { freshDb } from '../helpers/db';

// PostgreSQL parses a reused many-row insert once per connection (decision 033): the import
// runs tens of thousands of them, and parsing each again was a third of its cost there.

const metaRows = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ key: `named-${from + i}`, value: `value ${from + i}` }));

describe('many-row inserts on PostgreSQL', () => {
	it('run as a named prepared statement once built, with every row its own values', async () => {
		const db = freshDb();
		const prepared = await db.transaction().execute(async (trx) => {
			await insertRows(trx, 'meta', metaRows(0, 3 * 256));
			const { rows } = await sql<{ name: string; statement: string }>`
				select name, statement from pg_prepared_statements`.execute(trx);
			return rows;
		});
		expect(prepared).toContainEqual({
			name: expect.stringMatching(/^panelist_named_\d+$/),
			statement: expect.stringMatching(/^insert into "meta"/)
		});
		const stored = await db.selectFrom('meta').selectAll().where('key', 'like', 'named-%').execute();
		expect(stored.sort((a, b) => Number(a.key.slice(6)) - Number(b.key.slice(6)))).toEqual(metaRows(0, 768));
	});
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { engineOf } from '../../../src/lib/server/platform/engine/engine-of';
import {
	dropForeignKeys,
	restoreForeignKeys
} from '../../../src/lib/server/platform/engine/deferred-foreign-keys';
import { insertRows } from '../../../src/lib/server/platform/insert-rows';
import { freshDb } from '../helpers/db';

// The import loads with PostgreSQL's foreign keys dropped and adds them back at the end, in
// its one transaction (decision 033): a row pointing nowhere must still fail the whole load,
// on either engine, and leave the keys where they were.

const orphanRating = {
	scorecardId: 999_999,
	interviewerId: 999_999,
	competencyId: 999_999,
	revisionId: 999_999,
	loopId: 999_999,
	rating: 3,
	submittedAt: 1,
	interviewedAt: 1,
	openingId: 999_999,
	roundKind: 'technical' as const,
	complete: 0,
	othersMean: null
};

async function foreignKeyCount(db: ReturnType<typeof freshDb>): Promise<number> {
	const { rows } =
		engineOf(db) === 'postgres'
			? await sql<{ n: number }>`
				select count(*) as n from pg_constraint
				where contype = 'f' and connamespace = current_schema()::regnamespace`.execute(db)
			: await sql<{ n: number }>`
				select count(*) as n from sqlite_master m, pragma_foreign_key_list(m.name)
				where m.type = 'table'`.execute(db);
	return Number(rows[0]!.n);
}

describe('a bulk load', () => {
	it('refuses a row that points nowhere, changes nothing, and keeps every foreign key', async () => {
		const db = freshDb();
		const keys = await foreignKeyCount(db);
		expect(keys).toBeGreaterThan(20);

		const refusal = await db
			.transaction()
			.execute(async (trx) => {
				const dropped = await dropForeignKeys(trx);
				await insertRows(trx, 'scorecardRating', [orphanRating]);
				await restoreForeignKeys(trx, dropped);
			})
			.catch((error: unknown) => error);

		expect(String(refusal)).toMatch(/foreign key/i);
		expect(await db.selectFrom('scorecardRating').select('scorecardId').execute()).toEqual([]);
		expect(await foreignKeyCount(db)).toBe(keys);
	});

	it('keeps every foreign key once the load has put them back', async () => {
		const db = freshDb();
		const keys = await foreignKeyCount(db);
		await db.transaction().execute(async (trx) => restoreForeignKeys(trx, await dropForeignKeys(trx)));
		expect(await foreignKeyCount(db)).toBe(keys);
		await expect(insertRows(db, 'scorecardRating', [orphanRating])).rejects.toThrow(/foreign key/i);
	});
});

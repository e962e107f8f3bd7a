import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { withStartupLock } from '../../../src/lib/server/platform/engine/startup-lock';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from '../helpers/postgres';

// Several instances on one PostgreSQL database: what one transaction read must still hold
// when it commits, or it runs again (decision 018).

const server = inject('postgresServer');
const created: string[] = [];
const opened: DB[] = [];

afterAll(async () => {
	for (const db of opened.splice(0)) await db.destroy();
	for (const name of created.splice(0)) await dropDatabase(server, name);
});

/** Two connections pools ("instances") on one new database with a counter row. */
async function twoInstances(): Promise<[DB, DB]> {
	const name = uniqueDatabaseName(inject('postgresPrefix'));
	await createDatabase(server, name);
	created.push(name);
	const [a, b] = [openDatabase(databaseUrl(server, name)), openDatabase(databaseUrl(server, name))];
	opened.push(a, b);
	await sql`create table counter (id bigint primary key, n bigint not null)`.execute(a);
	await sql`insert into counter values (1, 0)`.execute(a);
	return [a, b];
}

/** Reads the counter, waits so the other side reads it too, then writes what it read plus one. */
async function increment(db: DB): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(trx);
		await new Promise((resolve) => setTimeout(resolve, 30));
		await sql`update counter set n = ${rows[0]!.n + 1} where id = 1`.execute(trx);
	});
}

describe('transactions on PostgreSQL', () => {
	it('lose no update when two instances read and write the same row at once', async () => {
		const [a, b] = await twoInstances();
		await Promise.all([increment(a), increment(b), increment(a), increment(b)]);
		const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(a);
		expect(rows[0]!.n).toBe(4);
	});

	it('run a transaction again after a deadlock, so neither side fails', async () => {
		const [a, b] = await twoInstances();
		await sql`insert into counter values (2, 0)`.execute(a);
		const lockBoth = (db: DB, first: number, second: number) =>
			db.transaction().execute(async (trx) => {
				await sql`update counter set n = n + 1 where id = ${first}`.execute(trx);
				await new Promise((resolve) => setTimeout(resolve, 50));
				await sql`update counter set n = n + 1 where id = ${second}`.execute(trx);
			});
		await Promise.all([lockBoth(a, 1, 2), lockBoth(b, 2, 1)]);
		const { rows } = await sql<{ n: number }>`select n from counter order by id`.execute(a);
		expect(rows.map((r) => r.n)).toEqual([2, 2]);
	});
});

describe('starting several instances at once', () => {
	it('prepares the database one instance at a time', async () => {
		const [a, b] = await twoInstances();
		const spans: [number, number][] = [];
		const prepare = (db: DB) =>
			withStartupLock(db, async (locked) => {
				const start = performance.now();
				await sql`select pg_sleep(0.1)`.execute(locked);
				spans.push([start, performance.now()]);
			});
		await Promise.all([prepare(a), prepare(b), prepare(a)]);
		spans.sort((x, y) => x[0] - y[0]);
		expect(spans).toHaveLength(3);
		for (let i = 1; i < spans.length; i += 1) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
	});
});

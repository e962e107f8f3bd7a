import Database from 'better-sqlite3';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/lib/server/platform/db';

// `npm run bench -- --engine postgres` measures the same organisation on PostgreSQL: the
// generated SQLite organisation (bench data included) is copied row for row into a fresh
// database, migrated first so the schema is the app's own.

/** The server the bench makes its database on: BENCH_DATABASE_URL, else the test server's. */
export function benchPostgresServer(): string {
	return (
		process.env.BENCH_DATABASE_URL ??
		process.env.PANELIST_TEST_DATABASE_URL ??
		'postgres://panelist:panelist@127.0.0.1:5432/postgres'
	);
}

function urlOf(server: string, name: string): string {
	const url = new URL(server);
	url.pathname = `/${name}`;
	return url.toString();
}

async function onServer(server: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: server });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/** A new, empty PostgreSQL database (replacing one of the same name); its URL. */
export async function freshPostgres(name: string): Promise<string> {
	const server = benchPostgresServer();
	await onServer(server, `drop database if exists "${name}" with (force)`);
	await onServer(server, `create database "${name}"`);
	return urlOf(server, name);
}

/** Copies the SQLite organisation at file into a new PostgreSQL database; its URL. */
export async function copyToPostgres(file: string, name: string): Promise<string> {
	const url = await freshPostgres(name);
	const db = openDatabase(url);
	await migrateToLatest(db);
	await db.destroy();

	const sqlite = new Database(file, { readonly: true });
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		// Tables in the order the migrations made them: each refers only to earlier ones.
		const tables = sqlite
			.prepare(
				`select name from sqlite_master where type = 'table'
				 and name not like 'sqlite_%' and name not like 'kysely_%' order by rowid`
			)
			.pluck()
			.all() as string[];
		await client.query('begin');
		for (const table of tables) await copyTable(sqlite, client, table);
		await client.query('commit');
		// Identity columns go on from the copied ids.
		const { rows } = await client.query<{ table_name: string; column_name: string }>(
			`select table_name, column_name from information_schema.columns
			 where table_schema = current_schema() and is_identity = 'YES'`
		);
		for (const { table_name: table, column_name: column } of rows) {
			await client.query(
				`select setval(pg_get_serial_sequence('"${table}"', '${column}'),
				 coalesce((select max("${column}") from "${table}"), 0) + 1, false)`
			);
		}
		await client.query('analyze');
	} finally {
		await client.end();
		sqlite.close();
	}
	return url;
}

async function copyTable(sqlite: Database.Database, client: pg.Client, table: string): Promise<void> {
	const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
	const perBatch = Math.max(1, Math.floor(30_000 / columns.length));
	const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
	let batch: unknown[][] = [];
	const flush = async () => {
		if (!batch.length) return;
		const values = batch
			.map((_, row) => `(${columns.map((_, col) => `$${row * columns.length + col + 1}`).join(', ')})`)
			.join(', ');
		await client.query(head + values, batch.flat());
		batch = [];
	};
	for (const row of sqlite.prepare(`select * from "${table}"`).raw().iterate()) {
		batch.push(row as unknown[]);
		if (batch.length >= perBatch) await flush();
	}
	await flush();
}

/**
 * Drops a bench database (after the run); an autovacuum worker still on it (which this role may
 * not end) makes the drop fail for a moment, so it is tried again.
 */
export async function dropPostgres(name: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await onServer(benchPostgresServer(), `drop database if exists "${name}" with (force)`);
		} catch (error) {
			// A million-scorecard database can keep a worker busy for many seconds.
			if (attempt >= 60) throw error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}

import pg from 'pg';

// PostgreSQL databases for the unit suite: one migrated template per run (global-setup.ts),
// copied per test with CREATE DATABASE … TEMPLATE, all named after the run and dropped after it.

/** The URL of database `name` on the test server given by `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Runs one administrative statement (create/drop database) on the test server. */
export async function runOnServer(serverUrl: string, statement: string): Promise<pg.QueryResult> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return await client.query(statement);
	} finally {
		await client.end();
	}
}

let sequence = 0;

/** A database name unique to this process, under the run's prefix (PostgreSQL allows 63 bytes). */
export function uniqueDatabaseName(prefix: string): string {
	sequence += 1;
	return `${prefix}_${process.pid}_${sequence}`;
}

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
	await runOnServer(serverUrl, `create database "${name}"${template ? ` template "${template}"` : ''}`);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
	// `with (force)` cannot end a connection of another role: an autovacuum worker that happens
	// to be in the database refuses the drop (42501) for the moment it takes to finish.
	for (let attempt = 1; ; attempt++) {
		try {
			await runOnServer(serverUrl, `drop database if exists "${name}" with (force)`);
			return;
		} catch (error) {
			if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

/** Drops every database whose name starts with prefix (what a run leaves behind). */
export async function dropDatabasesLike(serverUrl: string, prefix: string): Promise<void> {
	const { rows } = await runOnServer(
		serverUrl,
		`select datname from pg_database where starts_with(datname, '${prefix}')`
	);
	for (const { datname } of rows as { datname: string }[]) await dropDatabase(serverUrl, datname);
}

import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from '../../unit/helpers/postgres';

/** The PostgreSQL server the PostgreSQL browser run uses (PANELIST_TEST_DATABASE_URL). */
export function postgresServer(): string {
	const server = process.env.PANELIST_TEST_DATABASE_URL;
	if (!server) throw new Error('the postgres browser run needs PANELIST_TEST_DATABASE_URL');
	return server;
}

/** An empty database of its own on the test server; drop() removes it. */
export async function emptyPostgresDatabase(): Promise<{
	url: string;
	open: () => DB;
	drop: () => Promise<void>;
}> {
	const server = postgresServer();
	const name = uniqueDatabaseName(`panelist_e2e_${Date.now().toString(36)}`);
	await createDatabase(server, name);
	const url = databaseUrl(server, name);
	return { url, open: () => openDatabase(url), drop: () => dropDatabase(server, name) };
}

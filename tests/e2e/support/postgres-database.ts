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
	return { url, open: () => openDatabase(url), drop: () => dropSoon(server, name) };
}

/**
 * Drops the database; an autovacuum worker on it (the server's own role, which the test role
 * may not terminate) makes the drop fail for a moment, so it is tried again.
 */
async function dropSoon(server: string, name: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await dropDatabase(server, name);
		} catch (error) {
			if (attempt >= 10) throw error;
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
	}
}

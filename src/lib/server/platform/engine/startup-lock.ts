import { sql } from 'kysely';
import { isPostgres } from '../../../../../migrations/support/engine';
import type { DB } from '../db';

// Any fixed number both instances agree on; pg_advisory_lock takes a bigint key.
const startupLockKey = 7_415_020_015;

/**
 * Runs work while no other instance runs its own: on PostgreSQL under a session advisory lock
 * held by one pooled connection, which work's queries use too. Instances starting together on
 * one database would otherwise both see no default library and both install it. SQLite is
 * one process: work runs as it is.
 */
export async function withStartupLock<T>(db: DB, work: (db: DB) => Promise<T>): Promise<T> {
	if (!isPostgres(db)) return work(db);
	return db.connection().execute(async (connection) => {
		await sql`select pg_advisory_lock(${startupLockKey})`.execute(connection);
		try {
			return await work(connection);
		} finally {
			await sql`select pg_advisory_unlock(${startupLockKey})`.execute(connection);
		}
	});
}

import { sql } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../schema';
import { engineOf } from './engine-of';

/**
 * After rows were overwritten to erase what they held (decision 024), makes the old bytes
 * go where each engine can. SQLite deletes with secure_delete on (openSqlite), so the main
 * file holds zeros where the old text was; the WAL still has the pages as they were until a
 * checkpoint copies them back, and TRUNCATE then empties it. PostgreSQL keeps an updated
 * row's old version as a dead tuple until VACUUM makes its space reusable. Runs outside any
 * transaction; answers whether it could do all it meant to (a reader holding the WAL back
 * or a VACUUM refused leaves that for the next time).
 */
export async function eraseFreedSpace(db: DB, tables: readonly (keyof Database)[]): Promise<boolean> {
	if (engineOf(db) === 'sqlite') {
		const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(db);
		return rows[0]?.busy === 0;
	}
	try {
		await sql`vacuum ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
		return true;
	} catch {
		return false;
	}
}

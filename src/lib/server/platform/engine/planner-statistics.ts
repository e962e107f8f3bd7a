import { sql } from 'kysely';
import type { DB } from '../db';
import { engineOf } from './engine-of';

// A bulk load fills tables from empty inside one transaction. PostgreSQL plans with the
// statistics of the last ANALYZE, and a table never analysed gives `loop_id in (…200 ids…)`
// a default selectivity of 200 × 0.5%, all of it: each batch's update then read the whole
// scorecard table, and a million-scorecard import slowed down with every batch. ANALYZE
// runs inside the transaction and counts the rows it has written. SQLite picks the index
// for such a list without statistics, so there it does nothing.

/** Has PostgreSQL sample `tables` for its planner (within the caller's transaction). */
export async function refreshPlannerStatistics(db: DB, tables: readonly string[]): Promise<void> {
	if (engineOf(db) !== 'postgres' || !tables.length) return;
	await sql`analyze ${sql.join(tables.map((t) => sql.id(t)))}`.execute(db);
}

import { sql, type RawBuilder } from 'kysely';
import type { Engine } from './engine-of';

/**
 * Begins a transaction that reads one consistent snapshot and writes nothing, without holding
 * what writers need: SQLite's deferred transaction reads the WAL as of its first read;
 * PostgreSQL's repeatable read sees the database as of its first statement.
 */
export function beginReadSnapshot(engine: Engine): RawBuilder<unknown> {
	return engine === 'postgres'
		? sql`begin transaction isolation level repeatable read read only`
		: sql`begin deferred`;
}

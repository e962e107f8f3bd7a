import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Engine } from './engine-of';

// SQLite's `collate nocase` and `like` fold ASCII letters; PostgreSQL has neither (its `like`
// minds case). Its unique indexes on names are on lower(column) (migrations/support/engine.ts),
// so its comparisons are written alike.

/** column equals value whatever the letter case. */
export function sameTextIgnoringCase(engine: Engine, column: string, value: string): RawBuilder<SqlBool> {
	return engine === 'postgres'
		? sql<SqlBool>`lower(${sql.ref(column)}) = lower(${value})`
		: sql<SqlBool>`${sql.ref(column)} = ${value} collate nocase`;
}

/** column matches a like pattern (escaped with a backslash) whatever the letter case. */
export function likeIgnoringCase(engine: Engine, column: string, pattern: string): RawBuilder<SqlBool> {
	const operator = sql.raw(engine === 'postgres' ? 'ilike' : 'like');
	return sql<SqlBool>`${sql.ref(column)} ${operator} ${pattern} escape '\\'`;
}

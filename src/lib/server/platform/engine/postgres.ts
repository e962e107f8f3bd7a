import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, type LogEvent } from 'kysely';
import type { Database } from '../schema';

export interface PostgresSettings {
	url: string;
	poolMax: number;
	statementTimeoutMs: number;
}

const defaultPoolMax = 10;
// A statement running longer than this is a bug or a lock held too long: cancel it rather
// than let the pool run dry behind it.
const statementTimeoutMs = 30_000;

export function isPostgresUrl(location: string): boolean {
	return /^postgres(ql)?:\/\//i.test(location);
}

/** The pool settings for url; DATABASE_POOL_MAX (default 10) sizes the pool. */
export function readPostgresSettings(
	url: string,
	env: Record<string, string | undefined> = process.env
): PostgresSettings {
	const raw = env.DATABASE_POOL_MAX ?? String(defaultPoolMax);
	const poolMax = Number(raw);
	if (!/^\d+$/.test(raw) || poolMax < 1 || poolMax > 1000) {
		throw new Error(`DATABASE_POOL_MAX must be a whole number of connections from 1 to 1000, not "${raw}"`);
	}
	return { url, poolMax, statementTimeoutMs };
}

const int8 = 20;
const numeric = 1700;
const toNumber = (value: string) => Number(value);

// Rows must look the same from both engines. SQLite answers integers (epoch-ms times, ids,
// counts) and decimals as numbers; pg answers bigint and numeric as strings unless told.
// Set per pool, not on pg's global registry, so nothing else in the process is changed.
const types: pg.CustomTypesConfig = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === int8 || oid === numeric
			? toNumber
			: pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser']
};

export function createPostgresPool(settings: PostgresSettings): pg.Pool {
	const pool = new pg.Pool({
		connectionString: settings.url,
		max: settings.poolMax,
		statement_timeout: settings.statementTimeoutMs,
		types
	});
	// An idle connection the server closed (restart, failover) must not crash the process:
	// the pool drops it and opens another on the next query.
	pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
	return pool;
}

/** Kysely over a pg pool, given or made on first use, with the app's camelCase mapping. */
export function createPostgresDb(
	pool: pg.Pool | (() => Promise<pg.Pool>),
	log?: (event: LogEvent) => void
): Kysely<Database> {
	return new Kysely<Database>({
		dialect: new PostgresDialect({ pool }),
		plugins: [new CamelCasePlugin()],
		log
	});
}

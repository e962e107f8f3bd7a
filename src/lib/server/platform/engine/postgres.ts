import pg from 'pg';
import {
	CamelCasePlugin,
	Kysely,
	PostgresDialect,
	type LogEvent,
	type Transaction,
	type TransactionBuilder
} from 'kysely';
import type { Database } from '../schema';
import { statementName } from './named-statements';
import { numberPlaceholders } from './numbered-placeholders';

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
	// A connection lent out (a transaction between two statements) has no listener of the pool's:
	// without one of its own, the server ending it would crash the process. The statement in
	// flight, or the next one, fails with the error instead, and the pool drops the connection.
	pool.on('connect', (client) => {
		client.on('error', () => {});
		nameRegisteredStatements(client);
	});
	return pool;
}

/**
 * Sends the statements named-statements.ts registered under their name, as Kysely runs them
 * (text and values, no callback), so PostgreSQL parses each once on this connection.
 */
function nameRegisteredStatements(client: pg.PoolClient): void {
	const query = client.query.bind(client) as (...args: unknown[]) => unknown;
	client.query = ((...args: unknown[]) => {
		const [text, values, callback] = args;
		const name =
			typeof text === 'string' && Array.isArray(values) && !callback ? statementName(text) : undefined;
		return name ? query({ name, text, values }) : query(...args);
	}) as typeof client.query;
}

/** SQLSTATEs after which running the whole transaction again may succeed. */
const retryableCodes = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const maxAttempts = 8;

export function isRetryableConflict(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		retryableCodes.has(String((error as { code?: unknown }).code))
	);
}

/**
 * Runs run() again after a serialization failure or a deadlock, waiting a little longer (with
 * jitter, so the two sides do not collide again) each time; the last failure is thrown.
 */
export async function retryConflicts<T>(run: () => Promise<T>, attempts = maxAttempts): Promise<T> {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await run();
		} catch (error) {
			if (attempt >= attempts || !isRetryableConflict(error)) throw error;
			await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
		}
	}
}

/**
 * Every multi-row change runs in db.transaction(). With several instances on one database,
 * PostgreSQL's default (read committed) would let two of them act on the same stale read (two
 * decisions on one loop, a panel change crossing a submit); serializable makes PostgreSQL
 * refuse one of them instead, and the refused one is run again here, once, for every feature.
 */
class SerializableRetryingKysely<DB> extends Kysely<DB> {
	override transaction(): TransactionBuilder<DB> {
		const builder = super.transaction().setIsolationLevel('serializable');
		const execute = builder.execute.bind(builder);
		builder.execute = <T>(callback: (trx: Transaction<DB>) => Promise<T>) =>
			retryConflicts(() => execute(callback));
		return builder;
	}
}

/** Kysely over a pg pool, given or made on first use, with the app's camelCase mapping. */
export function createPostgresDb(
	pool: pg.Pool | (() => Promise<pg.Pool>),
	log?: (event: LogEvent) => void
): Kysely<Database> {
	// Made once, whoever asks first: Kysely's driver or runPrepared.
	let made: Promise<pg.Pool> | undefined;
	const poolOnce = typeof pool === 'function' ? () => (made ??= pool()) : () => Promise.resolve(pool);
	const db = new SerializableRetryingKysely<Database>({
		dialect: new PostgresDialect({ pool: poolOnce }),
		plugins: [new CamelCasePlugin()],
		log
	});
	// Only without a log: a test counting queries must see the hot statements too.
	if (!log) pools.set(db, poolOnce);
	return db;
}

const pools = new WeakMap<object, () => Promise<pg.Pool>>();
const prepared = new Map<string, { name: string; text: string }>();

/**
 * Runs one of the statements every request runs (runNow's) straight on the pool, as a named
 * prepared statement: PostgreSQL parses and plans it once per connection instead of on every
 * autosave, and Kysely's plugins are skipped (the statement already names its columns as the
 * rows should be). Undefined when db is not a pool's own Kysely (a transaction, a logging
 * test database): the caller then goes through Kysely.
 */
export async function runPrepared<Row>(
	db: object,
	query: string,
	parameters: readonly unknown[]
): Promise<Row[] | undefined> {
	const pool = await pools.get(db)?.();
	if (!pool) return undefined;
	let statement = prepared.get(query);
	if (!statement) {
		statement = { name: `panelist_hot_${prepared.size + 1}`, text: numberPlaceholders(query) };
		prepared.set(query, statement);
	}
	const { rows } = await pool.query<Row & pg.QueryResultRow>({ ...statement, values: [...parameters] });
	return rows;
}

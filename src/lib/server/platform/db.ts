import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CamelCasePlugin,
	CompiledQuery,
	Kysely,
	SqliteAdapter,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type DialectAdapter,
	type Driver,
	type LogEvent,
	type SqliteDatabase
} from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations } from '../../../../migrations/index';
import { PostgresSchemaPlugin, isPostgres } from '../../../../migrations/support/engine';
import { numberPlaceholders } from './engine/numbered-placeholders';
import {
	createPostgresDb,
	createPostgresPool,
	isPostgresUrl,
	readPostgresSettings,
	runPrepared
} from './engine/postgres';
import { tableExists } from './engine/table-exists';
import type { Database } from './schema';

export type DB = Kysely<Database>;

export const defaultDatabasePath = './data/panelist.db';

// SQLite runs DDL inside transactions, but Kysely's adapter says it cannot, so the
// Migrator would apply a batch statement by statement. Saying so lets a failing
// migration roll back the whole batch and leave the database as it was.
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
	override get supportsTransactionalDdl(): boolean {
		return true;
	}
}

// Transactions take the write lock when they begin. A deferred transaction that reads and
// then writes fails at once with SQLITE_BUSY when another process (the CLI, a test seeding
// data) wrote in between; an immediate one waits its turn under the busy timeout.
class ImmediateTransactionSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

/**
 * Kysely's SQLite driver prepares every query anew, and preparing costs more than running
 * a small query. Statements are kept by their SQL (least recently used dropped past
 * `size`); one still busy (being iterated) is never handed out twice.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 1000): SqliteDatabase {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(query: string) {
			const cached = cache.get(query);
			if (cached && !cached.busy) {
				cache.delete(query);
				cache.set(query, cached);
				return cached;
			}
			const statement = sqlite.prepare(query);
			if (!cached) {
				cache.set(query, statement);
				if (cache.size > size) cache.delete(cache.keys().next().value!);
			}
			return statement;
		}
	};
}

class PanelistSqliteDialect extends SqliteDialect {
	readonly #database: SqliteDatabase;

	constructor(sqlite: SQLite.Database) {
		const database = withStatementCache(sqlite);
		super({ database });
		this.#database = database;
	}

	get statements(): SqliteDatabase {
		return this.#database;
	}

	override createAdapter(): DialectAdapter {
		return new TransactionalDdlSqliteAdapter();
	}

	override createDriver(): Driver {
		return new ImmediateTransactionSqliteDriver({ database: this.#database });
	}
}

/** Opens (and creates, with its folder) the SQLite file with the pragmas every connection needs. */
export function openSqlite(file: string): SQLite.Database {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// A save is answered only once it is on disk: NORMAL would let a power cut take back
	// commits the browser was told were saved and has since forgotten (decision 002).
	sqlite.pragma('synchronous = FULL');
	// Deleted and overwritten content is zeroed, not left in free space: erasing a candidate
	// (decision 024) must also erase what was freed long before, like a replaced résumé.
	sqlite.pragma('secure_delete = ON');
	return sqlite;
}

export function createDb(sqlite: SQLite.Database, log?: (event: LogEvent) => void): DB {
	const dialect = new PanelistSqliteDialect(sqlite);
	const db = new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()], log });
	// Only without a log: a test counting queries must see these too.
	if (!log) connections.set(db, { sqlite, statements: dialect.statements });
	return db;
}

const connections = new WeakMap<DB, { sqlite: SQLite.Database; statements: SqliteDatabase }>();

/**
 * Runs one statement (positional `?` parameters, columns named as the rows should be)
 * at once on the connection, for the few statements every request runs: the session and
 * the autosave. Kysely's promise chain costs more than such a statement (decision 014).
 * Inside a transaction (a Transaction object, or one in progress on the connection) it
 * goes through Kysely's queue instead, so it never slips into another request's work.
 * On PostgreSQL nothing is synchronous: it goes through the pool, placeholders numbered.
 */
export async function runNow<Row>(db: DB, query: string, parameters: readonly unknown[]): Promise<Row[]> {
	const connection = connections.get(db);
	if (connection && !connection.sqlite.inTransaction) {
		const statement = connection.statements.prepare(query);
		if (!statement.reader) {
			statement.run(parameters);
			return [];
		}
		return statement.all(parameters) as Row[];
	}
	if (!connection) {
		const rows = await runPrepared<Row>(db, query, parameters);
		if (rows) return rows;
	}
	const text = !connection && isPostgres(db) ? numberPlaceholders(query) : query;
	const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(text, [...parameters]));
	return rows;
}

/**
 * Opens the database at `location`: a postgres:// URL (pool sized by DATABASE_POOL_MAX) or
 * else a SQLite file; `log` sees every query (tests count them).
 */
export function openDatabase(location: string, log?: (event: LogEvent) => void): DB {
	if (isPostgresUrl(location))
		return createPostgresDb(createPostgresPool(readPostgresSettings(location)), log);
	return createDb(openSqlite(location), log);
}

export class MigrationError extends Error {
	constructor(
		readonly migrationName: string | undefined,
		readonly reason: string
	) {
		super(
			migrationName
				? `migration "${migrationName}" failed: ${reason}. The database was left unchanged.`
				: `migrations could not run: ${reason}. The database was left unchanged.`
		);
		this.name = 'MigrationError';
	}
}

const staticProvider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies every pending migration in one transaction. On failure nothing is applied, the
 * bookkeeping tables this run created are removed again, and a MigrationError explains why.
 * Returns the names of the migrations applied.
 */
export async function migrateToLatest(
	db: DB,
	provider: MigrationProvider = staticProvider
): Promise<string[]> {
	const hadBookkeeping = await tableExists(db, 'kysely_migration');
	// Migrations see the database as it is, snake_case, without the app's camelCase mapping;
	// on PostgreSQL their SQLite types are read as PostgreSQL's (migrations/support/engine.ts).
	// Several instances starting at once migrate one at a time: Kysely's PostgreSQL adapter
	// takes an advisory lock around the run (decision 018).
	const plain = db.withoutPlugins();
	const migrator = new Migrator({
		db: isPostgres(plain) ? plain.withPlugin(new PostgresSchemaPlugin()) : plain,
		provider
	});
	const { error, results } = await migrator.migrateToLatest();
	if (error === undefined) {
		return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
	}
	if (!hadBookkeeping) {
		await db.schema.dropTable('kysely_migration_lock').ifExists().execute();
		await db.schema.dropTable('kysely_migration').ifExists().execute();
	}
	const failed = results?.find((r) => r.status === 'Error')?.migrationName;
	throw new MigrationError(failed, error instanceof Error ? error.message : String(error));
}

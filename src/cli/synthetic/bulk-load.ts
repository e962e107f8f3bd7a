import type SQLite from 'better-sqlite3';

/** INSERT … VALUES (…), (…), … with one prepared statement per row count, reused. */
export function multiRowInserter(sqlite: SQLite.Database, head: string, columns: number) {
	const cache = new Map<number, SQLite.Statement>();
	const row = `(${new Array(columns).fill('?').join(', ')})`;
	/** Inserts the rows; returns the id of the first (ids of one statement are consecutive). */
	return (rows: unknown[][]): number => {
		if (!rows.length) return 0;
		let statement = cache.get(rows.length);
		if (!statement) {
			statement = sqlite.prepare(`${head} values ${new Array(rows.length).fill(row).join(', ')}`);
			cache.set(rows.length, statement);
		}
		// A plain loop: Array.prototype.flat and argument spreading cost more than the insert.
		const values = new Array(rows.length * columns);
		let i = 0;
		for (const row of rows) for (const value of row) values[i++] = value;
		return Number(statement.run(values).lastInsertRowid) - rows.length + 1;
	};
}

const bulkTables = [
	'scorecard',
	'scorecard_rating',
	'rating_unit',
	'loop',
	'loop_round',
	'loop_round_competency',
	'loop_round_question',
	'candidate',
	'candidate_opening',
	'loop_decision'
];

/**
 * Bulk load into the new database: secondary indexes are dropped and rebuilt once at the
 * end (a sorted build is far cheaper than millions of scattered index updates), and there
 * is no journal and no fsync (a crash here leaves nothing worth keeping anyway). Foreign
 * keys are off while loading: every reference is to a row written just before (the unit
 * test runs foreign_key_check on the result). The answer ends the bulk load.
 */
export function startBulkLoad(sqlite: SQLite.Database): () => void {
	const indexes = sqlite
		.prepare(
			`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${bulkTables.map(() => '?').join(', ')})`
		)
		.all(...bulkTables) as { name: string; sql: string }[];
	for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
	sqlite.pragma('journal_mode = OFF');
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('foreign_keys = OFF');
	sqlite.pragma('cache_size = -262144');
	return () => {
		for (const index of indexes) sqlite.exec(index.sql);
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('synchronous = FULL');
		sqlite.pragma('journal_mode = WAL');
	};
}

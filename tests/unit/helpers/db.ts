import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LogEvent } from 'kysely';
import { afterAll, inject } from 'vitest';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import {
	createPostgresDb,
	createPostgresPool,
	isPostgresUrl,
	readPostgresSettings
} from '../../../src/lib/server/platform/engine/postgres';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './postgres';

const opened: { db: DB | undefined; remove: () => Promise<void> }[] = [];

// A file that made dozens of PostgreSQL databases drops them all here, which on a busy
// machine takes longer than the default 10 s for a hook.
afterAll(async () => {
	const all = opened.splice(0);
	await Promise.all(all.map(({ db }) => db?.destroy()));
	for (const { remove } of all) await remove();
}, 120_000);

/**
 * A migrated database of its own, on the run's engine: a copy of the template on a real
 * SQLite file, or a PostgreSQL database made from the template when first queried (so this
 * stays synchronous).
 */
function openCopy(log?: (event: LogEvent) => void): DB {
	if (inject('testEngine') === 'postgres') {
		const server = inject('postgresServer');
		const name = uniqueDatabaseName(inject('postgresPrefix'));
		const db = createPostgresDb(async () => {
			await createDatabase(server, name, inject('templateDatabase'));
			return createPostgresPool(readPostgresSettings(databaseUrl(server, name), { DATABASE_POOL_MAX: '4' }));
		}, log);
		opened.push({ db, remove: () => dropDatabase(server, name) });
		return db;
	}
	const file = freshDbPath();
	const db = openDatabase(file, log);
	opened.push({ db, remove: async () => fs.rmSync(path.dirname(file), { recursive: true, force: true }) });
	return db;
}

/** A migrated database of its own. */
export function freshDb(): DB {
	return openCopy();
}

/** A migrated database of its own that counts the queries run on it. */
export function countingDb(): { db: DB; queries: () => number; reset: () => void } {
	let count = 0;
	const db = openCopy((event) => {
		if (event.level === 'query') count += 1;
	});
	return { db, queries: () => count, reset: () => (count = 0) };
}

/**
 * A migrated SQLite file of its own, not yet opened, on either project's run (for tests of
 * what only SQLite has, like `backup`, and processes given DATABASE_PATH).
 */
export function freshDbPath(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-test-'));
	const file = path.join(dir, 'test.db');
	fs.copyFileSync(inject('sqliteTemplate'), file);
	return file;
}

/**
 * Where a migrated database of its own is, on the run's engine, for tests that spawn
 * processes: a SQLite file path, or a PostgreSQL URL. Give it to them with databaseEnv.
 */
export async function freshDatabaseLocation(): Promise<string> {
	if (inject('testEngine') !== 'postgres') return freshDbPath();
	const server = inject('postgresServer');
	const name = uniqueDatabaseName(inject('postgresPrefix'));
	await createDatabase(server, name, inject('templateDatabase'));
	opened.push({ db: undefined, remove: () => dropDatabase(server, name) });
	return databaseUrl(server, name);
}

/** The environment naming location for a child process: DATABASE_URL or DATABASE_PATH. */
export function databaseEnv(location: string): Record<string, string> {
	return isPostgresUrl(location) ? { DATABASE_URL: location } : { DATABASE_PATH: location };
}

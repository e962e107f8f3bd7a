import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';

const opened: { db: DB; dir: string }[] = [];

afterAll(async () => {
	for (const { db, dir } of opened.splice(0)) {
		await db.destroy();
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

/** A migrated database of its own: a copy of the run's template on a real SQLite file. */
export function freshDb(): DB {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-test-'));
	const file = path.join(dir, 'test.db');
	fs.copyFileSync(inject('templateDatabase'), file);
	const db = openDatabase(file);
	opened.push({ db, dir });
	return db;
}

/** A migrated database of its own that counts the queries run on it. */
export function countingDb(): { db: DB; queries: () => number; reset: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-test-'));
	const file = path.join(dir, 'test.db');
	fs.copyFileSync(inject('templateDatabase'), file);
	let count = 0;
	const db = openDatabase(file, (event) => {
		if (event.level === 'query') count += 1;
	});
	opened.push({ db, dir });
	return { db, queries: () => count, reset: () => (count = 0) };
}

/** A database file path of its own, not yet opened (for tests that spawn processes). */
export function freshDbPath(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-test-'));
	const file = path.join(dir, 'test.db');
	fs.copyFileSync(inject('templateDatabase'), file);
	return file;
}

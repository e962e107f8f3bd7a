import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { MigrationError, migrateToLatest, openDatabase, openSqlite } from '../../src/lib/server/db';

function tempFile(name = 'db.sqlite') {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-db-'));
	return path.join(dir, 'nested', 'folder', name);
}

async function tableNames(db: ReturnType<typeof openDatabase>): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name
	`.execute(db);
	return rows.map((r) => r.name);
}

describe('database', () => {
	it('creates the file and its folder, with WAL, foreign keys and a busy timeout', () => {
		const file = tempFile();
		const sqlite = openSqlite(file);
		expect(fs.existsSync(file)).toBe(true);
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
		sqlite.close();
	});

	it('migrates an empty database to the latest schema, and a second run applies nothing', async () => {
		const db = openDatabase(tempFile());
		expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
		expect(await tableNames(db)).toEqual(
			expect.arrayContaining(['user', 'session', 'api_token', 'invite', 'audit_event'])
		);
		expect(await migrateToLatest(db)).toEqual([]);
		await db.destroy();
	});

	it('rolls back a failing batch completely and says which migration failed', async () => {
		const db = openDatabase(tempFile());
		const good: Migration = {
			up: async (d) => {
				await d.schema.createTable('first').addColumn('id', 'integer').execute();
			}
		};
		const bad: Migration = {
			up: async (d) => {
				await d.schema.createTable('second').addColumn('id', 'integer').execute();
				await sql`insert into no_such_table values (1)`.execute(d);
			}
		};
		const provider = { getMigrations: async () => ({ '001-good': good, '002-bad': bad }) };
		const failure = await migrateToLatest(db, provider).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(MigrationError);
		expect((failure as MigrationError).message).toMatch(/migration "002-bad" failed: .*no such table/);
		expect((failure as MigrationError).message).toMatch(/left unchanged/);
		// Nothing of the batch remains, not even Kysely's bookkeeping tables.
		expect(await tableNames(db)).toEqual([]);
		await db.destroy();
	});

	it('keeps earlier migrations when a later batch fails', async () => {
		const db = openDatabase(tempFile());
		await migrateToLatest(db);
		const before = await tableNames(db);
		const broken: Migration = {
			up: async (d) => {
				await d.schema.createTable('extra').addColumn('id', 'integer').execute();
				await d.schema.createTable('user').addColumn('id', 'integer').execute();
			}
		};
		const provider = { getMigrations: async () => ({ ...migrations, '999-broken': broken }) };
		await expect(migrateToLatest(db, provider)).rejects.toThrow(/999-broken.*already exists/);
		expect(await tableNames(db)).toEqual(before);
		await db.destroy();
	});

	it('registers every migration file in migrations/index.ts', () => {
		const files = fs
			.readdirSync(path.resolve('migrations'))
			.filter((f) => f.endsWith('.ts') && f !== 'index.ts')
			.map((f) => f.replace(/\.ts$/, ''));
		expect(Object.keys(migrations).sort()).toEqual(files.sort());
	});
});

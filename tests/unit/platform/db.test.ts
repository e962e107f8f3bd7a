import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import {
	MigrationError,
	migrateToLatest,
	openDatabase,
	openSqlite,
	runNow
} from '../../../src/lib/server/platform/db';

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

	it('acknowledges a commit only once it is on disk (synchronous = FULL, also under WAL)', async () => {
		// The app's connection, as getDb() opens it: a save answered 200 must survive a power cut.
		const db = openDatabase(tempFile());
		const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
		expect(rows).toEqual([{ synchronous: 2 }]);
		await db.destroy();
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

describe('runNow: the per-request statements, run at once on the connection', () => {
	async function withTable() {
		const db = openDatabase(tempFile());
		await sql`create table note (id integer primary key, text_value text not null)`.execute(db);
		return db;
	}

	it('answers rows under the names the statement gives them', async () => {
		const db = await withTable();
		await runNow(db, 'insert into note (text_value) values (?)', ['first']);
		expect(await runNow(db, 'select id, text_value as textValue from note where id = ?', [1])).toEqual([
			{ id: 1, textValue: 'first' }
		]);
		await db.destroy();
	});

	it('never slips into another request’s open transaction: it waits and survives its rollback', async () => {
		const db = await withTable();
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let entered!: () => void;
		const inside = new Promise<void>((resolve) => (entered = resolve));
		const rolledBack = db
			.transaction()
			.execute(async (trx) => {
				await sql`insert into note (text_value) values ('in the transaction')`.execute(trx);
				entered();
				await released;
				throw new Error('rolled back');
			})
			.catch((error: Error) => error.message);
		await inside;
		const meanwhile = runNow(db, 'insert into note (text_value) values (?)', ['another request']);
		release();
		expect(await rolledBack).toBe('rolled back');
		await meanwhile;
		const { rows } = await sql<{ textValue: string }>`select text_value from note`.execute(db);
		expect(rows.map((r) => r.textValue)).toEqual(['another request']);
		await db.destroy();
	});
});

describe('migration 006: question revisions', () => {
	it('keeps what loops copied: current text becomes revision 1, older copied text a revision of its own', async () => {
		const file = tempFile();
		const db = openDatabase(file);
		const upTo5 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '006'));
		await migrateToLatest(db, { getMigrations: async () => upTo5 });
		const raw = db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
		await sql`insert into "user" (email, name, role, password_hash, created_at, updated_at) values ('a@b.co', 'A', 'admin', 'x', 1, 1)`.execute(
			db
		);
		await sql`insert into question (prompt, probes, good_looks_like, red_flags, created_at, updated_at) values ('Now', '', 'g', '', 1, 2)`.execute(
			db
		);
		await sql`insert into loop_template (name, visibility_mode, created_at, updated_at) values ('T', 'after_own', 1, 1)`.execute(
			db
		);
		await sql`insert into opening (title, team, level, template_id, status, created_at, updated_at) values ('O', 't', 'l', 1, 'open', 1, 1)`.execute(
			db
		);
		await sql`insert into candidate (name, email, created_at, updated_at) values ('C', 'c@d.co', 1, 1)`.execute(
			db
		);
		await sql`insert into loop (candidate_id, opening_id, template_name, visibility_mode, evidence_rule, created_at, updated_at) values (1, 1, 'T', 'after_own', 'required', 1, 1)`.execute(
			db
		);
		await sql`insert into loop_round (loop_id, position, title, kind, format, duration_minutes) values (1, 0, 'R', 'technical', 'coding', 60)`.execute(
			db
		);
		await sql`insert into loop_round_question (round_id, question_id, position, prompt, probes, good_looks_like, red_flags) values (1, 1, 0, 'Now', '', 'g', ''), (1, 1, 1, 'Before the edit', 'p', 'g', 'r')`.execute(
			db
		);

		await migrateToLatest(db);
		const revisions = await raw
			.selectFrom('question_revision')
			.select(['id', 'revision', 'prompt'])
			.orderBy('id')
			.execute();
		expect(revisions.map((r) => [r.revision, r.prompt])).toEqual([
			[1, 'Now'],
			[2, 'Before the edit']
		]);
		const copies = await sql<{ prompt: string }>`
			select r.prompt from loop_round_question q join question_revision r on r.id = q.revision_id order by q.position
		`.execute(db);
		expect(copies.rows.map((r) => r.prompt)).toEqual(['Now', 'Before the edit']);
		const question = await sql<{
			current: number;
		}>`select current_revision_id as current from question`.execute(db);
		expect(question.rows[0]!.current).toBe(revisions[0]!.id);
		await db.destroy();
	});
});

describe('migration 008: tokens of deactivated users', () => {
	it('revokes them as of the deactivation, so a reactivation does not bring them back', async () => {
		const file = tempFile();
		const db = openDatabase(file);
		const upTo7 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '008'));
		await migrateToLatest(db, { getMigrations: async () => upTo7 });
		await sql`insert into "user" (email, name, role, password_hash, deactivated_at, created_at, updated_at) values
			('gone@b.co', 'Gone', 'interviewer', 'x', 500, 1, 1), ('here@b.co', 'Here', 'interviewer', 'x', null, 1, 1)`.execute(
			db
		);
		await sql`insert into api_token (id, secret_hash, user_id, name, created_at, revoked_at) values
			('gone1', x'00', 1, 'old script', 100, null), ('gone2', x'00', 1, 'revoked', 100, 200),
			('here1', x'00', 2, 'live script', 100, null)`.execute(db);

		await migrateToLatest(db);
		const tokens = await sql<{ id: string; revokedAt: number | null }>`
			select id, revoked_at as revokedAt from api_token order by id
		`.execute(db);
		expect(tokens.rows).toEqual([
			{ id: 'gone1', revokedAt: 500 },
			{ id: 'gone2', revokedAt: 200 },
			{ id: 'here1', revokedAt: null }
		]);
		await db.destroy();
	});
});

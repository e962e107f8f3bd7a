import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/cli/demo';
import { generateOrganisation } from '../../../src/cli/synthetic/generate';
import { databaseResumeStore, folderResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { uploadResume } from '../../../src/lib/server/hiring/resumes';
import { createDb, openDatabase, openSqlite, type DB } from '../../../src/lib/server/platform/db';
import { engineOf } from '../../../src/lib/server/platform/engine/engine-of';
import { prepareDatabase } from '../../../src/lib/server/platform/prepare-database';
import { exportOrganisation, exportToFile } from '../../../src/lib/server/transfer/export';
import {
	ImportRefusedError,
	importFromFile,
	importOrganisation
} from '../../../src/lib/server/transfer/import';
import { databaseEnv, freshDatabaseLocation, freshDb, freshDbPath } from '../helpers/db';

// Export and import at any size (issue 20): files written and read record by record, gzip by
// name, and an import that leaves the target exactly as it was whenever it does not finish.

const now = Date.UTC(2026, 10, 30, 12);

async function generated(scorecards: number): Promise<{ db: DB; dir: string }> {
	const file = freshDbPath();
	const sqlite = openSqlite(file);
	const db = createDb(sqlite);
	await generateOrganisation(db, sqlite, { scorecards, seed: 3, until: now });
	return { db, dir: path.dirname(file) };
}

/**
 * Every index's and foreign key's definition: an import drops some indexes (and, on
 * PostgreSQL, the foreign keys) for its load and builds them again at the end.
 */
async function schemaOf(db: DB): Promise<string[]> {
	const { rows } =
		engineOf(db) === 'postgres'
			? await sql<{ definition: string }>`
				select indexdef as definition from pg_indexes where schemaname = current_schema()
				union all
				select c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
				from pg_constraint k join pg_class c on c.oid = k.conrelid
				where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db)
			: await sql<{ definition: string | null }>`
				select coalesce(sql, name) as definition from sqlite_master where type in ('index', 'table')`.execute(db);
	return rows.map((r) => r.definition!).sort();
}

/** Every row of every table, and every index, in one comparable form: what "exactly as it was" means. */
async function contentsOf(db: DB): Promise<Record<string, string[]>> {
	const { rows: tables } =
		engineOf(db) === 'postgres'
			? await sql<{ name: string }>`
				select table_name as name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db)
			: await sql<{ name: string }>`
				select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1`.execute(db);
	const contents: Record<string, string[]> = { '(indexes)': await schemaOf(db) };
	for (const { name } of tables) {
		const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
		contents[name] = rows.map((row) => JSON.stringify(row)).sort();
	}
	return contents;
}

/** A target prepared as `import` finds a new database, and what it holds before the import. */
async function preparedTarget(): Promise<{ db: DB; before: Record<string, string[]> }> {
	const db = freshDb();
	await prepareDatabase(db);
	return { db, before: await contentsOf(db) };
}

describe('streaming export and import', () => {
	it('round-trips a generated organisation through files to identical bytes, plain and gzipped', async () => {
		const { db: source, dir } = await generated(800);
		for (const name of ['first.json', 'first.json.gz']) {
			const first = path.join(dir, name);
			const second = path.join(dir, `second-${name}`);
			const summary = await exportToFile(source, first, now);
			expect(summary.scorecards).toBeGreaterThanOrEqual(800);

			const target = freshDb();
			expect(await importFromFile(target, first)).toMatchObject({ scorecards: summary.scorecards });
			// The indexes (and foreign keys) dropped for the load are all there again.
			const schema = await schemaOf(target);
			expect(schema.some((d) => /FOREIGN KEY|REFERENCES/i.test(d))).toBe(true);
			expect(schema).toEqual(await schemaOf((await preparedTarget()).db));
			await exportToFile(target, second, now);
			expect(fs.readFileSync(second).equals(fs.readFileSync(first))).toBe(true);
		}
		const gz = fs.readFileSync(path.join(dir, 'first.json.gz'));
		expect(zlib.gunzipSync(gz).equals(fs.readFileSync(path.join(dir, 'first.json')))).toBe(true);
		await source.destroy();
	}, 120_000);

	it('leaves the target exactly as it was when the file is cut short', async () => {
		const { db: source } = await generated(300);
		const text = await exportOrganisation(source, now);
		await source.destroy();
		const { db, before } = await preparedTarget();

		const refusal = await importOrganisation(db, text.slice(0, Math.floor(text.length * 0.8))).catch(
			(e: unknown) => e
		);

		expect(refusal).toBeInstanceOf(ImportRefusedError);
		expect((refusal as ImportRefusedError).problems).toEqual([
			{ path: '(file)', message: expect.stringMatching(/^not valid JSON: the file ends early/) }
		]);
		expect(await contentsOf(db)).toEqual(before);
	}, 60_000);

	it('leaves the target exactly as it was when only the last record is bad', async () => {
		const { db: source } = await generated(300);
		const file = JSON.parse(await exportOrganisation(source, now));
		await source.destroy();
		const last = file.auditEvents.length - 1;
		file.auditEvents[last].at = 'yesterday';
		const { db, before } = await preparedTarget();

		const refusal = await importOrganisation(db, JSON.stringify(file, null, 2)).catch((e: unknown) => e);

		expect((refusal as ImportRefusedError).problems).toEqual([
			{ path: `auditEvents[${last}].at`, message: expect.stringMatching(/^a time is ISO-8601/) }
		]);
		expect(await contentsOf(db)).toEqual(before);
	}, 60_000);

	it('lists the first thousand problems in full and counts the rest by kind', async () => {
		const { db: source } = await generated(300);
		const file = JSON.parse(await exportOrganisation(source, now));
		await source.destroy();
		for (let i = 0; i < 1500; i++)
			file.auditEvents.push({ ...file.auditEvents[0], id: String(900_000 + i), actorUserId: '404' });

		const refusal = (await importOrganisation(freshDb(), JSON.stringify(file)).catch(
			(e: unknown) => e
		)) as ImportRefusedError;

		expect(refusal.message).toBe('1500 problems in the file; nothing was imported');
		expect(refusal.problems).toHaveLength(1000);
		expect(refusal.problems[0]!.message).toBe('no user with id "404" in this file');
		expect([...refusal.more]).toEqual([
			['auditEvents[*].actorUserId: no user with id "…" in this file', 500]
		]);
	}, 60_000);

	it('leaves the target exactly as it was when the import is killed midway', async () => {
		// Large enough to take seconds to import, so the kill lands while it writes.
		const { db: source, dir } = await generated(20_000);
		const file = path.join(dir, 'organisation.json.gz');
		await exportToFile(source, file, now);
		await source.destroy();
		const location = await freshDatabaseLocation();
		const target = openDatabase(location);
		await prepareDatabase(target);
		const before = await contentsOf(target);

		const child = spawn(process.execPath, ['scripts/panelist.js', 'import', file], {
			env: { ...process.env, ...databaseEnv(location) }
		});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		const exited = new Promise((resolve) => child.on('exit', resolve));
		// Midway: past the start of the writing, and still running when killed.
		await expect.poll(() => stderr, { timeout: 30_000 }).toMatch(/checking and writing/);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(child.exitCode).toBeNull();
		child.kill('SIGKILL');
		await exited;

		expect(await contentsOf(target)).toEqual(before);
		await target.destroy();
	}, 120_000);

	it('carries résumés into the store the target keeps them in, and back to the same file', async () => {
		const source = freshDb();
		await seedDemo(source, now);
		const admin = await source
			.selectFrom('user')
			.select(['id', 'email', 'name', 'role'])
			.where('role', '=', 'admin')
			.executeTakeFirstOrThrow();
		const pdf = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`));
		const settings = { store: databaseResumeStore, maxBytes: 1_000_000 };
		await uploadResume(source, admin, 1, { name: 'amara.pdf', bytes: pdf('Amara') }, settings, now);
		await uploadResume(source, admin, 2, { name: 'cv.pdf', bytes: pdf('Second') }, settings, now);
		const exported = await exportOrganisation(source, now);
		expect(JSON.parse(exported).resumes).toEqual([
			expect.objectContaining({
				candidateId: '1',
				fileName: 'amara.pdf',
				content: Buffer.from(pdf('Amara')).toString('base64')
			}),
			expect.objectContaining({ candidateId: '2', fileName: 'cv.pdf' })
		]);

		const inDatabase = freshDb();
		await importOrganisation(inDatabase, exported);
		expect(await exportOrganisation(inDatabase, now)).toBe(exported);

		const dir = path.join(path.dirname(freshDbPath()), 'resumes');
		const inFolder = freshDb();
		await importOrganisation(inFolder, exported, { resumeStore: folderResumeStore(dir) });
		const rows = await inFolder.selectFrom('candidateResume').selectAll().orderBy('candidateId').execute();
		expect(rows.map((r) => r.content)).toEqual([null, null]);
		expect(fs.readFileSync(path.join(dir, rows[0]!.storedName!))).toEqual(Buffer.from(pdf('Amara')));
		expect(await exportOrganisation(inFolder, now, { resumeStore: folderResumeStore(dir) })).toBe(exported);

		// A refused file leaves no file behind in the folder either.
		const bad = JSON.parse(exported);
		bad.resumes[1].sha256 = '0'.repeat(64);
		const empty = path.join(path.dirname(dir), 'empty');
		const refusal = await importOrganisation(freshDb(), JSON.stringify(bad), {
			resumeStore: folderResumeStore(empty)
		}).catch((e: unknown) => e);
		expect((refusal as ImportRefusedError).problems).toEqual([
			{ path: 'resumes[1].sha256', message: 'the content does not have this SHA-256' }
		]);
		expect(fs.existsSync(empty) ? fs.readdirSync(empty) : []).toEqual([]);
	}, 60_000);
});

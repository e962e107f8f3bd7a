import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { authenticateApiToken, createApiToken } from '../../../src/lib/server/auth/api-tokens';
import { authenticateScimToken } from '../../../src/lib/server/accounts/scim-tokens';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import {
	confirmEnrolment,
	createTwoFactorLimiter,
	hasTwoFactor,
	prepareEnrolment
} from '../../../src/lib/server/auth/two-factor';
import { timeStep, totpCodeAt } from '../../../src/lib/server/auth/totp';
import { parseToken, secretMatches } from '../../../src/lib/server/auth/secret-token';
import { enqueueJob } from '../../../src/lib/server/jobs/queue';
import { openDatabase, openSqlite } from '../../../src/lib/server/platform/db';
import { databaseEnv, freshDatabaseLocation, freshDbPath } from '../helpers/db';

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the CLI on the database at location (a SQLite file or a PostgreSQL URL). */
function cli(args: string[], location: string, stdin?: string): Promise<Run> {
	const { DATABASE_URL: _url, DATABASE_PATH: _path, ...env } = process.env;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/panelist.js', ...args], {
			env: { ...env, ...databaseEnv(location) },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(stdin ?? '');
	});
}

function tablesOf(sqlite: SQLite.Database): unknown[] {
	return sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all();
}

async function withDb<T>(file: string, run: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
	const db = openDatabase(file);
	try {
		return await run(db);
	} finally {
		await db.destroy();
	}
}

describe('panelist CLI', () => {
	it('prints usage and exits 2 on bad arguments', async () => {
		const file = freshDbPath();
		const none = await cli([], file);
		expect(none.code).toBe(2);
		expect(none.stdout).toMatch(/Usage: panelist <command>/);

		const unknown = await cli(['frobnicate'], file);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/unknown command "frobnicate"[\s\S]*Usage:/);

		const badRole = await cli(
			['create-user', '--email', 'a@b.co', '--name', 'A', '--role', 'boss', '--password', 'long-enough-pw'],
			file
		);
		expect(badRole.code).toBe(2);
		expect(badRole.stderr).toMatch(/--role: Choose a role/);

		const missing = await cli(['create-user', '--name', 'A', '--role', 'admin'], file);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/--email: This field is required/);

		const stray = await cli(['backup'], file);
		expect(stray.code).toBe(2);
	}, 30_000);

	it('migrates a new database at DATABASE_PATH', async () => {
		const file = path.join(path.dirname(freshDbPath()), 'new', 'panelist.db');
		const run = await cli(['migrate'], file);
		expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/Applied: 001-accounts/) });
		expect((await cli(['migrate'], file)).stdout).toMatch(/up to date/);
	});

	it('creates a user with the password from stdin, and refuses a duplicate with exit 1', async () => {
		const file = await freshDatabaseLocation();
		const created = await cli(
			['create-user', '--email', 'Ops@Example.com', '--name', 'Ops Person', '--role', 'admin'],
			file,
			'stdin-password-42\n'
		);
		expect(created.code).toBe(0);
		expect(created.stdout).toMatch(/Created admin Ops Person <ops@example.com>/);
		const hash = await withDb(file, (db) =>
			db
				.selectFrom('user')
				.select('passwordHash')
				.where('email', '=', 'ops@example.com')
				.executeTakeFirstOrThrow()
		);
		expect(await verifyPassword(hash.passwordHash, 'stdin-password-42')).toBe(true);

		const again = await cli(
			[
				'create-user',
				'--email',
				'ops@example.com',
				'--name',
				'Ops',
				'--role',
				'admin',
				'--password',
				'another-password'
			],
			file
		);
		expect(again.code).toBe(1);
		expect(again.stderr.trim()).toBe('panelist create-user: email: A user with this email already exists');
	});

	it('resets a password and ends the sessions and API tokens; an unknown email exits 1', async () => {
		const file = await freshDatabaseLocation();
		await cli(
			[
				'create-user',
				'--email',
				'sam@example.com',
				'--name',
				'Sam',
				'--role',
				'interviewer',
				'--password',
				'first-password-1'
			],
			file
		);
		const { token } = await withDb(file, async (db) =>
			createApiToken(db, (await db.selectFrom('user').select('id').executeTakeFirstOrThrow()).id, 'sync')
		);
		const reset = await cli(['reset-password', '--email', 'sam@example.com'], file, 'second-password-2');
		expect(reset.code).toBe(0);
		expect(reset.stdout).toMatch(/their sessions have ended and 1 API token is revoked/);
		const hash = await withDb(file, (db) =>
			db.selectFrom('user').select('passwordHash').executeTakeFirstOrThrow()
		);
		expect(await verifyPassword(hash.passwordHash, 'second-password-2')).toBe(true);
		expect(await withDb(file, (db) => authenticateApiToken(db, token))).toBeNull();
		const unknown = await cli(
			['reset-password', '--email', 'nobody@example.com', '--password', 'second-password-2'],
			file
		);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toMatch(/No user with email nobody@example.com/);
	});

	it('clears a user’s two-factor sign-in for the operator, audited', async () => {
		const file = await freshDatabaseLocation();
		await cli(
			[
				'create-user',
				'--email',
				'ada@example.com',
				'--name',
				'Ada',
				'--role',
				'admin',
				'--password',
				'ada-password-123'
			],
			file
		);
		await withDb(file, async (db) => {
			const user = await db
				.selectFrom('user')
				.select(['id', 'email', 'name', 'role'])
				.executeTakeFirstOrThrow();
			await prepareEnrolment(db, user);
			const { key } = await db.selectFrom('userTotp').select('key').executeTakeFirstOrThrow();
			await confirmEnrolment(db, createTwoFactorLimiter(), user, totpCodeAt(key, timeStep(Date.now())));
		});
		const reset = await cli(['reset-two-factor', '--email', 'ada@example.com'], file);
		expect(reset.stdout).toMatch(/Two-factor sign-in cleared for ada@example.com/);
		expect(reset.code).toBe(0);
		const audit = await withDb(file, async (db) => {
			expect(await hasTwoFactor(db, 1)).toBe(false);
			return db
				.selectFrom('auditEvent')
				.select(['action', 'actorUserId'])
				.where('action', '=', 'user.two_factor_reset')
				.execute();
		});
		expect(audit).toEqual([{ action: 'user.two_factor_reset', actorUserId: null }]);
		const again = await cli(['reset-two-factor', '--email', 'ada@example.com'], file);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/no two-factor sign-in to reset/);
	});

	it('prints an API token once and stores only its hash', async () => {
		const file = await freshDatabaseLocation();
		await cli(
			[
				'create-user',
				'--email',
				'bot@example.com',
				'--name',
				'Bot',
				'--role',
				'recruiter',
				'--password',
				'bot-password-123'
			],
			file
		);
		const run = await cli(['create-token', '--email', 'bot@example.com', '--name', 'ATS sync'], file);
		expect(run.code).toBe(0);
		const token = run.stdout.trim();
		const parsed = parseToken(token, 'pnl_');
		expect(parsed).not.toBeNull();
		const row = await withDb(file, (db) => db.selectFrom('apiToken').selectAll().executeTakeFirstOrThrow());
		expect(row).toMatchObject({ id: parsed!.id, name: 'ATS sync' });
		expect(secretMatches(parsed!.secret, row.secretHash)).toBe(true);
		expect(Buffer.from(row.secretHash).toString('latin1')).not.toContain(parsed!.secret);
	});

	it('prints a SCIM token once, stores only its hash, and the token opens /scim/v2', async () => {
		const file = await freshDatabaseLocation();
		const run = await cli(['create-scim-token', '--name', 'Okta'], file);
		expect(run.code).toBe(0);
		const token = run.stdout.trim();
		const parsed = parseToken(token, 'scim_');
		expect(parsed).not.toBeNull();
		await withDb(file, async (db) => {
			const row = await db.selectFrom('scimToken').selectAll().executeTakeFirstOrThrow();
			expect(row).toMatchObject({ id: parsed!.id, name: 'Okta', createdBy: null });
			expect(Buffer.from(row.secretHash).toString('latin1')).not.toContain(parsed!.secret);
			expect(await authenticateScimToken(db, token)).toEqual({ tokenId: parsed!.id, tokenName: 'Okta' });
		});
	});

	it('backs up the live database while another connection is writing to it', async () => {
		const file = freshDbPath();
		const target = path.join(path.dirname(file), 'backup.db');
		await withDb(file, async (db) => {
			// An open connection with a write in its WAL, as a running server would have.
			await db
				.insertInto('auditEvent')
				.values({
					actorUserId: null,
					action: 'test.marker',
					entityType: 'test',
					entityId: '1',
					before: null,
					after: null,
					at: 1
				})
				.execute();
			const run = await cli(['backup', target], file);
			expect(run).toMatchObject({ code: 0 });
		});
		const copied = await withDb(target, (db) =>
			db.selectFrom('auditEvent').select('action').where('action', '=', 'test.marker').execute()
		);
		expect(copied).toEqual([{ action: 'test.marker' }]);

		const again = await cli(['backup', target], file);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/already exists/);
		const missing = await cli(['backup', target + '2'], path.join(path.dirname(file), 'absent.db'));
		expect(missing.code).toBe(1);
		expect(fs.existsSync(path.join(path.dirname(file), 'absent.db'))).toBe(false);
		const nowhere = path.join(path.dirname(file), 'no-such-folder', 'backup.db');
		const failed = await cli(['backup', nowhere], file);
		expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/no folder .*no-such-folder/) });
		expect(fs.existsSync(path.dirname(nowhere))).toBe(false);
	});

	it('backs up a database of tens of MB in seconds while another connection commits every 10 ms', async () => {
		const file = freshDbPath();
		const folder = path.dirname(file);
		const target = path.join(folder, 'under-load.db');
		const writer = openSqlite(file);
		// About 40 MB of history, as a server that has run for a while has.
		writer.exec(`
			with recursive n(i) as (select 1 union all select i + 1 from n where i < 40000)
			insert into audit_event (actor_user_id, action, entity_type, entity_id, before, after, at)
			select null, 'test.bulk', 'test', i, null, hex(randomblob(500)), i from n
		`);
		const mark = writer.prepare(
			"insert into audit_event (actor_user_id, action, entity_type, entity_id, before, after, at) values (null, 'test.autosave', 'test', ?, null, null, ?)"
		);
		let commits = 0;
		// The interviewers' autosaves: a commit every 10 ms from another connection.
		const autosaves = setInterval(() => mark.run(String(++commits), Date.now()), 10);
		// The backup starts while the writer is busy, however fast this machine copies.
		while (commits < 3) await new Promise((resolve) => setTimeout(resolve, 5));
		const commitsBeforeBackup = commits;
		const started = Date.now();
		const child = spawn(process.execPath, ['scripts/panelist.js', 'backup', target], {
			env: { ...process.env, DATABASE_PATH: file },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		// The old page-by-page copy started again on every commit and never finished.
		const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000);
		const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
		const seconds = (Date.now() - started) / 1000;
		clearTimeout(deadline);
		clearInterval(autosaves);
		const committedMeanwhile = commits;
		const tables = tablesOf(writer);
		onTestFinished(() => {
			writer.close();
		});

		expect({ code, output }).toMatchObject({
			code: 0,
			output: expect.stringMatching(/Backed up .* integrity checked/)
		});
		// Seconds, the CLI's own start included (the old copy was still going after 30 s).
		expect(seconds).toBeLessThan(15);
		// Commits went on during the backup (a fast machine copies in a fraction of a second).
		expect(committedMeanwhile).toBeGreaterThan(commitsBeforeBackup);
		// Only the backup is left in the folder: no partial copy beside it.
		expect(fs.readdirSync(folder).filter((name) => !name.startsWith('test.db'))).toEqual(['under-load.db']);
		const copy = new SQLite(target, { readonly: true });
		try {
			expect(copy.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
			const count = (action: string) =>
				(copy.prepare('select count(*) as n from audit_event where action = ?').get(action) as { n: number })
					.n;
			expect(count('test.bulk')).toBe(40000);
			// One moment during the run: the autosaves until then are in.
			expect(count('test.autosave')).toBeGreaterThan(0);
			expect(count('test.autosave')).toBeLessThanOrEqual(committedMeanwhile);
			expect(tablesOf(copy)).toEqual(tables);
			expect(copy.prepare('select count(*) as n from competency').get()).toEqual(
				writer.prepare('select count(*) as n from competency').get()
			);
		} finally {
			copy.close();
		}
	}, 60_000);

	it('seeds the demo organisation once', async () => {
		const file = await freshDatabaseLocation();
		const run = await cli(['seed-demo'], file);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/admin@example.com/);
		const roles = await withDb(file, (db) => db.selectFrom('user').select('role').execute());
		expect(roles.filter((r) => r.role === 'interviewer')).toHaveLength(6);
		expect(roles.filter((r) => r.role === 'admin')).toHaveLength(1);
		const again = await cli(['seed-demo'], file);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/already has users/);
	}, 30_000);

	it('generates a synthetic organisation, and explains a bad size', async () => {
		// On PostgreSQL it goes by way of SQLite (commands.pg.test.ts).
		const file = freshDbPath();
		const bad = await cli(['generate', '--scorecards', 'lots'], file);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--scorecards: Give the number of scorecards/);
		const badDate = await cli(['generate', '--scorecards', '100', '--until', '1 Nov'], file);
		expect(badDate.code).toBe(2);
		expect(badDate.stderr).toMatch(/--until: Give a date like 2026-11-01/);

		const run = await cli(['generate', '--scorecards', '200', '--seed', '4'], file);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/Generated 2\d\d scorecards .* scorecards\/s\)/);
		expect(run.stderr).toMatch(/100% 200\/200 scorecards/);
		const count = await withDb(file, (db) =>
			db
				.selectFrom('scorecard')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		);
		expect(count.n).toBeGreaterThanOrEqual(200);

		const again = await cli(['generate', '--scorecards', '200'], file);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(/needs an empty database/);
	}, 30_000);

	it('lists the job queue and runs what is due once', async () => {
		const location = await freshDatabaseLocation();
		await withDb(location, (db) =>
			enqueueJob(db, { kind: 'mail.unknown', payload: {}, key: 'mail:retired-kind' })
		);
		const listed = await cli(['jobs'], location);
		expect(listed.code).toBe(0);
		expect(listed.stdout).toMatch(/Jobs: queued 1, running 0, done 0, dead 0\./);
		expect(listed.stdout).toMatch(/queued\s+0\/8 .* mail\.unknown {2}mail:retired-kind/);

		const ran = await cli(['jobs', 'run-due'], location);
		expect(ran.code).toBe(0);
		expect(ran.stdout).toMatch(/Ran 1 due job; 1 dead\./);
		expect((await cli(['jobs'], location)).stdout).toMatch(
			/dead\s+1\/8 .*No handler for jobs of kind mail\.unknown/
		);

		const bad = await cli(['jobs', 'purge'], location);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/jobs takes no argument or run-due, not "purge"/);
	}, 30_000);
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { day } from '../../../src/lib/domain/time';
import { attemptLogin, createLoginLimiters } from '../../../src/lib/server/auth/login';
import { createSession, type AuthUser } from '../../../src/lib/server/auth/session';
import { createApiToken } from '../../../src/lib/server/auth/api-tokens';
import { getCalibration, type Calibration } from '../../../src/lib/server/calibration/calibration';
import { reviseCompetency } from '../../../src/lib/server/library/competency-edits';
import { createDb, openDatabase, openSqlite, type DB } from '../../../src/lib/server/platform/db';
import { saveDebriefNotes } from '../../../src/lib/server/evaluation/debriefs';
import { demoPassword, seedDemo } from '../../../src/cli/demo';
import { ConflictError } from '../../../src/lib/server/platform/errors';
import { createInvite } from '../../../src/lib/server/accounts/invites';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import { amendScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { getScorecard } from '../../../src/lib/server/evaluation/scorecard-reads';
import { generateOrganisation } from '../../../src/cli/synthetic/generate';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { ImportRefusedError, importOrganisation } from '../../../src/lib/server/transfer/import';
import { resetPassword } from '../../../src/lib/server/auth/password-changes';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { freshDb, freshDbPath } from '../helpers/db';

const now = Date.UTC(2026, 10, 21, 12);

async function userByEmail(db: DB, email: string): Promise<AuthUser> {
	return db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
}

/** The demo organisation plus what it lacks: an amendment, debrief notes, a revised competency, a deactivated user and secrets. */
async function richDemo() {
	const db = freshDb();
	await seedDemo(db, now);
	const admin = await userByEmail(db, 'admin@example.com');
	const recruiter = await userByEmail(db, 'recruiter@example.com');
	const manager = await userByEmail(db, 'manager@example.com');

	const submitted = await db
		.selectFrom('scorecard')
		.select(['id', 'interviewerId', 'loopId'])
		.where('status', '=', 'submitted')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const author = await db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role'])
		.where('id', '=', submitted.interviewerId)
		.executeTakeFirstOrThrow();
	const card = await getScorecard(db, author, submitted.id);
	await amendScorecard(
		db,
		author,
		submitted.id,
		{
			reason: 'Added what I left out of the summary',
			document: { ...card.document, summary: `${card.document.summary} Also asked about on-call.` },
			baseVersion: card.version
		},
		now
	);
	const decided = await db.selectFrom('loopDecision').select('loopId').executeTakeFirstOrThrow();
	await saveDebriefNotes(
		db,
		manager,
		decided.loopId,
		{ notes: { general: 'The panel agreed quickly.' }, attendeeIds: [manager.id, author.id] },
		now
	);
	const coding = await db
		.selectFrom('competency')
		.innerJoin('competencyRevision as rev', 'rev.id', 'competency.currentRevisionId')
		.selectAll('rev')
		.select('competency.kind')
		.where('competency.name', '=', 'Coding')
		.executeTakeFirstOrThrow();
	await reviseCompetency(db, recruiter, coding.competencyId, {
		name: 'Coding',
		kind: coding.kind,
		description: `${coding.description} Includes pairing.`,
		anchor1: coding.anchor1,
		anchor2: coding.anchor2,
		anchor3: coding.anchor3,
		anchor4: coding.anchor4
	});
	await deactivateUser(db, admin, (await userByEmail(db, 'mei@example.com')).id, now);

	const session = await createSession(db, admin.id, now);
	const apiToken = await createApiToken(db, recruiter.id, 'ATS sync', now);
	const invite = await createInvite(db, admin, { email: 'new.person@example.com', role: 'interviewer' }, now);
	return { db, admin, secrets: [session.token, apiToken.token, invite.token] };
}

/** Numbers rounded where sums added in another order may differ in the last bits. */
function rounded<T>(value: T): T {
	return JSON.parse(
		JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))
	);
}

/**
 * Each loop's results, raw and leniency-adjusted, or why the viewer may not see them yet.
 * Ratings within a competency come in storage order, which an amendment changes and an
 * import cannot know, so they are compared by interviewer.
 */
async function resultsOfEveryLoop(db: DB, viewer: AuthUser) {
	const loops = await db.selectFrom('loop').select('id').orderBy('id').execute();
	const results = [];
	for (const { id } of loops) {
		for (const adjusted of [false, true]) {
			const result = await getLoopResults(db, viewer, id, { adjusted }, now).catch(
				(e: unknown) => e as Error
			);
			if (result instanceof Error) {
				results.push(result.message);
				continue;
			}
			for (const competency of result.competencies)
				competency.ratings.sort((a, b) => a.interviewerId - b.interviewerId);
			results.push(result);
		}
	}
	return results;
}

async function calibrationViews(db: DB, viewer: AuthUser) {
	const everything = { from: now - 4 * 365 * day, to: now + 30 * day };
	return rounded<Calibration[]>([
		await getCalibration(db, viewer, everything),
		await getCalibration(db, viewer, { ...everything, kind: 'leadership' }),
		await getCalibration(db, viewer, { from: now - 200 * day, to: now - 20 * day - 5 })
	]);
}

async function counts(db: DB) {
	const count = async (table: 'user' | 'competency' | 'auditEvent' | 'loop' | 'scorecardRating') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		users: await count('user'),
		competencies: await count('competency'),
		auditEvents: await count('auditEvent'),
		loops: await count('loop'),
		ratings: await count('scorecardRating')
	};
}

describe('whole-organisation export and import', () => {
	it('exports the demo organisation in its documented shape, without a single secret', async () => {
		const { db, secrets } = await richDemo();
		const text = await exportOrganisation(db, now);
		const file = JSON.parse(text);

		expect(text).toBe(`${JSON.stringify(file, null, 2)}\n`);
		expect(file).toMatchObject({
			format: 'panelist-export',
			version: 1,
			exportedAt: '2026-11-21T12:00:00.000Z'
		});
		expect(Object.keys(file)).toEqual([
			'format',
			'version',
			'exportedAt',
			'users',
			'competencies',
			'questions',
			'templates',
			'openings',
			'candidates',
			'loops',
			'auditEvents'
		]);
		expect(file.users).toHaveLength(8);
		expect(file.users[0]).toEqual({
			id: expect.stringMatching(/^\d+$/),
			email: 'admin@example.com',
			name: 'Alex Admin',
			role: 'admin',
			deactivatedAt: null,
			createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			updatedAt: expect.any(String)
		});
		const ids = (list: { id: string }[]) => list.map((r) => Number(r.id));
		for (const list of [file.users, file.competencies, file.loops, file.auditEvents])
			expect(ids(list)).toEqual([...ids(list)].sort((a, b) => a - b));
		const amended = file.loops
			.flatMap((l: { panel: { amendedAt: string | null }[] }) => l.panel)
			.find((s: { amendedAt: string | null }) => s.amendedAt);
		expect(amended.submissions.map((s: { reason: string | null }) => s.reason)).toEqual([
			null,
			'Added what I left out of the summary'
		]);

		for (const secret of secrets) {
			expect(text).not.toContain(secret);
			expect(text).not.toContain(secret.split('.')[1]);
		}
		expect(text).not.toMatch(/\$argon2|passwordHash|secretHash/);
	});

	it('gives back the same file after an import of it, with the same results and calibration', async () => {
		const { db: source, admin } = await richDemo();
		const exported = await exportOrganisation(source, now);

		const target = freshDb();
		const summary = await importOrganisation(target, exported);
		expect(summary).toMatchObject({ users: 8, adminEmails: ['admin@example.com'] });
		expect(await exportOrganisation(target, now)).toBe(exported);

		const results = await resultsOfEveryLoop(source, admin);
		expect(
			results.filter((r) => typeof r !== 'string' && r.competencies.some((c) => c.n > 0)).length
		).toBeGreaterThan(10);
		expect(await resultsOfEveryLoop(target, admin)).toEqual(results);
		const calibration = await calibrationViews(source, admin);
		expect(calibration[0]!.interviewers.length).toBeGreaterThan(3);
		expect(await calibrationViews(target, admin)).toEqual(calibration);
		expect((await counts(target)).ratings).toBe((await counts(source)).ratings);
		// Sessions, API tokens and invites stay behind: they are secrets of the old installation.
		for (const table of ['session', 'apiToken', 'invite'] as const) {
			expect(await target.selectFrom(table).selectAll().execute()).toEqual([]);
		}
	}, 30_000);

	it("keeps an opening's description through export and import", async () => {
		const { db: source } = await richDemo();
		const description = 'Owns the payments API.\nWorks with the risk team.';
		await source.updateTable('opening').set({ description }).where('id', '=', 1).execute();
		const exported = await exportOrganisation(source, now);
		expect(JSON.parse(exported).openings[0].description).toBe(description);

		const target = freshDb();
		await importOrganisation(target, exported);
		const descriptions = await target
			.selectFrom('opening')
			.select(['id', 'description'])
			.orderBy('id')
			.execute();
		expect(descriptions[0]).toEqual({ id: 1, description });
		expect(descriptions.slice(1).every((o) => o.description === '')).toBe(true);
		expect(await exportOrganisation(target, now)).toBe(exported);
	}, 30_000);

	it('round-trips a generated organisation and keeps its calibration figures', async () => {
		const file = freshDbPath();
		const sqlite = openSqlite(file);
		const source = createDb(sqlite);
		await generateOrganisation(source, sqlite, { scorecards: 600, seed: 7, until: now });
		const admin = await userByEmail(source, 'admin@generated.example');
		const exported = await exportOrganisation(source, now);

		const target = freshDb();
		await importOrganisation(target, exported);
		expect(await exportOrganisation(target, now)).toBe(exported);
		const calibration = await calibrationViews(source, admin);
		expect(calibration[0]!.interviewers.length).toBeGreaterThan(10);
		expect(calibration[0]!.competencies.length).toBeGreaterThan(5);
		expect(await calibrationViews(target, admin)).toEqual(calibration);
		expect(await resultsOfEveryLoop(target, admin)).toEqual(await resultsOfEveryLoop(source, admin));
		await source.destroy();
	}, 60_000);

	it('lets imported people sign in only once an admin has set their password', async () => {
		const { db: source } = await richDemo();
		const target = freshDb();
		await importOrganisation(target, await exportOrganisation(source, now));
		const limiters = createLoginLimiters();
		const login = (password: string) =>
			attemptLogin(target, limiters, { email: 'admin@example.com', password, clientAddress: 'test' });

		expect(await login(demoPassword)).toMatchObject({ ok: false, status: 400 });
		const { passwordHash } = await target
			.selectFrom('user')
			.select('passwordHash')
			.where('email', '=', 'admin@example.com')
			.executeTakeFirstOrThrow();
		expect(await login(passwordHash)).toMatchObject({ ok: false, status: 400 });

		await resetPassword(target, 'admin@example.com', 'a-fresh-start-2027');
		expect(await login('a-fresh-start-2027')).toMatchObject({ ok: true, user: { role: 'admin' } });
	}, 30_000);

	it('refuses a database that is not empty and leaves it as it was', async () => {
		const { db } = await richDemo();
		const exported = await exportOrganisation(db, now);
		const before = await counts(db);
		await expect(importOrganisation(db, exported)).rejects.toThrow(ConflictError);
		await expect(importOrganisation(db, exported)).rejects.toThrow(/not empty/);
		expect(await counts(db)).toEqual(before);
	}, 30_000);

	it('rejects a hostile file whole, listing every problem by its path', async () => {
		const { db: source } = await richDemo();
		const file = JSON.parse(await exportOrganisation(source, now));
		file.version = 2;
		file.users[1].email = file.users[0].email;
		file.users[2].passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$planted';
		file.candidates[0].notes = 'x'.repeat(1_000_000);
		file.candidates[1]['y'.repeat(1_000_000)] = 'a key a megabyte long';
		file.loops[0].panel[0].interviewerId = 17;
		file.loops[1].candidateId = '999';
		file.loops[2].panel[0].roundId = file.loops[3].rounds[0].id;
		const foreign = file.competencies.find(
			(c: { id: string }) =>
				!file.loops[4].rounds.some((r: { competencies: { competencyId: string }[] }) =>
					r.competencies.some((x) => x.competencyId === c.id)
				)
		).id;
		const rated = file.loops[4].panel.find((s: { status: string }) => s.status === 'submitted');
		rated.document.ratings[0].competencyId = foreign;
		file.auditEvents[1].id = file.auditEvents[0].id;
		file.auditEvents[2].actorUserId = '404';

		const target = freshDb();
		const before = await counts(target);
		const refusal = await importOrganisation(target, JSON.stringify(file)).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(ImportRefusedError);
		const lines = (refusal as ImportRefusedError).problems.map((p) => `${p.path}: ${p.message}`);
		const panelIndex = file.loops[4].panel.indexOf(rated);
		expect(lines).toEqual(
			expect.arrayContaining([
				'version: this Panelist reads version 1 exports; the file has version 2',
				`users[1].email: another user (users[0].email) has the email ${file.users[0].email}`,
				'users[2]: unrecognized key: "passwordHash"',
				'candidates[0].notes: use at most 20000 characters',
				`candidates[1]: unrecognized key: "${'y'.repeat(80)}…"`,
				'loops[0].panel[0].interviewerId: an id is a string of digits, like "17"',
				'loops[1].candidateId: no candidate with id "999" in this file',
				`loops[2].panel[0].roundId: no round with id "${file.loops[3].rounds[0].id}" in this loop`,
				`loops[4].panel[${panelIndex}].document.ratings[0].competencyId: this competency is not rated in this round`,
				`auditEvents[1].id: audit event id "${file.auditEvents[0].id}" is used twice (also at auditEvents[0].id)`,
				'auditEvents[2].actorUserId: no user with id "404" in this file'
			])
		);
		expect(lines.every((line) => line.length < 300)).toBe(true);
		expect(await counts(target)).toEqual(before);
	}, 30_000);

	it('says plainly what is wrong with a file that is not an export at all', async () => {
		const target = freshDb();
		const problems = async (text: string) =>
			((await importOrganisation(target, text).catch((e: unknown) => e)) as ImportRefusedError).problems;
		expect(await problems('{"users": [')).toEqual([
			{ path: 'format', message: 'this is not a Panelist export: "format" must be "panelist-export"' }
		]);
		const head = '{"format": "panelist-export", "version": 1, "exportedAt": "2026-01-01T00:00:00.000Z"';
		expect(await problems(`${head}, "users": [`)).toEqual([
			{ path: '(file)', message: expect.stringMatching(/^not valid JSON: the file ends early/) }
		]);
		expect(await problems(`${head}, "users": [}`)).toEqual([
			{ path: '(file)', message: expect.stringMatching(/^not valid JSON: /) }
		]);
		expect(await problems('[1, 2, 3]')).toEqual([
			{ path: '(file)', message: 'an export file holds one JSON object' }
		]);
		expect(await problems(fs.readFileSync('package.json', 'utf8'))).toEqual([
			{ path: 'format', message: 'this is not a Panelist export: "format" must be "panelist-export"' }
		]);
		const nested = `{"format": "panelist-export", "version": 1, "exportedAt": "2026-02-30T00:00:00.000Z", "users": [], "competencies": [], "questions": [], "templates": [], "openings": [], "candidates": [], "loops": [], "auditEvents": [{"id": "1", "actorUserId": null, "action": "x", "entityType": "x", "entityId": "1", "before": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "after": null, "at": "2026-01-01T00:00:00.000Z"}]}`;
		expect(await problems(nested)).toEqual([
			{ path: 'exportedAt', message: expect.stringMatching(/^a time is ISO-8601 in UTC/) },
			{ path: 'auditEvents[0].before', message: 'nested more than 32 levels deep' }
		]);
	});
});

function cli(
	args: string[],
	databasePath: string
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/panelist.js', ...args], {
			env: { ...process.env, DATABASE_PATH: databasePath }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

async function userCount(file: string): Promise<number> {
	const db = openDatabase(file);
	try {
		return (await db.selectFrom('user').select('id').execute()).length;
	} finally {
		await db.destroy();
	}
}

describe('panelist export and import', () => {
	it('moves an organisation to a new database and back to the same file', async () => {
		const source = freshDbPath();
		const dir = path.dirname(source);
		const seeded = openDatabase(source);
		await seedDemo(seeded, now);
		await seeded.destroy();
		const first = path.join(dir, 'first.json');
		const second = path.join(dir, 'second.json');
		const target = path.join(dir, 'moved', 'panelist.db');

		const exported = await cli(['export', first], source);
		expect(exported).toMatchObject({
			code: 0,
			stdout: expect.stringMatching(/^Exported 8 users, 13 loops with \d+ scorecards/)
		});
		const again = await cli(['export', first], source);
		expect(again.code).toBe(1);
		expect(again.stderr.trim()).toBe(`panelist export: ${first} already exists; choose a new file name`);

		const imported = await cli(['import', first], target);
		expect(imported.code).toBe(0);
		expect(imported.stdout).toMatch(/^Imported 8 users, 13 loops/);
		expect(imported.stdout).toMatch(/reset-password .*starting with an admin \(admin@example.com\)/);
		expect((await cli(['export', second], target)).code).toBe(0);
		const withoutTime = (file: string) => fs.readFileSync(file, 'utf8').replace(/"exportedAt": "[^"]+"/, '');
		expect(withoutTime(second)).toBe(withoutTime(first));

		const twice = await cli(['import', first], target);
		expect(twice.code).toBe(1);
		expect(twice.stderr).toMatch(/^panelist import: this database is not empty/);
		expect(await userCount(target)).toBe(8);
	}, 60_000);

	it('prints every problem of a bad file with its path, exits 1 and imports nothing', async () => {
		const source = freshDb();
		await seedDemo(source, now);
		const file = JSON.parse(await exportOrganisation(source, now));
		file.loops[1].candidateId = '999';
		file.users[3].role = 'owner';
		const dir = path.dirname(freshDbPath());
		const bad = path.join(dir, 'bad.json');
		fs.writeFileSync(bad, JSON.stringify(file));
		const target = path.join(dir, 'target.db');

		const run = await cli(['import', bad], target);
		expect(run.code).toBe(1);
		expect(run.stderr.trim().split('\n')).toEqual([
			'import: checking and writing…',
			`${bad}: users[3].role: admin, recruiter or interviewer`,
			`${bad}: loops[1].candidateId: no candidate with id "999" in this file`,
			'panelist import: 2 problems in the file; nothing was imported'
		]);
		expect(await userCount(target)).toBe(0);
		const quiet = await cli(['import', '--quiet', bad], target);
		expect(quiet.stderr).not.toMatch(/checking and writing/);
		expect(quiet.stderr).toMatch(/2 problems in the file/);

		const missing = await cli(['import', path.join(dir, 'absent.json')], path.join(dir, 'never.db'));
		expect(missing.code).toBe(1);
		expect(fs.existsSync(path.join(dir, 'never.db'))).toBe(false);
		expect((await cli(['import'], target)).code).toBe(2);
		expect((await cli(['export'], target)).code).toBe(2);
	}, 60_000);
});

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { addMonths, retentionDueAt, retentionSettingSchema } from '../../../src/lib/domain/retention';
import { day, hour } from '../../../src/lib/domain/time';
import { cancelLoop } from '../../../src/lib/server/hiring/panel';
import { placeLegalHold } from '../../../src/lib/server/hiring/candidate-privacy';
import {
	applyRetention,
	getRetentionOverview,
	readRetentionMonths,
	setRetentionMonths
} from '../../../src/lib/server/hiring/retention';
import { databaseResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { nextRetentionRun, scheduleDailyRetention } from '../../../src/lib/server/hiring/retention-job';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { databaseEnv, freshDatabaseLocation, freshDb } from '../helpers/db';
import { newCandidate, newLoop, newUser, submitAs } from '../../support/seed';

const t0 = Date.UTC(2024, 0, 31, 12);

describe('the retention rule', () => {
	it('counts months on the calendar, keeping to the month’s last day', () => {
		expect(new Date(addMonths(t0, 1)).toISOString()).toBe('2024-02-29T12:00:00.000Z');
		expect(new Date(addMonths(t0, 24)).toISOString()).toBe('2026-01-31T12:00:00.000Z');
	});

	it('runs from the last loop decided or cancelled; never while one is open', () => {
		const decided = { cancelledAt: null, decidedAt: t0 };
		const cancelledLater = { cancelledAt: t0 + 40 * day, decidedAt: null };
		expect(retentionDueAt(0, [decided, cancelledLater], 12)).toBe(addMonths(t0 + 40 * day, 12));
		expect(retentionDueAt(0, [decided, { cancelledAt: null, decidedAt: null }], 12)).toBeNull();
		expect(retentionDueAt(t0, [], 24)).toBe(addMonths(t0, 24));
	});

	it('never keeps data less than 12 months', () => {
		expect(retentionSettingSchema.safeParse({ months: '11' }).success).toBe(false);
		expect(retentionSettingSchema.safeParse({ months: '12' }).data).toEqual({ months: 12 });
		expect(retentionSettingSchema.safeParse({ months: 'soon' }).success).toBe(false);
	});
});

/** A loop decided at `at` (its candidate Ada), as its recruiter. */
async function decidedAt(db: DB, at: number) {
	const loop = await newLoop(db, { at: at - 3 * day });
	for (const [i, who] of loop.panel.entries())
		await submitAs(db, who, loop.scorecards[i]!.id, { now: at - day });
	await recordDecision(
		db,
		loop.recruiter,
		loop.loopId,
		{
			outcome: 'no_hire',
			rationale: 'Not now',
			dissent: '',
			attendeeIds: [loop.recruiter.id],
			changeReason: ''
		},
		at
	);
	return loop;
}

describe('applying retention', () => {
	it('anonymises those past the period, keeps those under a legal hold, and lists the next 30 days', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const now = Date.UTC(2026, 10, 30);
		const old = await decidedAt(db, Date.UTC(2024, 9, 1));
		const held = await decidedAt(db, Date.UTC(2024, 9, 2));
		const soon = await decidedAt(db, Date.UTC(2024, 11, 15));
		const recent = await decidedAt(db, Date.UTC(2026, 5, 1));
		const cancelled = await newLoop(db, { at: Date.UTC(2024, 0, 1) });
		await cancelLoop(db, cancelled.recruiter, cancelled.loopId, 'Withdrew', Date.UTC(2024, 1, 1));
		const open = await newLoop(db, { at: Date.UTC(2024, 0, 1) });
		await placeLegalHold(db, held.recruiter, held.candidateId, 'Tribunal claim');

		const overview = await getRetentionOverview(db, admin, now);
		expect(overview.months).toBe(24);
		expect(overview.upcoming.map((c) => [c.id, c.legalHold])).toEqual([
			[cancelled.candidateId, null],
			[old.candidateId, null],
			[held.candidateId, 'Tribunal claim'],
			[soon.candidateId, null]
		]);

		const result = await applyRetention(db, now, databaseResumeStore);
		expect(result).toEqual({
			anonymised: [cancelled.candidateId, old.candidateId],
			held: [held.candidateId]
		});
		const names = await db.selectFrom('candidate').select(['id', 'name']).orderBy('id').execute();
		const nameOf = (id: number) => names.find((n) => n.id === id)!.name;
		expect(nameOf(old.candidateId)).toBe(`Anonymised candidate ${old.candidateId}`);
		for (const kept of [held, soon, recent, open]) expect(nameOf(kept.candidateId)).toBe('Ada');
		const audit = (await listAuditEvents(db, 'candidate', old.candidateId)).at(-1)!;
		expect(audit).toMatchObject({ action: 'candidate.anonymised', actorUserId: null, at: now });
		expect(audit.after).toMatch(/Retention: more than 24 months/);
		expect(await applyRetention(db, now, databaseResumeStore)).toEqual({
			anonymised: [],
			held: [held.candidateId]
		});
	});

	it('follows the admin’s setting, which only an admin changes, audited', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const recruiter = await newUser(db, { role: 'recruiter' });
		await expect(setRetentionMonths(db, recruiter, 36)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(getRetentionOverview(db, recruiter)).rejects.toBeInstanceOf(ForbiddenError);
		const id = await newCandidate(db);
		await setRetentionMonths(db, admin, 12);
		expect(await readRetentionMonths(db)).toBe(12);
		expect((await applyRetention(db, Date.now() + 370 * day, databaseResumeStore)).anonymised).toEqual([id]);
		expect((await listAuditEvents(db, 'setting', 'retention_months')).map((e) => e.after)).toEqual([
			JSON.stringify({ months: 12 })
		]);
	});
});

it('runs once a day through the job queue, whatever the restarts, and can be left to the CLI', async () => {
	const db = freshDb();
	const now = Date.UTC(2026, 10, 30, 14);
	const old = await decidedAt(db, Date.UTC(2024, 0, 10));
	expect(await scheduleDailyRetention(db, now, { RETENTION_JOB: 'off' })).toBe(false);
	expect(await scheduleDailyRetention(db, now, {})).toBe(true);
	// A restart later the same day queues nothing new.
	expect(await scheduleDailyRetention(db, now + hour, {})).toBe(false);
	expect(await runDueJobs(db, { now: () => now + hour, random: () => 0 })).toBe(1);
	const name = await db
		.selectFrom('candidate')
		.select('name')
		.where('id', '=', old.candidateId)
		.executeTakeFirstOrThrow();
	expect(name.name).toBe(`Anonymised candidate ${old.candidateId}`);
	const jobs = await db.selectFrom('job').select(['key', 'state', 'runAt']).orderBy('id').execute();
	expect(jobs).toEqual([
		{ key: 'retention:2026-11-30', state: 'done', runAt: now },
		{ key: 'retention:2026-12-01', state: 'queued', runAt: Date.UTC(2026, 11, 1, 3) }
	]);
	expect(nextRetentionRun(Date.UTC(2026, 11, 1, 3))).toBe(Date.UTC(2026, 11, 2, 3));
	// Restarted before tomorrow's run: it stays the one queued.
	expect(await scheduleDailyRetention(db, Date.UTC(2026, 11, 1, 1), {})).toBe(false);
});

function cli(args: string[], location: string): Promise<{ code: number | null; stdout: string }> {
	const { DATABASE_URL: _url, DATABASE_PATH: _path, ...env } = process.env;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/panelist.js', ...args], {
			env: { ...env, ...databaseEnv(location) }
		});
		let stdout = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout }));
	});
}

it('runs from the CLI as a dry run, and with --apply', async () => {
	const location = await freshDatabaseLocation();
	const db = openDatabase(location);
	const old = await decidedAt(db, Date.now() - 800 * day);
	const dry = await cli(['retention'], location);
	expect(dry).toMatchObject({ code: 0 });
	expect(dry.stdout).toContain(`Due: candidate ${old.candidateId}`);
	expect(dry.stdout).toContain('Nothing changed');
	expect(
		(
			await db
				.selectFrom('candidate')
				.select('name')
				.where('id', '=', old.candidateId)
				.executeTakeFirstOrThrow()
		).name
	).toBe('Ada');
	const applied = await cli(['retention', '--apply'], location);
	expect(applied.stdout).toContain(`Anonymised 1 candidate(s): ${old.candidateId}.`);
	expect(
		(
			await db
				.selectFrom('candidate')
				.select('name')
				.where('id', '=', old.candidateId)
				.executeTakeFirstOrThrow()
		).name
	).toBe(`Anonymised candidate ${old.candidateId}`);
	await db.destroy();
});

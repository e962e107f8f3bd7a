import { describe, expect, it } from 'vitest';
import { day } from '../../../src/lib/domain/time';
import { setQualificationSchema } from '../../../src/lib/domain/qualifications';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import {
	listOwnQualifications,
	listQualifications,
	setLapseMonths,
	setQualification
} from '../../../src/lib/server/hiring/qualifications';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newLoop, newUser, submitAs } from '../../support/seed';

const now = Date.UTC(2026, 10, 30, 12);

/** What a recruiter's page shows: name, format, status. */
const shown = (rows: { userName: string; format: string; status: string }[]) =>
	rows.map((r) => [r.userName, r.format, r.status]);

describe('setting qualifications', () => {
	it('a recruiter makes someone a trainee, then qualified, then takes it away; each step is audited', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		const kim = await newUser(db, { name: 'Kim' });
		await setQualification(db, recruiter, { userId: kim.id, format: 'coding', level: 'trainee' }, now);
		expect(shown(await listQualifications(db, recruiter, now))).toEqual([['Kim', 'coding', 'trainee']]);

		await setQualification(
			db,
			recruiter,
			{ userId: kim.id, format: 'coding', level: 'qualified' },
			now + day
		);
		await setQualification(
			db,
			recruiter,
			{ userId: kim.id, format: 'behavioural', level: 'trainee' },
			now + day
		);
		expect(shown(await listQualifications(db, recruiter, now + day))).toEqual([
			['Kim', 'behavioural', 'trainee'],
			['Kim', 'coding', 'qualified']
		]);

		await setQualification(db, recruiter, { userId: kim.id, format: 'coding', level: 'none' }, now + 2 * day);
		expect(shown(await listQualifications(db, recruiter, now + 2 * day))).toEqual([
			['Kim', 'behavioural', 'trainee']
		]);

		const audit = (await listAuditEvents(db, 'user', kim.id)).filter(
			(e) => e.action === 'qualification.changed'
		);
		expect(
			audit.map((e) => [e.actorUserId, JSON.parse(e.before!).level, JSON.parse(e.after!).level])
		).toEqual([
			[recruiter.id, 'none', 'trainee'],
			[recruiter.id, 'trainee', 'qualified'],
			[recruiter.id, 'none', 'trainee'],
			[recruiter.id, 'qualified', 'none']
		]);
	});

	it('each person sees only their own; an interviewer may neither list everyone’s nor set any', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const kim = await newUser(db, { name: 'Kim' });
		const lee = await newUser(db, { name: 'Lee' });
		await setQualification(db, admin, { userId: kim.id, format: 'coding', level: 'qualified' }, now);
		await setQualification(db, admin, { userId: lee.id, format: 'system_design', level: 'trainee' }, now);

		expect(shown(await listOwnQualifications(db, kim, now))).toEqual([['Kim', 'coding', 'qualified']]);
		expect(shown(await listOwnQualifications(db, lee, now))).toEqual([['Lee', 'system_design', 'trainee']]);
		await expect(listQualifications(db, kim, now)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			setQualification(db, kim, { userId: kim.id, format: 'system_design', level: 'qualified' }, now)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setLapseMonths(db, kim, 12, now)).rejects.toBeInstanceOf(ForbiddenError);
		expect(shown(await listOwnQualifications(db, kim, now))).toEqual([['Kim', 'coding', 'qualified']]);
	});

	it('refuses a deactivated or unknown person and an unknown format, changing nothing', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const gone = await newUser(db);
		await deactivateUser(db, admin, gone.id);
		for (const userId of [gone.id, 99_999]) {
			await expect(
				setQualification(db, admin, { userId, format: 'coding', level: 'qualified' }, now)
			).rejects.toEqual(new InputError({ userId: 'Choose an active interviewer' }));
		}
		expect(
			setQualificationSchema.safeParse({ userId: '1', format: 'juggling', level: 'qualified' }).success
		).toBe(false);
		expect(setQualificationSchema.safeParse({ userId: '1', format: 'coding', level: 'expert' }).success).toBe(
			false
		);
		expect(await listQualifications(db, admin, now)).toEqual([]);
	});
});

describe('lapsing', () => {
	/** Panelist 0 did a submitted interview `monthsAgo` before now; returns them and its format. */
	async function interviewedBefore(monthsAgo: number) {
		const db = freshDb();
		const at = now - monthsAgo * 30 * day;
		const loop = await newLoop(db, { size: 1, at });
		const [kim] = loop.panel;
		await submitAs(db, kim!, loop.scorecards[0]!.id, { now: at + day });
		const { format } = await db
			.selectFrom('loopRound')
			.select('format')
			.where('id', '=', loop.rounds[0]!.id)
			.executeTakeFirstOrThrow();
		// Qualified long before the interview, so only the interview keeps it current.
		await setQualification(
			db,
			loop.recruiter,
			{ userId: kim!.id, format, level: 'qualified' },
			at - 400 * day
		);
		return { db, kim: kim!, recruiter: loop.recruiter, format };
	}

	it('a qualification stays current within six months of the last interview in its format and lapses after', async () => {
		const recent = await interviewedBefore(5);
		expect((await listOwnQualifications(recent.db, recent.kim, now)).map((q) => q.status)).toEqual([
			'qualified'
		]);
		const old = await interviewedBefore(7);
		const [lapsed] = await listOwnQualifications(old.db, old.kim, now);
		expect(lapsed).toMatchObject({ status: 'lapsed', lastInterviewAt: now - 7 * 30 * day });
	});

	it('the lapse period is a setting: twelve months keeps a seven-month-old interview current', async () => {
		const { db, kim, recruiter } = await interviewedBefore(7);
		await setLapseMonths(db, recruiter, 12, now);
		expect((await listOwnQualifications(db, kim, now)).map((q) => q.status)).toEqual(['qualified']);
		const [changed] = (await listAuditEvents(db, 'setting', 'qualification_lapse_months')).map((e) => [
			JSON.parse(e.before!).months,
			JSON.parse(e.after!).months
		]);
		expect(changed).toEqual([6, 12]);
	});

	it('interviews in another format do not keep it current; a new qualification is current before any interview', async () => {
		const { db, kim, recruiter, format } = await interviewedBefore(1);
		const other = format === 'presentation' ? 'coding' : 'presentation';
		await setQualification(
			db,
			recruiter,
			{ userId: kim.id, format: other, level: 'qualified' },
			now - 200 * day
		);
		await setQualification(
			db,
			recruiter,
			{ userId: kim.id, format: 'situational', level: 'qualified' },
			now - day
		);
		const statuses = Object.fromEntries(
			(await listOwnQualifications(db, kim, now)).map((q) => [q.format, q.status])
		);
		expect(statuses).toEqual({ [format]: 'qualified', [other]: 'lapsed', situational: 'qualified' });
	});
});

import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/cli/demo';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { setWeeklyLimit, readWeeklyLimits } from '../../../src/lib/server/hiring/load-limits';
import { readQualifications, setQualification } from '../../../src/lib/server/hiring/qualifications';
import { setPathSetting } from '../../../src/lib/server/hiring/training-paths';
import { readPathSettings } from '../../../src/lib/server/hiring/training-progress';
import {
	getNoticeSettings,
	readOpeningReminderSettings,
	updateNoticeSettings,
	updateReminderSettings
} from '../../../src/lib/server/notify/reminder-settings';
import type { DB } from '../../../src/lib/server/platform/db';
import { prepareDatabase } from '../../../src/lib/server/platform/prepare-database';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { ImportRefusedError, importOrganisation } from '../../../src/lib/server/transfer/import';
import { freshDb } from '../helpers/db';

// What people set moves with the organisation: training paths, qualifications and weekly
// limits an admin set, a person's time zone, send time and digest, an opening's reminders
// are all there after moving to a new database (to PostgreSQL, say), and a file with a
// wrong one is refused by path, changing nothing.

const now = Date.UTC(2026, 10, 30, 12);

const user = (db: DB, email: string): Promise<AuthUser> =>
	db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();

async function developedDemo(): Promise<DB> {
	const db = freshDb();
	await seedDemo(db, now);
	const admin = await user(db, 'admin@example.com');
	const mei = await user(db, 'mei@example.com');
	const sam = await user(db, 'sam@example.com');
	await setPathSetting(
		db,
		admin,
		{ format: 'coding', shadowCount: 3, reverseShadowCount: 1, exerciseRequired: true },
		now
	);
	await setQualification(db, admin, { userId: mei.id, format: 'coding', level: 'qualified' }, now);
	await setQualification(db, admin, { userId: sam.id, format: 'coding', level: 'trainee' }, now + 1000);
	await setQualification(
		db,
		admin,
		{ userId: sam.id, format: 'behavioural', level: 'qualified' },
		now + 2000
	);
	await setWeeklyLimit(db, admin, { userId: mei.id, limit: 4 }, now);
	await updateNoticeSettings(
		db,
		mei,
		{ timeZone: 'Asia/Tokyo', sendTime: 7 * 60 + 30, mailMode: 'digest' },
		now
	);
	const opening = await db.selectFrom('opening').select('id').orderBy('id').executeTakeFirstOrThrow();
	await updateReminderSettings(
		db,
		admin,
		opening.id,
		{ enabled: false, firstReminderMinutes: 90, escalationHours: 48 },
		now
	);
	return db;
}

/** What a person sees of interviewer development on /interviewers and /training. */
async function developmentOf(db: DB) {
	return {
		paths: await readPathSettings(db),
		qualifications: await readQualifications(db, null, now),
		limits: [...(await readWeeklyLimits(db)).entries()],
		notices: await getNoticeSettings(db, await user(db, 'mei@example.com')),
		reminders: await readOpeningReminderSettings(
			db,
			(await db.selectFrom('opening').select('id').orderBy('id').executeTakeFirstOrThrow()).id
		)
	};
}

describe('what people set, in the export', () => {
	it('moves paths, qualifications, limits, notice and reminder settings, and comes back as the same file', async () => {
		const source = await developedDemo();
		const text = await exportOrganisation(source, now);
		const file = JSON.parse(text);
		expect(file.trainingPaths).toHaveLength(1);
		expect(file.qualifications).toHaveLength(3);
		expect(file.weeklyLimits).toEqual([
			{
				userId: expect.any(String),
				weeklyLimit: 4,
				updatedBy: expect.any(String),
				updatedAt: '2026-11-30T12:00:00.000Z'
			}
		]);

		const target = freshDb();
		await importOrganisation(target, text);
		const moved = await developmentOf(target);
		expect(moved.qualifications).toHaveLength(3);
		expect(moved.paths.find((p) => p.format === 'coding')).toMatchObject({
			shadowCount: 3,
			reverseShadowCount: 1
		});
		expect(moved).toEqual(await developmentOf(source));
		expect(await exportOrganisation(target, now)).toBe(text);
	});

	it('leaves the lists out of the file of an organisation that set none', async () => {
		const db = freshDb();
		await seedDemo(db, now);
		const file = JSON.parse(await exportOrganisation(db, now));
		expect(Object.keys(file)).not.toContain('qualifications');
		expect(Object.keys(file)).not.toContain('trainingPaths');
		expect(Object.keys(file)).not.toContain('weeklyLimits');
		expect(Object.keys(file)).not.toContain('noticeSettings');
		expect(Object.keys(file)).not.toContain('reminderSettings');
	});

	it('refuses a qualification of nobody, a second limit, an unknown level, time zone or opening', async () => {
		const file = JSON.parse(await exportOrganisation(await developedDemo(), now));
		file.qualifications[0].userId = '999999';
		file.qualifications[1].level = 'expert';
		file.weeklyLimits.push({ ...file.weeklyLimits[0], weeklyLimit: 5 });
		file.noticeSettings[0].timeZone = 'Mars/Olympus';
		file.reminderSettings[0].openingId = '424242';
		const target = freshDb();
		await prepareDatabase(target);

		const refusal = await importOrganisation(target, JSON.stringify(file, null, 2)).catch((e: unknown) => e);

		expect(refusal).toBeInstanceOf(ImportRefusedError);
		expect((refusal as ImportRefusedError).problems).toEqual([
			{ path: 'qualifications[1].level', message: 'trainee or qualified' },
			{ path: 'qualifications[0].userId', message: 'no user with id "999999" in this file' },
			{
				path: 'weeklyLimits[1].userId',
				message: 'this person already has a weekly limit (weeklyLimits[0].userId)'
			},
			{ path: 'noticeSettings[0].timeZone', message: 'a time zone, like Europe/Berlin' },
			{ path: 'reminderSettings[0].openingId', message: 'no opening with id "424242" in this file' }
		]);
		expect(await target.selectFrom('user').select('id').execute()).toEqual([]);
		for (const table of [
			'trainingPath',
			'interviewerQualification',
			'interviewerLoadLimit',
			'userNoticeSetting',
			'openingReminderSetting'
		] as const)
			expect(await target.selectFrom(table).selectAll().execute()).toEqual([]);
	});
});

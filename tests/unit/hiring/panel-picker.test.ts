import { describe, expect, it } from 'vitest';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { setWeeklyLimit, listWeeklyLimits } from '../../../src/lib/server/hiring/load-limits';
import { cancelLoop } from '../../../src/lib/server/hiring/panel';
import {
	getPanelPicker,
	getPanelWarnings,
	readViewerTimeZone
} from '../../../src/lib/server/hiring/panel-picker';
import { setQualification } from '../../../src/lib/server/hiring/qualifications';
import { updateNoticeSettings } from '../../../src/lib/server/notify/reminder-settings';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newCandidate, newOpening, newUser, submitAs } from '../../support/seed';

// Sunday 6 December 2026, 23:30 UTC: Monday 00:30 in Berlin, Sunday 15:30 in Los Angeles.
const lateSunday = Date.UTC(2026, 11, 6, 23, 30);
const mondayMorning = Date.UTC(2026, 11, 7, 10);
const now = Date.UTC(2026, 11, 7, 12);

/** An opening Mia is hiring manager of, a recruiter, Ann qualified in coding, Tom a trainee in it, Lia neither. */
async function setting() {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const mia = await newUser(db, { name: 'Mia' });
	const ann = await newUser(db, { name: 'Ann' });
	const tom = await newUser(db, { name: 'Tom' });
	const lia = await newUser(db, { name: 'Lia' });
	const openingId = await newOpening(db, [mia]);
	await setQualification(db, recruiter, { userId: ann.id, format: 'coding', level: 'qualified' }, now - 1000);
	await setQualification(db, recruiter, { userId: tom.id, format: 'coding', level: 'trainee' }, now - 1000);
	const loop = async (panel: Parameters<typeof createLoop>[2]['panel']) =>
		createLoop(db, recruiter, { candidateId: await newCandidate(db, [openingId]), openingId, panel }, now);
	return { db, recruiter, mia, ann, tom, lia, openingId, loop };
}

describe('the panel picker', () => {
	it('shows each person’s standing per format and their load this week and month in the viewer’s zone', async () => {
		const { db, recruiter, ann, tom, lia, openingId, loop } = await setting();
		await loop([{ round: 0, interviewerIds: [ann.id], scheduledAt: lateSunday }]);
		await loop([{ round: 0, interviewerIds: [ann.id], scheduledAt: mondayMorning }]);
		const cancelled = await loop([
			{ round: 0, interviewerIds: [ann.id], scheduledAt: mondayMorning + 3_600_000 }
		]);
		await cancelLoop(db, recruiter, cancelled.loopId, 'Withdrew', now);

		const seen = async (timeZone: string) =>
			new Map((await getPanelPicker(db, recruiter, openingId, timeZone, now)).map((p) => [p.userId, p]));
		const berlin = await seen('Europe/Berlin');
		expect(berlin.get(ann.id)!.load).toEqual({ week: 2, month: 2 });
		expect(berlin.get(ann.id)!.statuses).toEqual({ coding: 'qualified' });
		expect(berlin.get(tom.id)!.statuses).toEqual({ coding: 'trainee' });
		expect(berlin.get(lia.id)!.statuses).toEqual({});
		expect(berlin.get(lia.id)!.load).toEqual({ week: 0, month: 0 });
		// In Los Angeles it is still Monday morning's week, but the late Sunday was the week before.
		expect((await seen('America/Los_Angeles')).get(ann.id)!.load).toEqual({ week: 1, month: 2 });
	});

	it('gives hiring staff each person’s calibration leaning; a hiring manager gets none; others are refused', async () => {
		const { db, recruiter, mia, ann, openingId } = await setting();
		const forRecruiter = await getPanelPicker(db, recruiter, openingId, 'UTC', now);
		expect(forRecruiter.find((p) => p.userId === ann.id)!.leaning).toBe('neutral');
		const admin = await newUser(db, { role: 'admin' });
		const forAdmin = await getPanelPicker(db, admin, openingId, 'UTC', now);
		expect(forAdmin.every((p) => p.leaning === 'neutral')).toBe(true);
		const forManager = await getPanelPicker(db, mia, openingId, 'UTC', now);
		expect(forManager.some((p) => 'leaning' in p)).toBe(false);
		await expect(getPanelPicker(db, ann, openingId, 'UTC', now)).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('reads a leaning from complete loops: someone who rates above colleagues is lenient, below severe', async () => {
		const { db, recruiter, mia, ann, tom, lia, openingId, loop } = await setting();
		for (let i = 0; i < 2; i++) {
			// Rounds 1 and 3 of the template both rate Coding, so Ann's and Tom's ratings meet.
			const { scorecards } = await loop([
				{ round: 0, interviewerIds: [ann.id], scheduledAt: now - (i + 2) * 86_400_000 },
				{ round: 2, interviewerIds: [tom.id], scheduledAt: now - (i + 2) * 86_400_000 }
			]);
			await submitAs(db, ann, scorecards[0]!.id, { rating: 4, now });
			await submitAs(db, tom, scorecards[1]!.id, { rating: 1, now });
		}
		const leanings = new Map(
			(await getPanelPicker(db, recruiter, openingId, 'UTC', now)).map((p) => [p.userId, p.leaning])
		);
		expect([leanings.get(ann.id), leanings.get(tom.id), leanings.get(lia.id)]).toEqual([
			'lenient',
			'severe',
			'neutral'
		]);
		expect((await getPanelPicker(db, mia, openingId, 'UTC', now)).some((p) => 'leaning' in p)).toBe(false);
	});

	it('hands the browser the planned interviews of people with a limit, however far ahead, to warn before saving', async () => {
		const { db, recruiter, ann, tom, openingId, loop } = await setting();
		const farAhead = Date.UTC(2031, 2, 3, 9);
		await loop([{ round: 0, interviewerIds: [ann.id, tom.id], scheduledAt: farAhead }]);
		await setWeeklyLimit(db, recruiter, { userId: ann.id, limit: 1 }, now);
		const people = await getPanelPicker(db, recruiter, openingId, 'UTC', now);
		expect(people.find((p) => p.userId === ann.id)).toMatchObject({ weeklyLimit: 1, seatTimes: [farAhead] });
		expect(people.find((p) => p.userId === tom.id)).toMatchObject({ weeklyLimit: null, seatTimes: [] });
	});

	it('counts in the zone the viewer chose for notices, else in their browser’s', async () => {
		const { db, recruiter } = await setting();
		expect(await readViewerTimeZone(db, recruiter, 'Asia/Tokyo')).toBe('Asia/Tokyo');
		await updateNoticeSettings(db, recruiter, { timeZone: 'Europe/Berlin', sendTime: 540 }, now);
		expect(await readViewerTimeZone(db, recruiter, 'Asia/Tokyo')).toBe('Europe/Berlin');
	});
});

describe('warnings on a saved panel', () => {
	it('flags the unqualified interviewer and the trainee without a qualified co-interviewer, and does not refuse them', async () => {
		const { db, recruiter, tom, lia, loop } = await setting();
		const { loopId, rounds } = await loop([
			{ round: 0, interviewerIds: [lia.id], scheduledAt: mondayMorning },
			{ round: 0, interviewerIds: [tom.id], scheduledAt: mondayMorning, role: 'shadow' }
		]);
		expect(await getPanelWarnings(db, recruiter, loopId, 'UTC', now)).toEqual([
			{
				kind: 'unqualified_interviewer',
				roundId: rounds[0]!.id,
				userId: lia.id,
				message: 'Lia interviews in Coding but is not qualified for Coding'
			},
			{
				kind: 'trainee_alone',
				roundId: rounds[0]!.id,
				userId: tom.id,
				message: 'Tom practises in Coding without a qualified Coding interviewer beside them'
			}
		]);
	});

	it('flags someone over their weekly limit in the viewer’s week: Berlin sees two on one Monday, Los Angeles one a week', async () => {
		const { db, recruiter, mia, ann, loop } = await setting();
		await setWeeklyLimit(db, recruiter, { userId: ann.id, limit: 1 }, now);
		await loop([{ round: 0, interviewerIds: [ann.id], scheduledAt: lateSunday }]);
		const { loopId } = await loop([{ round: 0, interviewerIds: [ann.id], scheduledAt: mondayMorning }]);
		const kinds = async (timeZone: string) =>
			(await getPanelWarnings(db, mia, loopId, timeZone, now)).map((w) => [w.kind, w.message]);
		expect(await kinds('Europe/Berlin')).toEqual([
			['over_weekly_limit', 'Ann has 2 interviews in the week of Coding, over their limit of 1']
		]);
		expect(await kinds('America/Los_Angeles')).toEqual([]);
		await expect(getPanelWarnings(db, ann, loopId, 'UTC', now)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('weekly limits', () => {
	it('admins and recruiters set and take away a limit, each change audited; nobody else may', async () => {
		const { db, recruiter, ann, tom } = await setting();
		await setWeeklyLimit(db, recruiter, { userId: ann.id, limit: 3 }, now);
		await setWeeklyLimit(db, recruiter, { userId: ann.id, limit: 3 }, now);
		await setWeeklyLimit(db, recruiter, { userId: ann.id, limit: null }, now + 1);
		await setWeeklyLimit(db, recruiter, { userId: tom.id, limit: 2 }, now + 2);
		expect([...(await listWeeklyLimits(db, recruiter))]).toEqual([[tom.id, 2]]);
		const audit = (await listAuditEvents(db, 'user', ann.id)).filter(
			(e) => e.action === 'interviewer.weekly_limit_changed'
		);
		expect(audit.map((e) => [e.actorUserId, JSON.parse(e.before!), JSON.parse(e.after!)])).toEqual([
			[recruiter.id, { weeklyLimit: null }, { weeklyLimit: 3 }],
			[recruiter.id, { weeklyLimit: 3 }, { weeklyLimit: null }]
		]);

		await expect(setWeeklyLimit(db, ann, { userId: ann.id, limit: 9 }, now)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(listWeeklyLimits(db, ann)).rejects.toBeInstanceOf(ForbiddenError);
		await deactivateUser(db, await newUser(db, { role: 'admin' }), tom.id);
		await expect(setWeeklyLimit(db, recruiter, { userId: tom.id, limit: 1 }, now)).rejects.toBeInstanceOf(
			InputError
		);
	});
});

import { describe, expect, it } from 'vitest';
import { day, hour, minute } from '../../../src/lib/domain/time';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { cancelLoop, removeFromPanel, rescheduleInterview } from '../../../src/lib/server/hiring/panel';
import {
	updateNoticeSettings,
	updateReminderSettings
} from '../../../src/lib/server/notify/reminder-settings';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { mailOrigin as origin, useMailWorker } from '../helpers/mail-worker';
import { newCandidate, newOpening, newUser, submitAs } from '../../support/seed';

// Reminders through the real queue and a real SMTP server, with the worker's clock in the
// test's hand. Monday 7 December 2026; panelists in Berlin (UTC+1) get theirs at 09:00.

const at = (iso: string) => Date.parse(iso);
const { turnMailOn, mailsAt, subjectsAt } = useMailWorker();

async function setUp({
	interviewAt,
	createdAt,
	size = 1
}: {
	interviewAt: number;
	createdAt: number;
	size?: number;
}) {
	turnMailOn();
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter', name: 'Rita Recruiter' });
	const manager = await newUser(db, { name: 'Manager' });
	const panel = [];
	for (let i = 0; i < size; i++) {
		const panelist = await newUser(db, { name: `Panelist ${i}` });
		await updateNoticeSettings(db, panelist, { timeZone: 'Europe/Berlin', sendTime: 9 * 60 });
		panel.push(panelist);
	}
	const openingId = await newOpening(db, [manager]);
	const candidateId = await newCandidate(db, [openingId], 'Ada');
	const loop = await createLoop(
		db,
		recruiter,
		{
			candidateId,
			openingId,
			panel: panel.map((p) => ({ round: 0, interviewerIds: [p.id], scheduledAt: interviewAt }))
		},
		createdAt
	);
	const round = await db
		.selectFrom('loopRound')
		.select(['title', 'durationMinutes'])
		.where('loopId', '=', loop.loopId)
		.where('position', '=', 0)
		.executeTakeFirstOrThrow();
	const end = interviewAt + round.durationMinutes * minute;
	// The calendar invitations go first; the tests are about what follows.
	const atCreation = await subjectsAt(db, createdAt);
	const invitations = atCreation.filter((m) => m.includes(': Interview with Ada'));
	expect(invitations).toHaveLength(size);
	return { db, recruiter, manager, panel, openingId, loop, round: round.title, end, atCreation };
}

const monday = at('2026-12-07T08:00:00Z');

it('reminds an hour after the interview, each working morning, tells the managers at 24 hours, and stops on submit', async () => {
	const { db, recruiter, manager, panel, loop, round, end } = await setUp({
		interviewAt: monday,
		createdAt: monday - hour
	});
	const [panelist] = panel;
	const scorecardId = loop.scorecards[0]!.id;
	const reminder = `${panelist!.email}: Reminder: your scorecard for Ada · ${round}`;

	expect(await subjectsAt(db, end + 59 * minute)).toEqual([]);
	const [first] = await mailsAt(db, end + hour);
	expect(first!.subject).toBe(`Reminder: your scorecard for Ada · ${round}`);
	expect(first!.text).toContain(`Open your scorecard: ${origin}/interviews/${scorecardId}`);
	expect(first!.text).toContain('on Mon, 7 Dec 2026, 09:00 (Europe/Berlin)');

	expect(await subjectsAt(db, at('2026-12-08T07:59:00Z'))).toEqual([]);
	expect(await subjectsAt(db, at('2026-12-08T08:00:00Z'))).toEqual([reminder]);

	expect(await subjectsAt(db, end + 24 * hour - minute)).toEqual([]);
	const escalations = await mailsAt(db, end + 24 * hour);
	expect(escalations.map((m) => m.to && 'text' in m.to && m.to.text).sort()).toEqual(
		[manager.email, recruiter.email].sort()
	);
	for (const mail of escalations) {
		expect(mail.subject).toBe(`Overdue scorecard: Panelist 0 · Ada · ${round}`);
		expect(mail.text).toContain('Panelist 0 has not submitted their scorecard');
		expect(mail.text).toContain(`Open the loop: ${origin}/loops/${loop.loopId}`);
	}

	expect(await subjectsAt(db, at('2026-12-09T08:00:00Z'))).toEqual([reminder]);
	await submitAs(db, panelist!, scorecardId, { now: at('2026-12-09T10:00:00Z') });
	expect(await subjectsAt(db, at('2026-12-09T10:00:00Z'))).toEqual([
		`${manager.email}: Ready for debrief: Ada for ${await openingTitle(db, loop.loopId)}`
	]);
	expect(await subjectsAt(db, at('2026-12-21T08:00:00Z'))).toEqual([]);
	expect(await queuedReminders(db)).toBe(0);
});

async function openingTitle(db: DB, loopId: number): Promise<string> {
	const row = await db
		.selectFrom('loop')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.select('opening.title')
		.where('loop.id', '=', loopId)
		.executeTakeFirstOrThrow();
	return row.title;
}

async function queuedReminders(db: DB): Promise<number> {
	const rows = await db
		.selectFrom('job')
		.select('id')
		.where('kind', '=', 'reminder.send')
		.where('state', '=', 'queued')
		.execute();
	return rows.length;
}

it('keeps the weekend free: Friday afternoon’s interview is next reminded, and escalated, on Monday', async () => {
	const friday = at('2026-12-11T13:00:00Z');
	const { db, panel, round, end } = await setUp({ interviewAt: friday, createdAt: friday - day });
	const reminder = `${panel[0]!.email}: Reminder: your scorecard for Ada · ${round}`;
	expect(await subjectsAt(db, end + hour)).toEqual([reminder]);
	expect(await subjectsAt(db, at('2026-12-12T20:00:00Z'))).toEqual([]);
	expect(await subjectsAt(db, at('2026-12-13T20:00:00Z'))).toEqual([]);
	const monday = await subjectsAt(db, at('2026-12-14T08:00:00Z'));
	expect(monday).toContain(reminder);
	expect(monday.filter((m) => m.includes('Overdue scorecard: Panelist 0'))).toHaveLength(2);
});

describe('interviews entered after the fact', () => {
	it('reminds at once for an interview of the last 7 days, and escalates only with the next reminder', async () => {
		const wednesday = at('2026-12-09T12:00:00Z');
		const { db, panel, round, atCreation } = await setUp({ interviewAt: monday, createdAt: wednesday });
		const reminder = `${panel[0]!.email}: Reminder: your scorecard for Ada · ${round}`;
		expect(atCreation).toHaveLength(2);
		expect(atCreation).toContain(reminder);
		const thursday = await subjectsAt(db, at('2026-12-10T08:00:00Z'));
		expect(thursday).toContain(reminder);
		expect(thursday.filter((m) => m.includes('Overdue scorecard'))).toHaveLength(2);
	});

	it('sends nothing for an older interview', async () => {
		const { db } = await setUp({ interviewAt: monday, createdAt: monday + 8 * day });
		expect(await subjectsAt(db, monday + 20 * day)).toEqual([]);
		expect(await queuedReminders(db)).toBe(0);
	});
});

describe('reminders stop', () => {
	it('when the loop is decided, and never carry a colleague’s feedback', async () => {
		const { db, manager, panel, loop, round, end } = await setUp({
			interviewAt: monday,
			createdAt: monday - hour,
			size: 2
		});
		await submitAs(db, panel[0]!, loop.scorecards[0]!.id, { summary: 'A secret summary', now: end });
		const [reminder] = await mailsAt(db, end + hour);
		expect(reminder!.subject).toBe(`Reminder: your scorecard for Ada · ${round}`);
		expect(`${reminder!.text}${reminder!.html}`).not.toMatch(/secret summary|Evidence by/);
		await recordDecision(
			db,
			manager,
			loop.loopId,
			{
				outcome: 'no_hire',
				rationale: 'Enough seen.',
				dissent: '',
				attendeeIds: [manager.id],
				changeReason: ''
			},
			end + 2 * hour
		);
		expect(await subjectsAt(db, monday + 10 * day)).toEqual([]);
	});

	it('when the loop is cancelled', async () => {
		const { db, recruiter, loop, end } = await setUp({ interviewAt: monday, createdAt: monday - hour });
		await cancelLoop(db, recruiter, loop.loopId, 'Candidate withdrew', end + 30 * minute);
		const after = await subjectsAt(db, monday + 10 * day);
		expect(after.filter((m) => m.includes('Reminder') || m.includes('Overdue'))).toEqual([]);
		expect(await queuedReminders(db)).toBe(0);
	});

	it('when the seat is taken off the panel, or the opening turns reminders off', async () => {
		const { db, recruiter, openingId, loop, end } = await setUp({
			interviewAt: monday,
			createdAt: monday - hour,
			size: 2
		});
		await removeFromPanel(db, recruiter, loop.loopId, loop.scorecards[0]!.id, end);
		await updateReminderSettings(db, recruiter, openingId, {
			enabled: false,
			firstReminderMinutes: 60,
			escalationHours: 24
		});
		const after = await subjectsAt(db, monday + 10 * day);
		expect(after.filter((m) => m.includes('Reminder') || m.includes('Overdue'))).toEqual([]);
	});
});

it('moves with a rescheduled interview', async () => {
	const { db, recruiter, panel, loop, round, end } = await setUp({
		interviewAt: monday,
		createdAt: monday - hour
	});
	const tuesday = monday + day;
	await rescheduleInterview(
		db,
		recruiter,
		loop.loopId,
		loop.scorecards[0]!.id,
		tuesday,
		monday - 30 * minute
	);
	expect(await queuedReminders(db)).toBe(1);
	const moved = await subjectsAt(db, end + hour);
	expect(moved.filter((m) => m.includes('Reminder'))).toEqual([]);
	expect(await subjectsAt(db, end + day + hour)).toEqual([
		`${panel[0]!.email}: Reminder: your scorecard for Ada · ${round}`
	]);
});

import { describe, expect, it } from 'vitest';
import { defaultJobLeaseMs } from '../../../src/lib/domain/job-backoff';
import { day, hour } from '../../../src/lib/domain/time';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { rescheduleInterview } from '../../../src/lib/server/hiring/panel';
import { claimJob } from '../../../src/lib/server/jobs/run-jobs';
import { countUnreadNotices, listNotices } from '../../../src/lib/server/notify/notices';
import { feedbackAccess } from '../../../src/lib/server/access/feedback-access';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { updateNoticeSettings } from '../../../src/lib/server/notify/reminder-settings';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { mailOrigin as origin, subjects, useMailWorker } from '../helpers/mail-worker';
import { newCandidate, newOpening, newUser, submitAs, type SeededUser } from '../../support/seed';

// The daily digest through the real queue and a real SMTP server, the worker's clock in the
// test's hand. Monday 7 December 2026; the digest readers are in Tokyo (UTC+9) at 08:00.

const at = (iso: string) => Date.parse(iso);
const mondayNoonTokyo = at('2026-12-07T03:00:00Z');
const tuesdayEightTokyo = at('2026-12-07T23:00:00Z');
const { turnMailOn, mailsAt } = useMailWorker();

async function chooseDigest(db: DB, user: SeededUser, now = mondayNoonTokyo) {
	await updateNoticeSettings(db, user, { timeZone: 'Asia/Tokyo', sendTime: 8 * 60, mailMode: 'digest' }, now);
}

async function setUp({ interviewAt }: { interviewAt: number }) {
	turnMailOn();
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter', name: 'Rita Recruiter' });
	const digestManager = await newUser(db, { name: 'Dora Digest' });
	const manager = await newUser(db, { name: 'Ivan Immediate' });
	const interviewer = await newUser(db, { name: 'Pia Panelist' });
	await chooseDigest(db, digestManager);
	await chooseDigest(db, interviewer);
	const openingId = await newOpening(db, [digestManager, manager]);
	const candidateId = await newCandidate(db, [openingId], 'Ada');
	const loop = await createLoop(
		db,
		recruiter,
		{
			candidateId,
			openingId,
			panel: [{ round: 0, interviewerIds: [interviewer.id], scheduledAt: interviewAt }]
		},
		mondayNoonTokyo
	);
	return { db, recruiter, digestManager, manager, interviewer, loop, scorecardId: loop.scorecards[0]!.id };
}

it('mails a digest reader once a day at their send time, listing what is new with links; the bell and calendar at once', async () => {
	const { db, recruiter, interviewer, loop, scorecardId } = await setUp({
		interviewAt: at('2026-12-10T01:00:00Z')
	});
	await rescheduleInterview(
		db,
		recruiter,
		loop.loopId,
		scorecardId,
		at('2026-12-10T02:00:00Z'),
		mondayNoonTokyo
	);
	// The calendar invitations come at once; the notices are on the bell at once.
	expect(subjects(await mailsAt(db, mondayNoonTokyo))).toEqual([
		expect.stringContaining(`${interviewer.email}: Interview with Ada`),
		expect.stringContaining(`${interviewer.email}: Interview with Ada`)
	]);
	expect(await countUnreadNotices(db, interviewer)).toBe(2);

	expect(await mailsAt(db, tuesdayEightTokyo - 1)).toEqual([]);
	const [digest, ...others] = await mailsAt(db, tuesdayEightTokyo);
	expect(others).toEqual([]);
	expect(digest!.to).toMatchObject({ text: interviewer.email });
	expect(digest!.subject).toBe('Your Panelist digest: 2 new notices');
	expect(digest!.text).toMatch(/- Interview with Ada · .+, Thu, 10 Dec 2026, 10:00\n {2}https:\/\/panelist/);
	expect(digest!.text).toContain(`${origin}/interviews/${scorecardId}`);
	expect(digest!.html).toContain(`href="${origin}/interviews/${scorecardId}"`);
	expect(digest!.text).toContain(`Open your notifications: ${origin}/notifications`);

	// Nothing new: nothing sent, that day or the next.
	expect(await mailsAt(db, tuesdayEightTokyo + hour)).toEqual([]);
	expect(await mailsAt(db, tuesdayEightTokyo + day)).toEqual([]);
});

it('holds a loop ready for debrief for the digest, while reminders and other readers’ mails come at once', async () => {
	// Ended two hours before: the first reminder goes at once (the backfill rule).
	const { db, digestManager, manager, interviewer, loop, scorecardId } = await setUp({
		interviewAt: mondayNoonTokyo - 3 * hour
	});
	const atOnce = subjects(await mailsAt(db, mondayNoonTokyo));
	expect(atOnce).toContainEqual(
		expect.stringMatching(new RegExp(`^${interviewer.email}: Reminder: your scorecard`))
	);

	await submitAs(db, interviewer, scorecardId, { summary: 'A secret summary', now: mondayNoonTokyo + hour });
	expect(subjects(await mailsAt(db, mondayNoonTokyo + hour))).toEqual([
		expect.stringMatching(new RegExp(`^${manager.email}: Ready for debrief: Ada for `))
	]);
	const digests = await mailsAt(db, tuesdayEightTokyo);
	const toManager = digests.find((m) => m.to && 'text' in m.to && m.to.text === digestManager.email);
	expect(toManager!.subject).toBe('Your Panelist digest: 1 new notice');
	expect(toManager!.text).toMatch(/- Ready for debrief: Ada for Opening /);
	expect(toManager!.text).toContain(`${origin}/loops/${loop.loopId}/debrief`);
	// The interviewer's digest has their invitation only: the reminder came at once and is not repeated.
	const toInterviewer = digests.find((m) => m.to && 'text' in m.to && m.to.text === interviewer.email);
	expect(toInterviewer?.text ?? '').not.toContain('Scorecard not in yet');
});

it('sends each day’s digest once: a worker dying mid-run, or a send time moved later that day, adds none', async () => {
	const { db, recruiter, interviewer, loop, scorecardId } = await setUp({
		interviewAt: at('2026-12-10T01:00:00Z')
	});
	await rescheduleInterview(
		db,
		recruiter,
		loop.loopId,
		scorecardId,
		at('2026-12-10T02:00:00Z'),
		mondayNoonTokyo
	);
	await mailsAt(db, mondayNoonTokyo);
	// A worker claims the digest and is killed before it finishes; the next one takes it over.
	expect(await claimJob(db, 'killed-worker', tuesdayEightTokyo)).toMatchObject({
		key: expect.stringMatching(/^digest:/)
	});
	expect(await mailsAt(db, tuesdayEightTokyo + 1)).toEqual([]);
	expect(subjects(await mailsAt(db, tuesdayEightTokyo + defaultJobLeaseMs))).toEqual([
		`${interviewer.email}: Your Panelist digest: 2 new notices`
	]);

	// Something new after that day's digest, and the send time moved to 20:00: tomorrow's, not another today.
	const later = tuesdayEightTokyo + 2 * hour;
	await rescheduleInterview(db, recruiter, loop.loopId, scorecardId, at('2026-12-10T03:00:00Z'), later);
	await updateNoticeSettings(
		db,
		interviewer,
		{ timeZone: 'Asia/Tokyo', sendTime: 20 * 60, mailMode: 'digest' },
		later
	);
	expect(subjects(await mailsAt(db, at('2026-12-08T11:00:00Z')))).toEqual([
		expect.stringContaining('Interview with Ada')
	]);
	expect(subjects(await mailsAt(db, at('2026-12-09T11:00:00Z')))).toEqual([
		`${interviewer.email}: Your Panelist digest: 1 new notice`
	]);
});

it('gives a notice that comes while its day’s digest is running to the next day’s', async () => {
	const { db, recruiter, interviewer, loop, scorecardId } = await setUp({
		interviewAt: at('2026-12-10T01:00:00Z')
	});
	await mailsAt(db, mondayNoonTokyo);
	await claimJob(db, 'busy-worker', tuesdayEightTokyo);
	await rescheduleInterview(
		db,
		recruiter,
		loop.loopId,
		scorecardId,
		at('2026-12-10T02:00:00Z'),
		tuesdayEightTokyo
	);
	const digests = await db
		.selectFrom('job')
		.select(['key', 'state'])
		.where('kind', '=', 'notice.digest')
		.orderBy('key')
		.execute();
	expect(digests).toEqual([
		{ key: `digest:${interviewer.id}:2026-12-08`, state: 'running' },
		{ key: `digest:${interviewer.id}:2026-12-09`, state: 'queued' }
	]);
});

// A pending panelist who runs the opening: Rhea (a recruiter, daily digest) and Hana (a hiring
// manager, mails at once) sit on the panel, Colin has submitted a damning card, Lars is late and
// Rita has decided. In strict mode Hana has submitted too, and waits for Lars like everyone else.
describe.each([
	{ mode: 'after own', templateName: 'Senior Software Engineer', strict: false },
	{ mode: 'strict', templateName: 'Engineering Manager', strict: true }
])('in $mode mode, a pending panelist who runs the opening', ({ templateName, strict }) => {
	it('gets notices, mails and a digest naming the loop, never a colleague’s feedback or the decision', async () => {
		turnMailOn();
		const db = freshDb();
		const rita = await newUser(db, { role: 'recruiter', name: 'Rita Recruiter' });
		const lead = await newUser(db, { role: 'recruiter', name: 'Rhea Runs-the-opening' });
		const manager = await newUser(db, { name: 'Hana Hiring-manager' });
		const colleague = await newUser(db, { name: 'Colin Colleague' });
		const late = await newUser(db, { name: 'Lars Late' });
		await chooseDigest(db, lead);
		const openingId = await newOpening(db, [lead, manager], { templateName });
		const candidateId = await newCandidate(db, [openingId], 'Ada');
		const interviewAt = mondayNoonTokyo - 2 * day;
		const loop = await createLoop(
			db,
			lead,
			{
				candidateId,
				openingId,
				panel: [lead, manager, colleague, late].map((who, round) => ({
					round,
					interviewerIds: [who.id],
					scheduledAt: interviewAt
				}))
			},
			mondayNoonTokyo
		);
		const seatOf = (who: SeededUser) => loop.scorecards.find((s) => s.interviewerId === who.id)!.id;
		await submitAs(db, colleague, seatOf(colleague), {
			summary: 'A secret summary',
			rating: 1,
			now: mondayNoonTokyo + hour
		});
		if (strict) await submitAs(db, manager, seatOf(manager), { now: mondayNoonTokyo + hour });
		expect(await feedbackAccess(db, lead, loop.loopId)).toMatchObject({
			visible: false,
			reason: 'own_pending'
		});
		expect(await feedbackAccess(db, manager, loop.loopId)).toMatchObject({
			visible: false,
			reason: strict ? 'panel_pending' : 'own_pending'
		});
		// A day of reminders and escalations of the late seats, then a decision while they are still late.
		const mails = [
			...(await mailsAt(db, mondayNoonTokyo + hour)),
			...(await mailsAt(db, mondayNoonTokyo + day))
		];
		await recordDecision(
			db,
			rita,
			loop.loopId,
			{
				outcome: 'hire',
				rationale: 'A secret rationale',
				dissent: '',
				attendeeIds: [rita.id],
				changeReason: ''
			},
			mondayNoonTokyo + day
		);
		mails.push(...(await mailsAt(db, mondayNoonTokyo + 3 * day)));
		const to = (who: SeededUser) => mails.filter((m) => m.to && 'text' in m.to && m.to.text === who.email);
		const [digest] = to(lead).filter((m) => m.subject?.startsWith('Your Panelist digest'));
		expect(digest!.text).toContain('Interview with Ada');
		expect(to(manager).map((m) => m.subject)).toContainEqual(
			expect.stringMatching(/^Overdue scorecard: Lars Late/)
		);
		const bell = [...(await listNotices(db, lead)), ...(await listNotices(db, manager))];
		expect(bell.map((n) => n.title)).toContainEqual(expect.stringMatching(/^Overdue scorecard: Lars Late/));

		const sent = JSON.stringify([
			bell,
			[...to(lead), ...to(manager)].map((m) => [m.subject, m.text, m.html])
		]);
		expect(sent).not.toMatch(/secret|Evidence by|Summary by|Strong no|\bhire\b|decided/i);
	});
});

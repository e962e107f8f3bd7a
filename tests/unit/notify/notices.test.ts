import { afterEach, expect, it } from 'vitest';
import { day, hour } from '../../../src/lib/domain/time';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import '../../../src/lib/server/jobs/job-kinds';
import { configureMail } from '../../../src/lib/server/mail/mail-settings';
import {
	countUnreadNotices,
	listNotices,
	markAllNoticesRead,
	markNoticeRead
} from '../../../src/lib/server/notify/notices';
import { NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newLoop, submitAs } from '../../support/seed';

afterEach(() => configureMail(null));

it('tells panelists of their seat and hiring managers of a loop ready for debrief, mail or not', async () => {
	const db = freshDb();
	const { loopId, scorecards, panel, manager } = await newLoop(db, { size: 1, at: Date.now() + day });
	const [invitation] = await listNotices(db, panel[0]!);
	expect(invitation).toMatchObject({
		kind: 'invitation',
		href: `/interviews/${scorecards[0]!.id}`,
		readAt: null
	});
	expect(invitation!.title).toMatch(/^Interview with Ada · /);
	expect(await countUnreadNotices(db, manager)).toBe(0);

	await submitAs(db, panel[0]!, scorecards[0]!.id, { summary: 'A secret summary' });
	const notices = await listNotices(db, manager);
	expect(notices).toEqual([
		expect.objectContaining({ kind: 'ready_for_debrief', href: `/loops/${loopId}/debrief` })
	]);
	expect(JSON.stringify(notices)).not.toContain('secret summary');
});

it('lists reminders and escalations beside their mails, each linking to the exact page', async () => {
	configureMail({ smtpUrl: 'smtp://127.0.0.1:9', from: 'panelist@example.com', origin: 'https://x.example' });
	const db = freshDb();
	// Ended two days ago: the first reminder is at once, the escalation with the next one.
	const { loopId, scorecards, panel, manager } = await newLoop(db, { size: 1, at: Date.now() - 2 * day });
	await runDueJobs(db, { now: () => Date.now(), maxAttempts: 1 });
	expect((await listNotices(db, panel[0]!)).map((n) => [n.kind, n.href])).toContainEqual([
		'reminder',
		`/interviews/${scorecards[0]!.id}`
	]);
	await runDueJobs(db, { now: () => Date.now() + 4 * day, maxAttempts: 1 });
	expect((await listNotices(db, manager)).map((n) => [n.kind, n.href, n.title])).toContainEqual([
		'escalation',
		`/loops/${loopId}`,
		expect.stringMatching(/^Overdue scorecard: Panelist 0 · Ada · /)
	]);
});

it('marks one’s own notices read, one or all, and never someone else’s', async () => {
	const db = freshDb();
	const { panel } = await newLoop(db, { size: 2, at: Date.now() + hour });
	const [mine] = await listNotices(db, panel[0]!);
	await expect(markNoticeRead(db, panel[1]!, mine!.id)).rejects.toThrow(NotFoundError);
	expect(await countUnreadNotices(db, panel[0]!)).toBe(1);
	await markNoticeRead(db, panel[0]!, mine!.id);
	expect(await countUnreadNotices(db, panel[0]!)).toBe(0);
	expect(await countUnreadNotices(db, panel[1]!)).toBe(1);
	await markAllNoticesRead(db, panel[1]!);
	expect(await countUnreadNotices(db, panel[1]!)).toBe(0);
});

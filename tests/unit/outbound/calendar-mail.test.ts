import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import {
	addToPanel,
	cancelLoop,
	removeFromPanel,
	rescheduleInterview
} from '../../../src/lib/server/hiring/panel';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { freshDb } from '../helpers/db';
import { mailOrigin as origin, useMailWorker } from '../helpers/mail-worker';
import { newLoop, newUser } from '../../support/seed';
import { parseCalendar } from '../../support/icalendar';

const t0 = Date.UTC(2026, 11, 3, 9);
const { turnMailOn, mailbox } = useMailWorker();

/** The invitation a mail carries, as a calendar client reads it. */
function invitationIn(mail: ParsedMail) {
	const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
	if (!part) throw new Error(`No calendar in "${mail.subject}"`);
	const parsed = parseCalendar(part.content.toString('utf8'));
	expect(parsed.events).toHaveLength(1);
	return { method: parsed.method, ...parsed.events[0]! };
}

describe('calendar invitations by mail', () => {
	it('invite each new seat, update it with a higher SEQUENCE, and cancel it on removal or cancellation', async () => {
		turnMailOn();
		const db = freshDb();
		const { recruiter, loopId, scorecards, panel, rounds } = await newLoop(db, { size: 2, at: t0 });
		await runDueJobs(db);
		const invited = await mailbox().waitForCount(2);
		const toP0 = invited.find((m) => m.to && 'text' in m.to && m.to.text === panel[0]!.email)!;
		const seat = scorecards[0]!.id;
		const uid = `interview-${seat}@panelist.example.com`;
		expect(toP0.subject).toBe(`Interview with Ada · ${rounds[0]!.title}, Thu, 3 Dec 2026, 09:00 UTC`);
		expect(toP0.text).toContain(`Open the interview kit: ${origin}/interviews/${seat}`);
		expect(invitationIn(toP0)).toMatchObject({
			method: 'REQUEST',
			uid,
			sequence: 0,
			start: t0,
			organizer: 'mailto:panelist@example.com',
			attendees: [`mailto:${panel[0]!.email}`],
			url: `${origin}/interviews/${seat}`
		});

		await rescheduleInterview(db, recruiter, loopId, seat, t0 + 2 * hour);
		await runDueJobs(db);
		const [, , moved] = await mailbox().waitForCount(3);
		expect(invitationIn(moved!)).toMatchObject({ method: 'REQUEST', uid, sequence: 1, start: t0 + 2 * hour });

		await removeFromPanel(db, recruiter, loopId, seat);
		await runDueJobs(db);
		const [, , , removed] = await mailbox().waitForCount(4);
		expect(removed!.subject).toMatch(/^Cancelled: Interview with Ada/);
		expect(invitationIn(removed!)).toMatchObject({ method: 'CANCEL', uid, sequence: 2, status: 'CANCELLED' });

		const sam = await newUser(db, { name: 'Sam' });
		await addToPanel(db, recruiter, loopId, {
			roundId: rounds[3]!.id,
			interviewerIds: [sam.id],
			scheduledAt: t0
		});
		await cancelLoop(db, recruiter, loopId, 'Withdrew');
		await runDueJobs(db);
		const all = await mailbox().waitForCount(7);
		const last = all.slice(4).map((m) => [m.to && 'text' in m.to ? m.to.text : '', invitationIn(m).method]);
		expect(last.sort()).toEqual(
			[
				[sam.email, 'REQUEST'],
				[sam.email, 'CANCEL'],
				[panel[1]!.email, 'CANCEL']
			].sort()
		);
	});

	it('sends nothing and numbers nothing while mail is off', async () => {
		const db = freshDb();
		await newLoop(db, { size: 2, at: t0 });
		expect(await db.selectFrom('job').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('calendarInvitation').select('scorecardId').execute()).toEqual([]);
	});
});

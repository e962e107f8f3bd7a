import { describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import { cancelLoop, removeFromPanel, rescheduleInterview } from '../../../src/lib/server/hiring/panel';
import { buildInvitation } from '../../../src/lib/server/outbound/calendar';
import {
	recordLoopCancellation,
	recordSeatInvitation,
	recordSeatRemoval,
	type Invitation
} from '../../../src/lib/server/outbound/calendar-invitations';
import { freshDb } from '../helpers/db';
import { newLoop } from '../../support/seed';
import { parseCalendar } from '../../support/icalendar';

const origin = 'https://panelist.example.com';
const t0 = Date.UTC(2026, 11, 3, 9);
const parties = {
	organizer: { name: 'Panelist', email: 'panelist@example.com' },
	attendee: { name: 'Panelist 0', email: 'p0@example.com' }
};

/** The invitation as the interviewer's mail client reads it. */
const read = (invitation: Invitation) => {
	const { method, events } = parseCalendar(buildInvitation(invitation.event, origin, parties));
	expect(events).toHaveLength(1);
	return { method, ...events[0]! };
};

describe('calendar invitations', () => {
	it('invite a seat with a REQUEST, send a newer SEQUENCE on a new time, and CANCEL on removal, all with one UID', async () => {
		const db = freshDb();
		const { recruiter, loopId, scorecards, panel } = await newLoop(db, { size: 2, at: t0 });
		const seat = scorecards[1]!;
		const uid = `interview-${seat.id}@panelist.example.com`;

		const first = (await recordSeatInvitation(db, seat.id, origin))!;
		expect(first.interviewerId).toBe(panel[1]!.id);
		const invited = read(first);
		expect(invited).toMatchObject({
			method: 'REQUEST',
			uid,
			sequence: 0,
			start: t0 + hour,
			status: 'CONFIRMED'
		});
		expect(invited.url).toBe(`${origin}/interviews/${seat.id}`);
		expect(invited.description).toContain(`${origin}/interviews/${seat.id}`);
		expect(invited.summary).toContain('Ada');
		expect(invited.organizer).toBe('mailto:panelist@example.com');
		expect(invited.attendees).toEqual(['mailto:p0@example.com']);
		// Nothing changed: nothing to send.
		expect(await recordSeatInvitation(db, seat.id, origin)).toBeNull();

		await rescheduleInterview(db, recruiter, loopId, seat.id, t0 + 3 * hour);
		const moved = read((await recordSeatInvitation(db, seat.id, origin))!);
		expect(moved).toMatchObject({ method: 'REQUEST', uid, sequence: 1, start: t0 + 3 * hour });

		await removeFromPanel(db, recruiter, loopId, seat.id);
		const [removed, ...more] = await recordSeatRemoval(db, seat.id, origin);
		expect(more).toEqual([]);
		expect(removed!.interviewerId).toBe(panel[1]!.id);
		expect(read(removed!)).toMatchObject({ method: 'CANCEL', uid, sequence: 2, status: 'CANCELLED' });
		expect(await recordSeatRemoval(db, seat.id, origin)).toEqual([]);
	});

	it('cancel every standing invitation of a cancelled loop, once, and invite nobody to it after', async () => {
		const db = freshDb();
		const { recruiter, loopId, scorecards } = await newLoop(db, { size: 3, at: t0 });
		for (const seat of scorecards.slice(0, 2)) await recordSeatInvitation(db, seat.id, origin);

		await cancelLoop(db, recruiter, loopId, 'Withdrew');
		const cancelled = await recordLoopCancellation(db, loopId, origin);
		expect(cancelled.map((i) => [i.event.scorecardId, i.method, i.event.sequence])).toEqual([
			[scorecards[0]!.id, 'CANCEL', 1],
			[scorecards[1]!.id, 'CANCEL', 1]
		]);
		expect(await recordLoopCancellation(db, loopId, origin)).toEqual([]);
		expect(await recordSeatInvitation(db, scorecards[2]!.id, origin)).toBeNull();
	});
});

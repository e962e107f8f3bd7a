import { describe, expect, it } from 'vitest';
import { hour, minute } from '../../../src/lib/domain/time';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { cancelLoop } from '../../../src/lib/server/hiring/panel';
import {
	createCalendarFeed,
	getCalendarFeedStatus,
	readCalendarFeed,
	revokeCalendarFeed
} from '../../../src/lib/server/outbound/calendar-feed';
import { freshDb } from '../helpers/db';
import { newLoop, newUser, submitAs } from '../../support/seed';
import { parseCalendar } from '../../support/icalendar';

const origin = 'https://panelist.example.com';
const t0 = Date.UTC(2026, 11, 3, 9);

describe('the calendar feed', () => {
	it('lists only the interviewer’s own interviews, with stable UIDs, times and the kit’s link, and no feedback', async () => {
		const db = freshDb();
		const loop = await newLoop(db, { size: 3, at: t0 });
		const [ana, ben] = loop.panel;
		const second = await newLoop(db, { size: 1, at: t0 + 24 * hour });
		// Ben's feedback is in; someone else's loop is on the same day.
		await submitAs(db, ben!, loop.scorecards[1]!.id, { summary: 'Confidential summary by Ben' });
		const token = await createCalendarFeed(db, ana!, t0);
		expect(token).toMatch(/^pcal_[a-z0-9]{24}\.[a-z0-9]{24}$/);
		expect(await getCalendarFeedStatus(db, ana!)).toEqual({ createdAt: t0 });

		const text = (await readCalendarFeed(db, token, origin))!;
		const parsed = parseCalendar(text);
		expect(parsed.method).toBeNull();
		const seat = loop.scorecards[0]!;
		expect(parsed.events).toHaveLength(1);
		const [event] = parsed.events;
		expect(event).toMatchObject({
			uid: `interview-${seat.id}@panelist.example.com`,
			sequence: 0,
			start: t0,
			url: `${origin}/interviews/${seat.id}`,
			status: 'CONFIRMED'
		});
		const round = await db
			.selectFrom('loopRound')
			.select('durationMinutes')
			.where('id', '=', seat.roundId)
			.executeTakeFirstOrThrow();
		expect(event!.end - event!.start).toBe(round.durationMinutes * minute);
		expect(event!.summary).toContain('Ada');
		expect(event!.summary).toContain(loop.rounds[0]!.title);
		expect(event!.description).toContain(`${origin}/interviews/${seat.id}`);
		expect(text).not.toContain('Confidential summary');
		expect(text).not.toContain(String(second.scorecards[0]!.id) + '@');

		// Ben's own feed has his interview, submitted or not, and still none of the scorecard's content.
		const bens = (await readCalendarFeed(db, await createCalendarFeed(db, ben!), origin))!;
		expect(parseCalendar(bens).events.map((e) => e.uid)).toEqual([
			`interview-${loop.scorecards[1]!.id}@panelist.example.com`
		]);
		expect(bens).not.toContain('Confidential summary');
	});

	it('drops a cancelled loop’s interviews', async () => {
		const db = freshDb();
		const loop = await newLoop(db, { size: 1, at: t0 });
		const token = await createCalendarFeed(db, loop.panel[0]!);
		expect(parseCalendar((await readCalendarFeed(db, token, origin))!).events).toHaveLength(1);
		await cancelLoop(db, loop.recruiter, loop.loopId, 'The candidate withdrew');
		expect(parseCalendar((await readCalendarFeed(db, token, origin))!).events).toEqual([]);
	});

	it('keeps only a hash; a new address stops the old one, and revoking or deactivation stops it at once', async () => {
		const db = freshDb();
		const user = await newUser(db);
		const first = await createCalendarFeed(db, user);
		const row = await db.selectFrom('calendarFeed').selectAll().executeTakeFirstOrThrow();
		expect(Buffer.from(row.secretHash).toString('latin1')).not.toContain(first.split('.')[1]);

		const second = await createCalendarFeed(db, user);
		expect(await readCalendarFeed(db, first, origin)).toBeNull();
		expect(await readCalendarFeed(db, second, origin)).toContain('BEGIN:VCALENDAR');
		for (const wrong of ['', 'pcal_x.y', second.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))]) {
			expect(await readCalendarFeed(db, wrong, origin)).toBeNull();
		}

		await revokeCalendarFeed(db, user);
		expect(await readCalendarFeed(db, second, origin)).toBeNull();
		expect(await getCalendarFeedStatus(db, user)).toBeNull();

		const third = await createCalendarFeed(db, user);
		const admin = await newUser(db, { role: 'admin' });
		await deactivateUser(db, admin, user.id);
		expect(await readCalendarFeed(db, third, origin)).toBeNull();
	});
});

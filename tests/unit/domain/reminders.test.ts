import { describe, expect, it } from 'vitest';
import {
	defaultReminderSettings,
	nextWorkingSendTime,
	noticeSettingsSchema,
	planFirstReminder,
	planNextReminder,
	reminderSettingsSchema,
	type ReminderProgress
} from '../../../src/lib/domain/reminders';
import { day, hour, minute } from '../../../src/lib/domain/time';

const at = (iso: string) => Date.parse(iso);
const nine = 9 * 60;

describe('the first reminder', () => {
	const end = at('2026-12-07T10:00:00Z');

	it('comes an hour after the interview ends, or after the opening’s own delay', () => {
		expect(planFirstReminder(end, end - 2 * hour, defaultReminderSettings)).toEqual({
			at: end + hour,
			remind: true,
			escalate: false
		});
		const settings = { ...defaultReminderSettings, firstReminderMinutes: 15 };
		expect(planFirstReminder(end, end - 2 * hour, settings)?.at).toBe(end + 15 * minute);
	});

	it('comes at once for an interview entered after the fact within the last 7 days', () => {
		const now = end + 3 * day;
		expect(planFirstReminder(end, now, defaultReminderSettings)?.at).toBe(now);
	});

	it('never comes for an older interview, or when the opening turned reminders off', () => {
		expect(planFirstReminder(end, end + 7 * day + minute, defaultReminderSettings)).toBeNull();
		expect(planFirstReminder(end, end - hour, { ...defaultReminderSettings, enabled: false })).toBeNull();
	});
});

describe('working-day reminders', () => {
	it('come at the send time of the next working day in the interviewer’s zone', () => {
		// Monday 15:00 in Berlin: Tuesday 09:00 Berlin is 08:00 UTC.
		expect(nextWorkingSendTime(at('2026-12-07T14:00:00Z'), 'Europe/Berlin', nine)).toBe(
			at('2026-12-08T08:00:00Z')
		);
		expect(nextWorkingSendTime(at('2026-12-07T14:00:00Z'), 'Europe/Berlin', 7 * 60 + 30)).toBe(
			at('2026-12-08T06:30:00Z')
		);
	});

	it('skip the weekend: Friday’s next is Monday', () => {
		expect(nextWorkingSendTime(at('2026-12-11T12:00:00Z'), 'Europe/Berlin', nine)).toBe(
			at('2026-12-14T08:00:00Z')
		);
	});

	it('follow the interviewer’s own day, not the server’s', () => {
		// 23:30 UTC on Monday is still Monday in New York, already Tuesday in Berlin.
		const late = at('2026-12-07T23:30:00Z');
		expect(nextWorkingSendTime(late, 'America/New_York', nine)).toBe(at('2026-12-08T14:00:00Z'));
		expect(nextWorkingSendTime(late, 'Europe/Berlin', nine)).toBe(at('2026-12-09T08:00:00Z'));
		// Friday evening in Los Angeles is Saturday morning in Tokyo: Tokyo waits for Monday.
		const friday = at('2026-12-11T23:00:00Z');
		expect(nextWorkingSendTime(friday, 'America/Los_Angeles', nine)).toBe(at('2026-12-14T17:00:00Z'));
		expect(nextWorkingSendTime(friday, 'Asia/Tokyo', nine)).toBe(at('2026-12-14T00:00:00Z'));
	});

	it('keep the local send time across a change of daylight saving time', () => {
		// Friday 27 March 2026 in Berlin, then Monday 30 March in summer time (UTC+2).
		expect(nextWorkingSendTime(at('2026-03-27T10:00:00Z'), 'Europe/Berlin', nine)).toBe(
			at('2026-03-30T07:00:00Z')
		);
	});
});

describe('escalation', () => {
	const end = at('2026-12-07T10:00:00Z');
	const base: ReminderProgress = {
		interviewEnd: end,
		lastRemindedAt: end + hour,
		now: end + hour,
		escalated: false,
		settings: defaultReminderSettings,
		timeZone: 'Europe/Berlin',
		sendMinutes: nine
	};

	it('follows the first reminder with the next morning’s, then tells the managers at 24 hours overdue', () => {
		const second = planNextReminder(base);
		expect(second).toEqual({ at: at('2026-12-08T08:00:00Z'), remind: true, escalate: false });
		const third = planNextReminder({ ...base, lastRemindedAt: second.at, now: second.at });
		expect(third).toEqual({ at: end + 24 * hour, remind: false, escalate: true });
		const fourth = planNextReminder({
			...base,
			lastRemindedAt: second.at,
			now: third.at,
			escalated: true
		});
		expect(fourth).toEqual({ at: at('2026-12-09T08:00:00Z'), remind: true, escalate: false });
	});

	it('comes with a reminder when both fall due together, and only once', () => {
		// 46 hours after Monday 10:00 UTC is Wednesday 08:00 UTC, 09:00 in Berlin.
		const settings = { ...defaultReminderSettings, escalationHours: 46 };
		const tuesday = at('2026-12-08T08:00:00Z');
		const plan = planNextReminder({ ...base, settings, lastRemindedAt: tuesday, now: tuesday });
		expect(plan).toEqual({ at: at('2026-12-09T08:00:00Z'), remind: true, escalate: true });
		const next = planNextReminder({
			...base,
			settings,
			lastRemindedAt: plan.at,
			now: plan.at,
			escalated: true
		});
		expect(next).toEqual({ at: at('2026-12-10T08:00:00Z'), remind: true, escalate: false });
	});

	it('waits for the next reminder when a backfilled interview is already long overdue', () => {
		const now = end + 3 * day;
		const plan = planNextReminder({ ...base, lastRemindedAt: now, now });
		expect(plan).toEqual({ at: at('2026-12-11T08:00:00Z'), remind: true, escalate: true });
	});

	it('waits for Monday’s reminder when it would fall on a weekend', () => {
		const friday = at('2026-12-11T14:00:00Z');
		const progress = { ...base, interviewEnd: friday, lastRemindedAt: friday + hour, now: friday + hour };
		expect(planNextReminder(progress)).toEqual({
			at: at('2026-12-14T08:00:00Z'),
			remind: true,
			escalate: true
		});
	});

	it('sends one reminder, not the missed ones, after the worker was down for days', () => {
		const now = at('2026-12-10T12:00:00Z');
		const plan = planNextReminder({ ...base, escalated: true, now });
		expect(plan).toEqual({ at: at('2026-12-11T08:00:00Z'), remind: true, escalate: false });
	});
});

describe('settings forms', () => {
	it('reads the opening’s settings with specific messages for bad input', () => {
		expect(
			reminderSettingsSchema.parse({ enabled: 'on', firstReminderMinutes: '30', escalationHours: '48' })
		).toEqual({ enabled: true, firstReminderMinutes: 30, escalationHours: 48 });
		expect(reminderSettingsSchema.parse({ firstReminderMinutes: '60', escalationHours: '24' }).enabled).toBe(
			false
		);
		const bad = reminderSettingsSchema.safeParse({ firstReminderMinutes: '-5', escalationHours: '0' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual([
			'Enter 0 minutes or more',
			'Enter at least 1 hour'
		]);
	});

	it('reads a person’s zone and send time', () => {
		expect(noticeSettingsSchema.parse({ timeZone: 'Asia/Tokyo', sendTime: '08:30' })).toEqual({
			timeZone: 'Asia/Tokyo',
			sendTime: 510,
			mailMode: 'immediate'
		});
		const bad = noticeSettingsSchema.safeParse({ timeZone: 'Mars/Olympus', sendTime: '25:00' });
		expect(bad.error?.issues.map((i) => i.message)).toEqual([
			'Choose a time zone from the list, like Europe/Berlin',
			'Enter a time of day, like 09:00'
		]);
	});
});

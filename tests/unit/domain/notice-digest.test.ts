import { describe, expect, it } from 'vitest';
import { isDigestible, planDigest } from '../../../src/lib/domain/notice-digest';
import { noticeSettingsSchema } from '../../../src/lib/domain/reminders';

const at = (iso: string) => Date.parse(iso);
const nine = 9 * 60;

describe('the daily digest', () => {
	it('goes at the send time in the person’s zone: today if still ahead, else tomorrow', () => {
		// Monday 7 December 2026, 08:00 in Berlin (UTC+1).
		expect(planDigest(at('2026-12-07T07:00:00Z'), 'Europe/Berlin', nine, null)).toEqual({
			at: at('2026-12-07T08:00:00Z'),
			day: '2026-12-07'
		});
		expect(planDigest(at('2026-12-07T08:30:00Z'), 'Europe/Berlin', nine, null)).toEqual({
			at: at('2026-12-08T08:00:00Z'),
			day: '2026-12-08'
		});
	});

	it('counts days in the person’s zone, far from UTC on either side', () => {
		// Monday noon in UTC is already Tuesday 02:00 on Kiritimati (UTC+14) and Monday 01:00 in Pago Pago (UTC-11).
		expect(planDigest(at('2026-12-07T12:00:00Z'), 'Pacific/Kiritimati', nine, null)).toEqual({
			at: at('2026-12-07T19:00:00Z'),
			day: '2026-12-08'
		});
		expect(planDigest(at('2026-12-07T12:00:00Z'), 'Pacific/Pago_Pago', nine, null)).toEqual({
			at: at('2026-12-07T20:00:00Z'),
			day: '2026-12-07'
		});
	});

	it('never sends a second digest on a day that had one, even when the send time moves later', () => {
		// The 09:00 digest went; the person now wants 17:00: the next is tomorrow's.
		expect(planDigest(at('2026-12-07T09:00:00Z'), 'Europe/Berlin', 17 * 60, '2026-12-07')).toEqual({
			at: at('2026-12-08T16:00:00Z'),
			day: '2026-12-08'
		});
		// Moved to a zone where it is still the day before: the day after the last digest, not before.
		expect(planDigest(at('2026-12-07T09:00:00Z'), 'Pacific/Pago_Pago', nine, '2026-12-08')).toEqual({
			at: at('2026-12-09T20:00:00Z'),
			day: '2026-12-09'
		});
	});

	it('goes on weekends too, when there is something new', () => {
		// Saturday 12 December 2026.
		expect(planDigest(at('2026-12-12T06:00:00Z'), 'Europe/Berlin', nine, '2026-12-11').day).toBe(
			'2026-12-12'
		);
	});

	it('keeps the local send time across a change of daylight saving time, and a skipped hour stays that day', () => {
		// Berlin moves from UTC+1 to UTC+2 on Sunday 28 March 2027.
		expect(planDigest(at('2027-03-27T09:00:00Z'), 'Europe/Berlin', nine, '2027-03-27')).toEqual({
			at: at('2027-03-28T07:00:00Z'),
			day: '2027-03-28'
		});
		// 02:30 does not exist that night: the digest comes an hour later, still on the 28th.
		const skipped = planDigest(at('2027-03-28T00:00:00Z'), 'Europe/Berlin', 150, '2027-03-27');
		expect(skipped.day).toBe('2027-03-28');
		expect(skipped.at).toBe(at('2027-03-28T01:30:00Z'));
	});
});

it('keeps reminders and escalations out of the digest, and everything else in', () => {
	expect(['reminder', 'escalation'].map(isDigestible)).toEqual([false, false]);
	expect(['invitation', 'ready_for_debrief'].map(isDigestible)).toEqual([true, true]);
});

it('reads the mail choice from the settings form, at once unless the digest is chosen', () => {
	const base = { timeZone: 'Europe/Berlin', sendTime: '09:00' };
	expect(noticeSettingsSchema.parse(base).mailMode).toBe('immediate');
	expect(noticeSettingsSchema.parse({ ...base, mailMode: 'digest' }).mailMode).toBe('digest');
	const wrong = noticeSettingsSchema.safeParse({ ...base, mailMode: 'weekly' });
	expect(wrong.error?.issues[0]?.message).toBe('Choose at once or a daily digest');
});

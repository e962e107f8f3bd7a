import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { toLocalDate } from './local-time';

// The daily digest (issue 16, decision 027): whoever chooses it gets their non-urgent notices
// (invitations, loops ready for debrief, anything but reminders and escalations) in one mail a
// day at their send time, in their zone, on any day of the week that has something new.
// Pure, so the clock is the caller's.

export const mailModes = ['immediate', 'digest'] as const;
export type MailMode = (typeof mailModes)[number];

export const mailModeLabels: Record<MailMode, string> = {
	immediate: 'At once, one mail each',
	digest: 'In one daily digest'
};

export const mailModeSchema = z.enum(mailModes, { error: 'Choose at once or a daily digest' });

/** Reminders and escalations are about a late scorecard: they never wait for a digest. */
const urgentKinds: readonly string[] = ['reminder', 'escalation'];

export function isDigestible(kind: string): boolean {
	return !urgentKinds.includes(kind);
}

/** When the next digest goes, and the local day it counts for (its once-a-day key). */
export interface DigestSlot {
	at: number;
	day: string;
}

/**
 * The first send time at or after `now`, in the zone, on a day after `lastDigestOn` (the local
 * day of the last digest): a day has one digest at most, even when the send time moves later.
 */
export function planDigest(
	now: number,
	timeZone: string,
	sendMinutes: number,
	lastDigestOn: string | null
): DigestSlot {
	const local = new TZDate(now, timeZone);
	for (let offset = 0; offset <= 2; offset++) {
		const at = new TZDate(
			local.getFullYear(),
			local.getMonth(),
			local.getDate() + offset,
			Math.floor(sendMinutes / 60),
			sendMinutes % 60,
			0,
			timeZone
		).getTime();
		// A send time that a clock change skips lands later the same day: still that day's digest.
		const day = toLocalDate(at, timeZone);
		if (at >= now && (lastDigestOn === null || day > lastDigestOn)) return { at, day };
	}
	// The last digest is dated ahead of today (the zone moved west): the day after it.
	const [year, month, dayOfMonth] = lastDigestOn!.split('-').map(Number) as [number, number, number];
	const at = new TZDate(
		year,
		month - 1,
		dayOfMonth + 1,
		Math.floor(sendMinutes / 60),
		sendMinutes % 60,
		0,
		timeZone
	);
	return { at: at.getTime(), day: toLocalDate(at.getTime(), timeZone) };
}

import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { mailModeSchema } from './notice-digest';
import { day, hour, isValidTimeZone, minute } from './time';

// When an interviewer is nudged about a scorecard that is not in (issue 16, decision 027):
// first a while after the interview ends, then once a working day (Monday to Friday in the
// interviewer's zone) at their send time; once it is long overdue, the opening's hiring
// managers and the loop's recruiter are told who is late. Pure, so the clock is the caller's.

export interface ReminderSettings {
	enabled: boolean;
	/** Minutes from the interview's end to the first reminder. */
	firstReminderMinutes: number;
	/** Hours from the interview's end to the escalation. */
	escalationHours: number;
}

export const defaultReminderSettings: ReminderSettings = {
	enabled: true,
	firstReminderMinutes: 60,
	escalationHours: 24
};

/** Interviews that ended longer ago than this when entered get no reminders at all. */
export const backfillWindow = 7 * day;

/** 09:00, in minutes after local midnight. */
export const defaultSendMinutes = 9 * 60;

export const reminderSettingsSchema = z.object({
	// A checkbox: present when ticked.
	enabled: z
		.string()
		.optional()
		.transform((value) => value === 'on' || value === 'true'),
	firstReminderMinutes: z.coerce
		.number({ error: 'Enter the minutes after the interview, like 60' })
		.int('Enter whole minutes, like 60')
		.min(0, 'Enter 0 minutes or more')
		.max(24 * 60, 'Enter at most 1440 minutes (a day)'),
	escalationHours: z.coerce
		.number({ error: 'Enter the hours overdue, like 24' })
		.int('Enter whole hours, like 24')
		.min(1, 'Enter at least 1 hour')
		.max(14 * 24, 'Enter at most 336 hours (two weeks)')
});

/** "HH:MM" as minutes after midnight; null if it is not a time of day. */
export function parseSendTime(value: string): number | null {
	const match = /^(\d{2}):(\d{2})$/.exec(value.trim());
	if (!match) return null;
	const [hours, minutes] = [Number(match[1]), Number(match[2])];
	return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export function formatSendTime(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export const noticeSettingsSchema = z.object({
	timeZone: z.string().trim().refine(isValidTimeZone, 'Choose a time zone from the list, like Europe/Berlin'),
	sendTime: z
		.string()
		.trim()
		.transform((value, ctx) => {
			const minutes = parseSendTime(value);
			if (minutes === null) {
				ctx.addIssue({ code: 'custom', message: 'Enter a time of day, like 09:00' });
				return z.NEVER;
			}
			return minutes;
		}),
	mailMode: mailModeSchema.default('immediate')
});

function isWorkingDay(date: TZDate): boolean {
	const weekday = date.getDay();
	return weekday !== 0 && weekday !== 6;
}

/**
 * The send time on the first working day after the local date of `after` (never the same
 * day: that day already had its reminder).
 */
export function nextWorkingSendTime(after: number, timeZone: string, sendMinutes: number): number {
	const local = new TZDate(after, timeZone);
	for (let offset = 1; offset <= 7; offset++) {
		const candidate = new TZDate(
			local.getFullYear(),
			local.getMonth(),
			local.getDate() + offset,
			Math.floor(sendMinutes / 60),
			sendMinutes % 60,
			0,
			timeZone
		);
		if (isWorkingDay(candidate)) return candidate.getTime();
	}
	throw new Error('A week without a working day');
}

/** One step of a scorecard's reminders: when, and whether it reminds, escalates or both. */
export interface ReminderStep {
	at: number;
	remind: boolean;
	escalate: boolean;
}

/**
 * The first step for a seat whose interview ends at `interviewEnd`, seen at `now`: its first
 * reminder, at once if that point has passed within the backfill window; null when reminders
 * are off or the interview is too old (entered long after the fact).
 */
export function planFirstReminder(
	interviewEnd: number,
	now: number,
	settings: ReminderSettings
): ReminderStep | null {
	if (!settings.enabled) return null;
	if (now - interviewEnd > backfillWindow) return null;
	const first = interviewEnd + settings.firstReminderMinutes * minute;
	return { at: Math.max(first, now), remind: true, escalate: false };
}

export interface ReminderProgress {
	interviewEnd: number;
	/** When the last reminder went to the interviewer. */
	lastRemindedAt: number;
	/** When the step just done ran (at least lastRemindedAt). */
	now: number;
	escalated: boolean;
	settings: ReminderSettings;
	timeZone: string;
	sendMinutes: number;
}

/**
 * The step after one that ran: the next working day's reminder, and the escalation when it is
 * due first. An escalation already past (a backfilled interview) waits for that next step, so
 * the interviewer always has one reminder before anyone is told; one due on a weekend (in the
 * interviewer's zone) waits for Monday's reminder.
 */
export function planNextReminder(progress: ReminderProgress): ReminderStep {
	const { interviewEnd, lastRemindedAt, now, escalated, settings, timeZone, sendMinutes } = progress;
	let daily = nextWorkingSendTime(lastRemindedAt, timeZone, sendMinutes);
	// A worker that was down for days sends one reminder, not the ones it missed.
	while (daily <= now) daily = nextWorkingSendTime(daily, timeZone, sendMinutes);
	let escalationAt = interviewEnd + settings.escalationHours * hour;
	// Nobody is told on a weekend: an escalation due then comes with Monday's reminder.
	if (!isWorkingDay(new TZDate(escalationAt, timeZone))) {
		escalationAt = nextWorkingSendTime(escalationAt, timeZone, sendMinutes);
	}
	if (!escalated && escalationAt > now && escalationAt < daily) {
		return { at: escalationAt, remind: false, escalate: true };
	}
	return { at: daily, remind: true, escalate: !escalated && escalationAt <= daily };
}

/** The end of an interview: its start plus the round's length. */
export function interviewEndOf(scheduledAt: number, durationMinutes: number): number {
	return scheduledAt + durationMinutes * minute;
}

import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

// Interview load counted in the viewer's calendar: "this week" is Monday 00:00 to the next
// Monday in their zone, so one interview late on a Sunday in UTC belongs to different weeks
// for a viewer in Berlin and one in Los Angeles.

/** The [start, end) of the Monday-to-Sunday week holding `at`, in the zone. */
export function weekRange(at: number, timeZone: string): [number, number] {
	const date = new TZDate(at, timeZone);
	const back = (date.getDay() + 6) % 7;
	const [y, m, d] = [date.getFullYear(), date.getMonth(), date.getDate() - back];
	return [
		new TZDate(y, m, d, 0, 0, 0, timeZone).getTime(),
		new TZDate(y, m, d + 7, 0, 0, 0, timeZone).getTime()
	];
}

/** The [start, end) of the calendar month holding `at`, in the zone. */
export function monthRange(at: number, timeZone: string): [number, number] {
	const date = new TZDate(at, timeZone);
	const [y, m] = [date.getFullYear(), date.getMonth()];
	return [
		new TZDate(y, m, 1, 0, 0, 0, timeZone).getTime(),
		new TZDate(y, m + 1, 1, 0, 0, 0, timeZone).getTime()
	];
}

const within = (times: readonly number[], [start, end]: [number, number]) =>
	times.filter((t) => t >= start && t < end).length;

/** A person's interviews in the viewer's current week and month. */
export interface Load {
	week: number;
	month: number;
}

/** How many of a person's interviews fall in the week holding `at`. */
export function countWeekOf(times: readonly number[], at: number, timeZone: string): number {
	return within(times, weekRange(at, timeZone));
}

/**
 * The span a picker needs seat times for: from the first week of this month on, every planned
 * interview, since a panel can be picked for any week ahead (only people with a limit need it).
 */
export function loadWindow(now: number, timeZone: string): [number, number] {
	const [monthStart] = monthRange(now, timeZone);
	return [weekRange(monthStart, timeZone)[0], Number.MAX_SAFE_INTEGER];
}

export const maxWeeklyLimit = 40;

/** The /interviewers limit form: an empty limit takes it away. */
export const weeklyLimitSchema = z.object({
	userId: z.coerce.number({ error: 'Choose an interviewer' }).int().positive('Choose an interviewer'),
	limit: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? null : v),
		z.coerce
			.number({ error: 'Give a number of interviews, or leave it empty for no limit' })
			.int('Give a whole number of interviews')
			.min(1, 'Give at least 1 interview a week, or leave it empty for no limit')
			.max(maxWeeklyLimit, `Give at most ${maxWeeklyLimit} interviews a week`)
			.nullable()
	)
});
export type WeeklyLimitInput = z.output<typeof weeklyLimitSchema>;

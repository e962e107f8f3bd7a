import { TZDate } from '@date-fns/tz';

// Times are stored as epoch milliseconds and shown in the viewer's time zone (sent by the
// browser in a cookie, else the server's). Server and browser format with the same zone,
// so the page hydrates without a mismatch.

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

export function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-GB', { timeZone });
		return true;
	} catch {
		return false;
	}
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
	const cacheKey = `${key}|${timeZone}`;
	let format = formats.get(cacheKey);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
		formats.set(cacheKey, format);
	}
	return format;
}

export function formatDate(epochMs: number, timeZone: string): string {
	return formatter(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }, 'date').format(epochMs);
}

/** e.g. "Tue 24 Nov 2026, 10:00" */
export function formatDateTime(epochMs: number, timeZone: string): string {
	return formatter(
		timeZone,
		{
			weekday: 'short',
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		},
		'datetime'
	).format(epochMs);
}

export function formatTime(epochMs: number, timeZone: string): string {
	return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'time').format(
		epochMs
	);
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Reads a datetime-local value ("2026-11-24T10:00") as a wall-clock time in the zone; null if it is not one. */
export function parseLocalDateTime(value: string, timeZone: string): number | null {
	const match = localPattern.exec(value.trim());
	if (!match) return null;
	const [year, month, dayOfMonth, hours, minutes] = match.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
		number
	];
	if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31 || hours > 23 || minutes > 59) return null;
	const date = new TZDate(year, month - 1, dayOfMonth, hours, minutes, 0, timeZone);
	// 31 February rolls over into March: refuse rather than guess.
	if (date.getDate() !== dayOfMonth) return null;
	return date.getTime();
}

/** The datetime-local value showing this instant in the zone. */
export function toLocalInput(epochMs: number, timeZone: string): string {
	const date = new TZDate(epochMs, timeZone);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

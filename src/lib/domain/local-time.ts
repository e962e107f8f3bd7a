import { TZDate } from '@date-fns/tz';

// Wall-clock times in a zone, for datetime-local fields. Kept apart from time.ts so pages
// that only show times do not download the time-zone library.

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

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date field ("2026-11-24") as the first or last millisecond of that day in the zone; null if not a date. */
export function parseLocalDate(value: string, timeZone: string, end = false): number | null {
	const match = datePattern.exec(value.trim());
	if (!match) return null;
	const [year, month, dayOfMonth] = match.slice(1).map(Number) as [number, number, number];
	if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
	const date = new TZDate(year, month - 1, dayOfMonth, 0, 0, 0, timeZone);
	if (date.getDate() !== dayOfMonth) return null;
	return end ? new TZDate(year, month - 1, dayOfMonth + 1, 0, 0, 0, timeZone).getTime() - 1 : date.getTime();
}

/** The date field value for an instant in the zone. */
export function toLocalDate(epochMs: number, timeZone: string): string {
	return toLocalInput(epochMs, timeZone).slice(0, 10);
}

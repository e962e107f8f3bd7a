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

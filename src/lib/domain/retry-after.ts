/**
 * How long to wait before trying again, from a Retry-After header: seconds or an HTTP
 * date; the fallback when there is none or it is unreadable. Kept between a second and five
 * minutes, so a wrong header neither hammers the server nor leaves text unsent for long.
 */
export function retryDelayMs(header: string | null, now: number, fallback: number): number {
	const value = header?.trim() ?? '';
	const ms = /^\d+$/.test(value)
		? Number(value) * 1000
		: /^[a-z]{3}, /i.test(value)
			? Date.parse(value) - now
			: NaN;
	return Math.min(Math.max(Number.isFinite(ms) ? ms : fallback, 1000), 5 * 60_000);
}

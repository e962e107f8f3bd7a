import { describe, expect, it } from 'vitest';
import { parseLocalDateTime, toLocalInput } from '../../src/lib/domain/local-time';
import { formatDateTime } from '../../src/lib/domain/time';

describe('times in a time zone', () => {
	it('reads a datetime-local value as wall-clock time in the zone, across DST', () => {
		expect(parseLocalDateTime('2026-11-24T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 10, 24, 9, 0));
		expect(parseLocalDateTime('2026-07-01T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 8, 0));
		expect(parseLocalDateTime('2026-11-24T10:00', 'America/New_York')).toBe(Date.UTC(2026, 10, 24, 15, 0));
	});

	it('refuses what is not a time', () => {
		for (const bad of [
			'',
			'tomorrow',
			'2026-02-31T10:00',
			'2026-11-24 25:00',
			'2026-13-01T10:00',
			'2026-11-24T10:61'
		]) {
			expect(parseLocalDateTime(bad, 'UTC'), bad).toBeNull();
		}
	});

	it('formats and round-trips through the input format', () => {
		const at = Date.UTC(2026, 10, 24, 9, 30);
		expect(toLocalInput(at, 'Europe/Berlin')).toBe('2026-11-24T10:30');
		expect(parseLocalDateTime(toLocalInput(at, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(at);
		expect(formatDateTime(at, 'Europe/Berlin')).toBe('Tue, 24 Nov 2026, 10:30');
	});
});

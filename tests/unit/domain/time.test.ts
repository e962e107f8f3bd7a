import { describe, expect, it } from 'vitest';
import { parseLocalDateTime, toLocalInput } from '../../../src/lib/domain/local-time';
import { formatDateTime } from '../../../src/lib/domain/time';

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

describe('calibration filter dates', () => {
	it('reads whole days in the zone, and says what is wrong with a bad one', async () => {
		const { parseCalibrationFilter } = await import('../../../src/lib/domain/calibration-filter');
		const good = parseCalibrationFilter(
			new URLSearchParams('from=2026-01-01&to=2026-01-31&kind=leadership'),
			'Europe/Berlin'
		);
		expect(good).toMatchObject({
			ok: true,
			filter: { from: Date.UTC(2025, 11, 31, 23), to: Date.UTC(2026, 0, 31, 23) - 1, kind: 'leadership' }
		});
		const bad = parseCalibrationFilter(
			new URLSearchParams('from=2026-02-30&to=yesterday&kind=social'),
			'UTC'
		);
		expect(bad).toMatchObject({
			ok: false,
			errors: {
				from: 'Enter the start as a date, like 2026-01-31',
				to: 'Enter the end as a date, like 2026-12-31',
				kind: 'Choose technical or leadership'
			}
		});
		const backwards = parseCalibrationFilter(new URLSearchParams('from=2026-03-01&to=2026-02-01'), 'UTC');
		expect(backwards.ok || backwards.errors).toEqual({ to: 'The end date comes before the start date' });
	});
});

import { describe, expect, it } from 'vitest';
import {
	delayBand,
	delayBandEdges,
	delayCounts,
	emptySums,
	interviewerSumFields,
	medianFromBands,
	splitByMonths
} from '../../../src/lib/domain/calibration-sums';

const utc = (y: number, m: number, d = 1, h = 0) => Date.UTC(y, m - 1, d, h);

describe('splitting a date range into whole months and part-months', () => {
	it('reads whole months from totals and counts the ends exactly', () => {
		const from = utc(2025, 11, 21, 9);
		const to = utc(2026, 11, 21, 18);
		expect(splitByMonths(from, to)).toEqual({
			months: { from: utc(2025, 12), until: utc(2026, 11) },
			parts: [
				{ from, to: utc(2025, 12) - 1 },
				{ from: utc(2026, 11), to }
			]
		});
	});

	it('needs no part-months when the range is whole months', () => {
		expect(splitByMonths(utc(2025, 1), utc(2026, 1) - 1)).toEqual({
			months: { from: utc(2025, 1), until: utc(2026, 1) },
			parts: []
		});
	});

	it('counts a range inside one month directly', () => {
		const from = utc(2026, 3, 3);
		const to = utc(2026, 3, 20);
		expect(splitByMonths(from, to)).toEqual({ months: null, parts: [{ from, to }] });
		// Across a month boundary without a whole month between.
		const across = splitByMonths(utc(2026, 3, 20), utc(2026, 4, 10));
		expect(across.months).toBeNull();
		expect(across.parts).toEqual([{ from: utc(2026, 3, 20), to: utc(2026, 4, 10) }]);
	});
});

describe('submission delay bands and their median', () => {
	it('puts a delay in the first band whose edge lies above it', () => {
		expect(delayBand(-2)).toBe(0);
		expect(delayBand(0.49)).toBe(0);
		expect(delayBand(0.5)).toBe(1);
		expect(delayBand(23.9)).toBe(delayBandEdges.indexOf(24));
		expect(delayBand(24)).toBe(delayBandEdges.indexOf(24) + 1);
		expect(delayBand(1000)).toBe(delayBandEdges.length);
	});

	it('has a count for every band', () => {
		expect(delayCounts(emptySums(interviewerSumFields))).toHaveLength(delayBandEdges.length + 1);
	});

	it('estimates the median within its band, spreading the band evenly', () => {
		const counts = new Array(delayBandEdges.length + 1).fill(0);
		expect(medianFromBands(counts)).toBeNull();
		// Four delays in [2, 3) hours: the middle of four evenly spread values is the band's middle.
		counts[delayBand(2.2)] = 4;
		expect(medianFromBands(counts)).toBeCloseTo(2.5, 9);
		// One more delay below: the middle moves down the band.
		counts[delayBand(0.2)] = 1;
		expect(medianFromBands(counts)).toBeCloseTo(2 + (2.5 - 1) / 4, 9);
		// Most delays past a week: the open band reports its lower edge.
		counts[delayBand(500)] = 10;
		expect(medianFromBands(counts)).toBe(168);
	});
});

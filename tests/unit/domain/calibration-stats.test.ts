import { describe, expect, it } from 'vitest';
import {
	adjustedRating,
	describeLeniency,
	deviation,
	krippendorffAlpha,
	leniencyFromSums,
	tCritical975
} from '../../../src/lib/domain/calibration';

/** Reliability data as printed: one row per coder, one column per unit, null for missing. */
function unitsOf(rows: (number | null)[][]): number[][] {
	return rows[0]!.map((_, u) =>
		rows.map((row) => row[u]).filter((v): v is number => v !== null && v !== undefined)
	);
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
// Communication, University of Pennsylvania. The example with 4 observers, 12 units and
// missing values (section C): α nominal 0.743, ordinal 0.815, interval 0.849.
const krippendorff2011 = unitsOf([
	[1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
	[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
	[null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
	[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]
]);

// The computational example of the same method with 3 coders and 15 units (Krippendorff's
// binary-and-interval illustration reproduced on the alpha page of Wikipedia): nominal 0.691,
// interval 0.811.
const threeCoders = unitsOf([
	[null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
	[1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
	[null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4]
]);

describe("Krippendorff's alpha against the published examples", () => {
	it('4 observers, 12 units, missing data', () => {
		const values = [1, 2, 3, 4, 5];
		const nominal = krippendorffAlpha(krippendorff2011, 'nominal', values);
		expect(nominal.alpha!).toBeCloseTo(0.743, 3);
		expect(krippendorffAlpha(krippendorff2011, 'ordinal', values).alpha!).toBeCloseTo(0.815, 3);
		expect(krippendorffAlpha(krippendorff2011, 'interval', values).alpha!).toBeCloseTo(0.849, 3);
		// Unit 12 has a single value: not pairable. 11 units, 40 pairable values.
		expect(nominal).toMatchObject({ units: 11, pairable: 40 });
	});

	it('3 coders, 15 units, missing data', () => {
		expect(krippendorffAlpha(threeCoders, 'nominal').alpha!).toBeCloseTo(0.691, 3);
		expect(krippendorffAlpha(threeCoders, 'interval').alpha!).toBeCloseTo(0.811, 3);
	});

	it('is 1 for perfect agreement and undefined without pairable or varied values', () => {
		expect(
			krippendorffAlpha(
				[
					[3, 3],
					[1, 1, 1],
					[4, 4]
				],
				'interval'
			).alpha
		).toBe(1);
		expect(krippendorffAlpha([[3], [2]], 'interval').alpha).toBeNull();
		expect(
			krippendorffAlpha(
				[
					[3, 3],
					[3, 3]
				],
				'ordinal'
			).alpha
		).toBeNull();
	});
});

describe('leniency', () => {
	it('measures each rating against the mean of the others in its unit', () => {
		expect(deviation(4, [2, 3])).toBe(1.5);
		expect(deviation(2, [])).toBeNull();
	});

	it('gives the mean deviation with a t interval and the shrunk offset (worked by hand)', () => {
		// d = 1, 0.5, 1.5, 1: n 4, sum 4, sum of squares 1 + 0.25 + 2.25 + 1 = 4.5.
		// mean 1; sample variance (4.5 − 4·1²)/3 = 1/6; sd 0.40825; se 0.20412;
		// t(0.975, 3) = 3.182 → half-width 0.64952 → [0.350, 1.650]. Shrunk 1 · 4/14 = 0.2857.
		const l = leniencyFromSums(4, 4, 4.5);
		expect(l.leniency).toBe(1);
		expect(l.ci![0]).toBeCloseTo(0.3505, 3);
		expect(l.ci![1]).toBeCloseTo(1.6495, 3);
		expect(l.shrunkOffset).toBeCloseTo(0.2857, 4);
		expect(adjustedRating(4, l.shrunkOffset)).toBeCloseTo(3.7143, 4);
	});

	it('has no interval below two comparable ratings, and nothing without any', () => {
		expect(leniencyFromSums(1, -0.5, 0.25)).toEqual({
			n: 1,
			leniency: -0.5,
			ci: null,
			shrunkOffset: -0.5 / 11
		});
		expect(leniencyFromSums(0, 0, 0)).toEqual({ n: 0, leniency: null, ci: null, shrunkOffset: 0 });
	});

	it('reads positive as rating higher than colleagues, the same on every page', () => {
		// Someone who gave 4 where colleagues gave 3 and 2 rates higher: d = +1.5, lenient.
		const kind = leniencyFromSums(1, deviation(4, [3, 2])!, 2.25);
		expect(kind.leniency).toBe(1.5);
		expect(describeLeniency(kind.leniency)).toBe('+1.50 more lenient');
		// Its shrunk offset keeps the sign, so the adjusted view labels it the same way.
		expect(describeLeniency(kind.shrunkOffset)).toBe('+0.14 more lenient');
		expect(describeLeniency(deviation(2, [3, 4]))).toBe('-1.50 more severe');
		expect(describeLeniency(0.001)).toBe('0.00, in line with colleagues');
		expect(describeLeniency(null)).toBe('no comparable ratings');
	});

	it('uses Student’s t, approaching 1.96 for many ratings', () => {
		expect(tCritical975(1)).toBe(12.706);
		expect(tCritical975(30)).toBe(2.042);
		expect(tCritical975(60)).toBeCloseTo(2.0, 2);
		expect(tCritical975(1000)).toBeCloseTo(1.962, 3);
	});
});

import { describe, expect, it } from 'vitest';
import { computeRatingGaps, type GapCell } from '../../../src/lib/domain/rating-gap';
import { studentTCdf, studentTQuantile, welchInterval } from '../../../src/lib/domain/welch-interval';

// Expected values computed independently with SciPy 1.17.1:
// r = scipy.stats.ttest_ind(a, b, equal_var=False); r.confidence_interval(0.95)
// and scipy.stats.t.ppf / scipy.stats.t.cdf.

describe('Student’s t', () => {
	it('has SciPy’s quantiles and distribution, for fractional degrees of freedom too', () => {
		expect(studentTQuantile(0.975, 7.3)).toBeCloseTo(2.345066736547703, 9);
		expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302652729749462, 9);
		expect(studentTCdf(1.5, 4.5)).toBeCloseTo(0.8998904571719233, 12);
	});
});

describe('Welch’s interval for a difference of means', () => {
	const scipy: [number[], number[], number, number, number][] = [
		[[3, 4, 3, 3, 4, 2], [2, 2, 3, 2, 1], 1.1666666666666665, 0.16613711978650492, 2.167196213546828],
		[
			[2.5, 3, 3.5, 4, 3, 3, 2],
			[3, 3, 3.25, 2.75, 3, 4],
			-0.16666666666666652,
			-0.8359769205654108,
			0.5026435872320778
		],
		[[1, 2, 3, 4, 4], [4, 4, 4, 3, 4, 4, 4, 4], -1.0750000000000002, -2.676759329554068, 0.526759329554068]
	];
	it.each(scipy)('of %j and %j is SciPy’s', (a, b, gap, low, high) => {
		const result = welchInterval(a, b);
		expect(result.gap).toBeCloseTo(gap, 12);
		expect(result.ci[0]).toBeCloseTo(low, 9);
		expect(result.ci[1]).toBeCloseTo(high, 9);
	});
});

describe('rating gaps per interviewer', () => {
	const cards = (interviewerId: number, group: string, values: number[]) =>
		values.map((value) => ({ interviewerId, interviewerName: `I${interviewerId}`, group, value }));

	it('compare each group with the others, and show nothing below 5 scorecards a side', () => {
		const gaps = computeRatingGaps(
			['A', 'B'],
			[
				...cards(1, 'A', [3, 4, 3, 3, 4, 2]),
				...cards(1, 'B', [2, 2, 3, 2, 1]),
				...cards(1, 'Prefer not to say', [1, 1, 1, 1, 1]),
				...cards(2, 'A', [3, 3, 3, 3, 3]),
				...cards(2, 'B', [3, 3, 3, 3])
			]
		);
		const a = gaps[0]!.cells[0] as Extract<GapCell, { suppressed: false }>;
		expect(a).toMatchObject({ group: 'A', n: 6, nOthers: 5 });
		expect(a.gap).toBeCloseTo(1.1666666666666665, 12);
		expect(a.ci[0]).toBeCloseTo(0.16613711978650492, 9);
		expect(gaps[1]!.cells).toEqual([
			{ group: 'A', suppressed: true },
			{ group: 'B', suppressed: true }
		]);
	});
});

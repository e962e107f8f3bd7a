import { describe, expect, it } from 'vitest';
import {
	computeImpact,
	isPositiveRecommendation,
	type GroupRow
} from '../../../src/lib/domain/adverse-impact';
import { fisherExactTwoSided } from '../../../src/lib/domain/fisher-exact';

// Expected p-values computed independently with SciPy 1.17.1:
// scipy.stats.fisher_exact(table, alternative='two-sided').pvalue

describe('Fisher’s exact test, two-sided', () => {
	const scipy: [[number, number], [number, number], number][] = [
		[[8, 2], [1, 5], 0.034965034965034975],
		[[3, 1], [1, 3], 0.48571428571428565],
		[[2, 8], [9, 1], 0.005477494641581328],
		[[5, 5], [10, 0], 0.032507739938080496],
		[[12, 18], [20, 10], 0.06920580631231707],
		[[0, 5], [5, 0], 0.007936507936507938],
		[[7, 13], [15, 5], 0.02484172037782329],
		[[40, 60], [55, 45], 0.04716548538301931],
		[[1, 9], [11, 3], 0.0027594561852200836],
		[[3, 17], [8, 12], 0.15518744551002617]
	];
	it.each(scipy)('of %j and %j is SciPy’s %f', ([a, b], [c, d], p) => {
		expect(fisherExactTwoSided(a, b, c, d)).toBeCloseTo(p, 12);
	});

	it('is 1 for tables no different from each other', () => {
		expect(fisherExactTwoSided(14, 6, 15, 5)).toBeCloseTo(1, 12);
	});
});

describe('the impact figures', () => {
	const held = [
		{ group: 'Woman', held: 20, positive: 7, hired: 3 },
		{ group: 'Man', held: 20, positive: 15, hired: 8 },
		{ group: 'Non-binary', held: 3, positive: 2, hired: 1 },
		{ group: 'Prefer not to say', held: 6, positive: 3, hired: 1 },
		{ group: 'No answer', held: 10, positive: 5, hired: 2 }
	];
	const rows = computeImpact(held);
	const row = (group: string) =>
		rows.find((r) => r.group === group) as Extract<GroupRow, { suppressed: false }>;

	it('compare each group with the highest rate, flag the four-fifths rule, and test the difference', () => {
		expect(row('Man').stages.positive).toEqual({
			passed: 15,
			rate: 0.75,
			impactRatio: 1,
			flagged: false,
			pValue: null,
			reference: true
		});
		const woman = row('Woman').stages;
		expect(woman.positive.rate).toBe(0.35);
		expect(woman.positive.impactRatio).toBeCloseTo(0.35 / 0.75, 12);
		expect(woman.positive.flagged).toBe(true);
		expect(woman.positive.pValue).toBeCloseTo(0.02484172037782329, 12);
		expect(woman.hired.impactRatio).toBeCloseTo(0.375, 12);
		expect(woman.hired.pValue).toBeCloseTo(0.15518744551002617, 12);
	});

	it('show a group under 5 as suppressed, and with it the next smallest so it cannot be worked out', () => {
		expect(rows.find((r) => r.group === 'Non-binary')).toEqual({
			group: 'Non-binary',
			suppressed: true,
			compared: true
		});
		expect(rows.find((r) => r.group === 'Prefer not to say')).toMatchObject({ suppressed: true });
		expect(row('No answer')).toMatchObject({ suppressed: false, compared: false, held: 10 });
		expect(row('No answer').stages.positive.impactRatio).toBeNull();
	});

	it('do not flag a ratio exactly at four fifths, and compare nothing with a single group', () => {
		const exact = computeImpact([
			{ group: 'A', held: 10, positive: 5, hired: 0 },
			{ group: 'B', held: 10, positive: 4, hired: 0 },
			{ group: 'C', held: 5, positive: 2, hired: 0 }
		]);
		const b = exact.find((r) => r.group === 'B') as Extract<GroupRow, { suppressed: false }>;
		expect(b.stages.positive.impactRatio).toBeCloseTo(0.8, 12);
		expect(b.stages.positive.flagged).toBe(false);
		expect(b.stages.hired).toMatchObject({ rate: 0, impactRatio: null, flagged: false });
		const alone = computeImpact([{ group: 'A', held: 9, positive: 3, hired: 1 }]);
		expect(alone[0]).toMatchObject({ stages: { positive: { impactRatio: null, flagged: false } } });
	});

	it('count a panel as positive when its recommendations lean to yes', () => {
		expect(isPositiveRecommendation(3 + 2, 2)).toBe(false);
		expect(isPositiveRecommendation(3 + 3 + 2, 3)).toBe(true);
		expect(isPositiveRecommendation(0, 0)).toBe(false);
	});
});

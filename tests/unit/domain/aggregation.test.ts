import { describe, expect, it } from 'vitest';
import {
	aggregateLoop,
	debriefAgenda,
	kindMeans,
	stats,
	tallyRecommendations
} from '../../../src/lib/domain/aggregation';

// Every expected number below was worked out by hand.

describe('per-competency statistics', () => {
	it('ratings 1, 3, 4, 4', () => {
		// mean 12/4 = 3; sorted 1 3 4 4, median (3+4)/2 = 3.5; spread 3;
		// deviations −2, 0, 1, 1 → squares 4, 0, 1, 1 = 6; 6/4 = 1.5; sd √1.5 ≈ 1.2247
		const s = stats([4, 1, 4, 3]);
		expect(s).toMatchObject({ n: 4, mean: 3, median: 3.5, min: 1, max: 4, spread: 3, disagreement: true });
		expect(s.sd).toBeCloseTo(1.2247, 4);
	});

	it('ratings 2, 3, 3: spread 1 is no disagreement', () => {
		// mean 8/3 ≈ 2.6667; median 3; deviations −2/3, 1/3, 1/3 → 4/9 + 1/9 + 1/9 = 6/9; /3 = 2/9; sd ≈ 0.4714
		const s = stats([3, 2, 3]);
		expect(s.mean).toBeCloseTo(2.6667, 4);
		expect(s).toMatchObject({ median: 3, spread: 1, disagreement: false });
		expect(s.sd).toBeCloseTo(0.4714, 4);
	});

	it('spread of exactly 2 is a disagreement; one rating has no spread to speak of', () => {
		expect(stats([2, 4]).disagreement).toBe(true);
		expect(stats([3])).toMatchObject({ n: 1, mean: 3, median: 3, spread: 0, sd: 0, disagreement: false });
		expect(stats([])).toMatchObject({ n: 0, mean: null, sd: null, disagreement: false });
	});
});

describe('recommendations and kind means', () => {
	it('counts each level, averages them, and flags a Strong no', () => {
		// 1 + 3 + 3 + 4 = 11, /4 = 2.75
		expect(tallyRecommendations([3, 1, 4, 3])).toEqual({
			counts: { 1: 1, 2: 0, 3: 2, 4: 1 },
			n: 4,
			mean: 2.75,
			anyStrongNo: true
		});
		expect(tallyRecommendations([]).mean).toBeNull();
	});

	it('averages the per-competency means of each kind, skipping unrated competencies', () => {
		// technical (3 + 2.5) / 2 = 2.75; leadership only 3.5
		expect(
			kindMeans([
				{ kind: 'technical', mean: 3 },
				{ kind: 'technical', mean: 2.5 },
				{ kind: 'leadership', mean: 3.5 },
				{ kind: 'leadership', mean: null }
			])
		).toEqual({ technical: 2.75, leadership: 3.5 });
	});
});

describe('a whole loop', () => {
	const competencies = [
		{ id: 1, name: 'Coding', kind: 'technical' as const },
		{ id: 2, name: 'System design', kind: 'technical' as const },
		{ id: 3, name: 'Communication', kind: 'leadership' as const }
	];
	// Coding: 4, 2 → mean 3, spread 2 (disagreement). System design: 3, 3, not assessed → mean 3.
	// Communication: 1, 4, 3 → mean 8/3, spread 3 (disagreement).
	const ratings = [
		{ competencyId: 1, interviewerId: 10, rating: 4 },
		{ competencyId: 1, interviewerId: 11, rating: 2 },
		{ competencyId: 2, interviewerId: 10, rating: 3 },
		{ competencyId: 2, interviewerId: 12, rating: 3 },
		{ competencyId: 2, interviewerId: 13, rating: null },
		{ competencyId: 3, interviewerId: 11, rating: 1 },
		{ competencyId: 3, interviewerId: 12, rating: 4 },
		{ competencyId: 3, interviewerId: 13, rating: 3 }
	];

	it('aggregates per competency and per kind, not-assessed excluded', () => {
		const result = aggregateLoop(competencies, ratings, [4, 2, 3, 1]);
		expect(result.competencies.map((c) => [c.name, c.n, c.mean, c.spread, c.disagreement])).toEqual([
			['Coding', 2, 3, 2, true],
			['System design', 2, 3, 0, false],
			['Communication', 3, 8 / 3, 3, true]
		]);
		// technical (3 + 3) / 2 = 3; leadership 8/3
		expect(result.technicalMean).toBe(3);
		expect(result.leadershipMean).toBeCloseTo(2.6667, 4);
		expect(result.recommendations.mean).toBe(2.5);
		expect(result.competencies[1]!.ratings).toContainEqual({ interviewerId: 13, rating: null });
	});

	it('puts the largest disagreements first on the debrief agenda, then any Strong no, then the rest', () => {
		const result = aggregateLoop(competencies, ratings, [4, 2, 3, 1]);
		expect(debriefAgenda(result, [11]).map((i) => i.key)).toEqual([
			'competency-3',
			'competency-1',
			'strong-no',
			'competency-2'
		]);
		expect(debriefAgenda(result, []).map((i) => i.type)).toEqual([
			'disagreement',
			'disagreement',
			'competency'
		]);
	});
});

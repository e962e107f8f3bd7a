import type { CompetencyKind } from './library';
import type { Recommendation } from './scorecard';

// The exact aggregation definitions of docs/design.md, so every page, export and API answer
// shows the same numbers. Inputs are submitted ratings only; "not assessed" is excluded.

export interface Stats {
	n: number;
	mean: number | null;
	median: number | null;
	min: number | null;
	max: number | null;
	/** max − min */
	spread: number | null;
	/** Population standard deviation (divide by n). */
	sd: number | null;
	/** spread ≥ 2 */
	disagreement: boolean;
}

export const disagreementSpread = 2;

export function stats(values: readonly number[]): Stats {
	const n = values.length;
	if (n === 0)
		return { n, mean: null, median: null, min: null, max: null, spread: null, sd: null, disagreement: false };
	const sorted = [...values].sort((a, b) => a - b);
	const mean = sorted.reduce((sum, v) => sum + v, 0) / n;
	const middle = Math.floor(n / 2);
	const median = n % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
	const min = sorted[0]!;
	const max = sorted[n - 1]!;
	const sd = Math.sqrt(sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n);
	return { n, mean, median, min, max, spread: max - min, sd, disagreement: max - min >= disagreementSpread };
}

export interface RecommendationTally {
	counts: Record<Recommendation, number>;
	n: number;
	mean: number | null;
	anyStrongNo: boolean;
}

export function tallyRecommendations(recommendations: readonly Recommendation[]): RecommendationTally {
	const counts: Record<Recommendation, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
	for (const r of recommendations) counts[r] += 1;
	const n = recommendations.length;
	return {
		counts,
		n,
		mean: n ? recommendations.reduce((sum, r) => sum + r, 0) / n : null,
		anyStrongNo: counts[1] > 0
	};
}

/** Means of the per-competency means of each kind (competencies without ratings left out). */
export function kindMeans(competencies: readonly { kind: CompetencyKind; mean: number | null }[]) {
	const meanOf = (kind: CompetencyKind) => {
		const means = competencies.filter((c) => c.kind === kind && c.mean !== null).map((c) => c.mean!);
		return means.length ? means.reduce((sum, m) => sum + m, 0) / means.length : null;
	};
	return { technical: meanOf('technical'), leadership: meanOf('leadership') };
}

export interface RatingInput {
	competencyId: number;
	interviewerId: number;
	/** Null when not assessed. */
	rating: number | null;
}

export interface CompetencyResult extends Stats {
	competencyId: number;
	name: string;
	kind: CompetencyKind;
	ratings: { interviewerId: number; rating: number | null }[];
}

export interface LoopResult {
	competencies: CompetencyResult[];
	technicalMean: number | null;
	leadershipMean: number | null;
	recommendations: RecommendationTally;
}

/** A loop's panel result from its submitted ratings and recommendations. */
export function aggregateLoop(
	competencies: readonly { id: number; name: string; kind: CompetencyKind }[],
	ratings: readonly RatingInput[],
	recommendations: readonly Recommendation[]
): LoopResult {
	const results = competencies.map((c) => {
		const mine = ratings.filter((r) => r.competencyId === c.id);
		const values = mine.filter((r) => r.rating !== null).map((r) => r.rating!);
		return {
			competencyId: c.id,
			name: c.name,
			kind: c.kind,
			...stats(values),
			ratings: mine.map(({ interviewerId, rating }) => ({ interviewerId, rating }))
		};
	});
	const means = kindMeans(results);
	return {
		competencies: results,
		technicalMean: means.technical,
		leadershipMean: means.leadership,
		recommendations: tallyRecommendations(recommendations)
	};
}

export type AgendaItem =
	| {
			key: string;
			type: 'disagreement';
			competencyId: number;
			name: string;
			spread: number;
			min: number;
			max: number;
	  }
	| { key: string; type: 'strong_no'; interviewerIds: number[] }
	| { key: string; type: 'competency'; competencyId: number; name: string; spread: number | null };

/**
 * The debrief starts from the numbers: competencies the panel disagrees on (largest spread
 * first), then any Strong no, then the remaining competencies by spread.
 */
export function debriefAgenda(result: LoopResult, strongNoFrom: readonly number[]): AgendaItem[] {
	const bySpread = [...result.competencies].sort(
		(a, b) =>
			(b.spread ?? -1) - (a.spread ?? -1) || (a.min ?? 5) - (b.min ?? 5) || a.name.localeCompare(b.name)
	);
	const items: AgendaItem[] = [];
	for (const c of bySpread.filter((c) => c.disagreement)) {
		items.push({
			key: `competency-${c.competencyId}`,
			type: 'disagreement',
			competencyId: c.competencyId,
			name: c.name,
			spread: c.spread!,
			min: c.min!,
			max: c.max!
		});
	}
	if (strongNoFrom.length)
		items.push({ key: 'strong-no', type: 'strong_no', interviewerIds: [...strongNoFrom] });
	for (const c of bySpread.filter((c) => !c.disagreement)) {
		items.push({
			key: `competency-${c.competencyId}`,
			type: 'competency',
			competencyId: c.competencyId,
			name: c.name,
			spread: c.spread
		});
	}
	return items;
}

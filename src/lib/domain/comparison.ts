import type { RecommendationTally } from './aggregation';
import type { DecisionOutcome } from './decision';
import type { HiddenReason } from './feedback-visibility';
import type { CompetencyKind } from './library';
import { loopStatuses, type LoopStatus } from './loop-status';
import { sortByColumn, type SortDirection } from './sorting';

export interface ComparisonRow {
	loopId: number;
	candidateId: number;
	candidateName: string;
	status: LoopStatus;
	/** Null while undecided, and while hidden: the decision is feedback too. */
	outcome: DecisionOutcome | null;
	/** False when the viewer is on this loop's panel and the independence rule still hides it. */
	visible: boolean;
	hiddenReason: HiddenReason | null;
	technicalMean: number | null;
	leadershipMean: number | null;
	means: Record<number, number | null>;
	recommendations: RecommendationTally;
}

export interface Comparison {
	competencies: { id: number; name: string; kind: CompetencyKind }[];
	rows: ComparisonRow[];
}

export type SortKey =
	'candidate' | 'status' | 'decision' | 'technical' | 'leadership' | 'recommendation' | `c${number}`;

const outcomeOrder: Record<DecisionOutcome, number> = { hire: 0, hold: 1, no_hire: 2 };

function sortValue(row: ComparisonRow, key: SortKey): string | number | null {
	if (key === 'candidate') return row.candidateName.toLowerCase();
	if (key === 'status') return loopStatuses.indexOf(row.status);
	if (key === 'decision') return row.outcome ? outcomeOrder[row.outcome] : null;
	if (!row.visible) return null;
	if (key === 'technical') return row.technicalMean;
	if (key === 'leadership') return row.leadershipMean;
	if (key === 'recommendation') return row.recommendations.mean;
	return row.means[Number(key.slice(1))] ?? null;
}

/** Sorts by any column; empty and hidden values go last whichever the direction. */
export function sortComparison(
	rows: readonly ComparisonRow[],
	key: SortKey,
	direction: SortDirection
): ComparisonRow[] {
	return sortByColumn(
		rows,
		(row) => sortValue(row, key),
		(row) => row.candidateName,
		direction
	);
}

export function parseSortKey(raw: string | null, competencyIds: readonly number[]): SortKey {
	if (raw && ['candidate', 'status', 'decision', 'technical', 'leadership', 'recommendation'].includes(raw))
		return raw as SortKey;
	if (raw && /^c\d+$/.test(raw) && competencyIds.includes(Number(raw.slice(1)))) return raw as SortKey;
	return 'candidate';
}

/** One of seven heat classes for a 1–4 value, in half steps; numbers are always shown too. */
export function heatClass(value: number | null): string {
	if (value === null) return 'heat-none';
	return `heat-${Math.min(8, Math.max(2, Math.round(value * 2)))}`;
}

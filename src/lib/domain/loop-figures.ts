import type { CompetencyKind } from './library';

// A loop's stored figures (decision 005's derived rows), worked out from its panel and its
// ratings. Daily upkeep (one loop at a time) and the import (a batch of loops straight from
// the file) both take them from here, so the two can never count differently.

export interface PanelCard {
	status: string;
	submittedAt: number | null;
}

/**
 * A loop is complete once it is not cancelled and everyone on its panel (practice seats
 * left out by the caller) has submitted; it completed at the last submission.
 */
export function loopCompletion(
	cancelledAt: number | null,
	cards: PanelCard[]
): { complete: boolean; completedAt: number | null } {
	const complete = cancelledAt === null && cards.length > 0 && cards.every((c) => c.status === 'submitted');
	return { complete, completedAt: complete ? Math.max(...cards.map((c) => c.submittedAt ?? 0)) : null };
}

export interface LoopRating {
	scorecardId: number;
	interviewerId: number;
	competencyId: number;
	rating: number | null;
	interviewedAt: number;
	openingId: number;
	roundKind: CompetencyKind;
}

/**
 * For each rating (in the order given), the mean of the other interviewers' ratings of the
 * same competency in the loop: the leniency deviation's reference; null when unrated or alone.
 */
export function othersMeans(ratings: LoopRating[]): (number | null)[] {
	return ratings.map((row) => {
		if (row.rating === null) return null;
		const others = ratings
			.filter(
				(o) =>
					o.competencyId === row.competencyId && o.interviewerId !== row.interviewerId && o.rating !== null
			)
			.map((o) => o.rating!);
		return others.length ? others.reduce((a, b) => a + b, 0) / others.length : null;
	});
}

export interface RatingUnitCounts {
	competencyId: number;
	openingId: number;
	roundKind: CompetencyKind;
	interviewedAt: number;
	n1: number;
	n2: number;
	n3: number;
	n4: number;
	notAssessed: number;
}

/**
 * One unit per competency rated in the loop (for alpha): how many gave each rating. Its round
 * kind is its first rating's, so `ratings` must come ordered by scorecard, then competency.
 */
export function ratingUnits(ratings: LoopRating[]): RatingUnitCounts[] {
	const units = new Map<number, LoopRating[]>();
	for (const row of ratings) {
		const unit = units.get(row.competencyId);
		if (unit) unit.push(row);
		else units.set(row.competencyId, [row]);
	}
	return [...units].map(([competencyId, rows]) => {
		const count = (value: number) => rows.filter((r) => r.rating === value).length;
		return {
			competencyId,
			openingId: rows[0]!.openingId,
			roundKind: rows[0]!.roundKind,
			interviewedAt: Math.min(...rows.map((r) => r.interviewedAt)),
			n1: count(1),
			n2: count(2),
			n3: count(3),
			n4: count(4),
			notAssessed: rows.filter((r) => r.rating === null).length
		};
	});
}

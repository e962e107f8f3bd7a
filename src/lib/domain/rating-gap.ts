import { welchInterval } from './welch-interval';

// Per interviewer, how their ratings of one group's candidates differ from their ratings of the
// other groups' (decision 025). A value is one scorecard: the mean of its competency ratings.

/** Fewer scorecards than this on either side of a comparison shows no figure. */
export const minScorecardsPerSide = 5;

export interface ScoredCard {
	interviewerId: number;
	interviewerName: string;
	group: string;
	value: number;
}

export type GapCell =
	| { group: string; suppressed: true }
	| { group: string; suppressed: false; n: number; nOthers: number; gap: number; ci: [number, number] };

export interface InterviewerGaps {
	interviewerId: number;
	interviewerName: string;
	cells: GapCell[];
}

/**
 * For each interviewer and each compared group: mean of the group's scorecards minus mean of
 * the other compared groups', with Welch's 95% interval. Scorecards of people who gave no group
 * are in no comparison.
 */
export function computeRatingGaps(
	groups: readonly string[],
	cards: readonly ScoredCard[]
): InterviewerGaps[] {
	const byInterviewer = new Map<number, ScoredCard[]>();
	for (const card of cards) {
		if (!groups.includes(card.group)) continue;
		const list = byInterviewer.get(card.interviewerId) ?? [];
		list.push(card);
		byInterviewer.set(card.interviewerId, list);
	}
	return [...byInterviewer.values()]
		.map((list) => ({
			interviewerId: list[0]!.interviewerId,
			interviewerName: list[0]!.interviewerName,
			cells: groups.map((group): GapCell => {
				const own = list.filter((c) => c.group === group).map((c) => c.value);
				const others = list.filter((c) => c.group !== group).map((c) => c.value);
				if (own.length < minScorecardsPerSide || others.length < minScorecardsPerSide)
					return { group, suppressed: true };
				return {
					group,
					suppressed: false,
					n: own.length,
					nOthers: others.length,
					...welchInterval(own, others)
				};
			})
		}))
		.sort((x, y) => x.interviewerName.localeCompare(y.interviewerName));
}

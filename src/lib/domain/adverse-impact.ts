import { preferNotToSay } from './adverse-impact-settings';
import { fisherExactTwoSided } from './fisher-exact';

// The adverse impact report's figures (decision 025), from counts per group: pass-through
// rates at each stage, the impact ratio against the group with the highest rate, the
// four-fifths rule, Fisher's exact test, and suppression of small groups.

/** Groups with fewer loops held than this show no figure. */
export const minGroupSize = 5;
/** Below four fifths of the highest group's rate, the four-fifths rule flags a group. */
/** The group of loops whose candidate did not answer the category. */
export const noAnswer = 'No answer';

export type Stage = 'positive' | 'hired';
export const stages: Stage[] = ['positive', 'hired'];
export const stageLabels: Record<Stage, string> = {
	positive: 'Positive panel recommendation',
	hired: 'Hire decision'
};

/** Loops held by candidates of one group, and how many of them passed each stage. */
export interface GroupCounts {
	group: string;
	held: number;
	positive: number;
	hired: number;
}

export interface StageFigures {
	passed: number;
	/** passed / held. */
	rate: number;
	/** rate / the highest rate among compared groups; null where there is nothing to compare. */
	impactRatio: number | null;
	/** Under the four-fifths rule. */
	flagged: boolean;
	/** Fisher's exact test, two-sided, of this group against the highest-rate group; null for that group. */
	pValue: number | null;
	/** The group this stage compares against. */
	reference: boolean;
}

export type GroupRow =
	| { group: string; suppressed: true; compared: boolean }
	| {
			group: string;
			suppressed: false;
			/** False for "Prefer not to say" and "No answer": shown, never compared. */
			compared: boolean;
			held: number;
			stages: Record<Stage, StageFigures>;
	  };

/** Whether a group stands for people who gave no group. */
const isUncompared = (group: string) => group === preferNotToSay || group === noAnswer;

/**
 * Groups under minGroupSize are suppressed. When only one group would be, the next smallest
 * is suppressed too, or the hidden count could be worked out from a total shown elsewhere
 * (the loops of an opening).
 */
function suppressedGroups(groups: readonly GroupCounts[]): Set<string> {
	const small = new Set(groups.filter((g) => g.held < minGroupSize).map((g) => g.group));
	const hidingSomeone = groups.filter((g) => small.has(g.group) && g.held > 0);
	if (hidingSomeone.length === 1) {
		const next = groups
			.filter((g) => !small.has(g.group))
			.sort((x, y) => x.held - y.held || x.group.localeCompare(y.group))[0];
		if (next) small.add(next.group);
	}
	return small;
}

export function computeImpact(groups: readonly GroupCounts[]): GroupRow[] {
	const suppressed = suppressedGroups(groups);
	const shown = groups.filter((g) => !suppressed.has(g.group));
	const compared = shown.filter((g) => !isUncompared(g.group));
	const references = Object.fromEntries(
		stages.map((stage) => {
			const best = compared.reduce<GroupCounts | null>(
				(top, g) => (!top || g[stage] / g.held > top[stage] / top.held ? g : top),
				null
			);
			return [stage, best && best[stage] > 0 ? best : null];
		})
	) as Record<Stage, GroupCounts | null>;

	return groups.map((g): GroupRow => {
		const isCompared = !isUncompared(g.group);
		if (suppressed.has(g.group)) return { group: g.group, suppressed: true, compared: isCompared };
		const figures = (stage: Stage): StageFigures => {
			const rate = g[stage] / g.held;
			const ref = references[stage];
			if (!isCompared || !ref || compared.length < 2)
				return { passed: g[stage], rate, impactRatio: null, flagged: false, pValue: null, reference: false };
			const isReference = ref.group === g.group;
			const impactRatio = rate / (ref[stage] / ref.held);
			return {
				passed: g[stage],
				rate,
				impactRatio,
				// In whole numbers, so a ratio of exactly 4/5 is never flagged by a rounding error.
				flagged: 5 * g[stage] * ref.held < 4 * ref[stage] * g.held,
				pValue: isReference
					? null
					: fisherExactTwoSided(g[stage], g.held - g[stage], ref[stage], ref.held - ref[stage]),
				reference: isReference
			};
		};
		return {
			group: g.group,
			suppressed: false,
			compared: isCompared,
			held: g.held,
			stages: { positive: figures('positive'), hired: figures('hired') }
		};
	});
}

/**
 * A positive panel recommendation: the mean of the panel's recommendations (1 Strong no to
 * 4 Strong yes, the design's aggregation) above 2.5, the middle of a scale without a neutral
 * point, i.e. the panel leans to yes.
 */
export function isPositiveRecommendation(sum: number, count: number): boolean {
	return count > 0 && 2 * sum > 5 * count;
}

/** A p-value as a reader expects it: three decimals, or "< 0.001". */
export function formatPValue(p: number | null): string {
	if (p === null) return '–';
	return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** What a suppressed group shows instead of its figures. */
export const suppressedLabel = `fewer than ${minGroupSize}`;

/** The report as rows of text and numbers, one per group and stage, for the page's CSV. */
export function reportCsvRows(rows: readonly GroupRow[]): (string | number | null)[][] {
	return rows.flatMap((r) =>
		stages.map((stage) => {
			if (r.suppressed) return [r.group, stageLabels[stage], suppressedLabel, null, null, null, null, null];
			const s = r.stages[stage];
			return [
				r.group,
				stageLabels[stage],
				r.held,
				s.passed,
				s.rate,
				s.impactRatio,
				s.impactRatio === null ? null : s.flagged ? 'yes' : 'no',
				s.pValue
			];
		})
	);
}

export const reportCsvHeader = [
	'Group',
	'Stage',
	'Loops held',
	'Passed',
	'Pass-through rate',
	'Impact ratio',
	'Under four fifths',
	'Fisher p-value (vs highest group)'
];

// Calibration statistics (docs/design.md): Krippendorff's alpha for agreement per competency,
// and interviewer leniency with its interval and the shrunk offset used for adjusted scores.

import { signed } from './format-number';
import { interviewersPerPage } from './paging';
import { sortByColumn, type SortDirection } from './sorting';

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/**
 * The coincidence matrix of Krippendorff (2011, "Computing Krippendorff's Alpha-Reliability"):
 * each unit with m ≥ 2 values adds, for every ordered pair of its values from different
 * coders, 1 / (m − 1). `counts[u][v]` is how many coders gave value index v in unit u.
 * Units with fewer than two values are not pairable and add nothing.
 */
export function coincidences(counts: readonly (readonly number[])[], size: number): number[][] {
	const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
	for (const unit of counts) {
		const m = unit.reduce((sum, n) => sum + n, 0);
		if (m < 2) continue;
		for (let c = 0; c < size; c++) {
			for (let k = 0; k < size; k++) {
				const pairs = c === k ? unit[c]! * (unit[c]! - 1) : unit[c]! * unit[k]!;
				if (pairs) o[c]![k]! += pairs / (m - 1);
			}
		}
	}
	return o;
}

/** δ² between value indices c and k, for ordered values `values` with marginals `n`. */
function distance(
	metric: AlphaMetric,
	c: number,
	k: number,
	values: readonly number[],
	n: readonly number[]
): number {
	if (c === k) return 0;
	if (metric === 'nominal') return 1;
	if (metric === 'interval') return (values[c]! - values[k]!) ** 2;
	// Ordinal: the number of values between c and k, counting the two ends by halves.
	const [low, high] = c < k ? [c, k] : [k, c];
	let between = 0;
	for (let g = low; g <= high; g++) between += n[g]!;
	return (between - (n[low]! + n[high]!) / 2) ** 2;
}

export interface AlphaResult {
	alpha: number | null;
	/** Units with at least two values. */
	units: number;
	/** Values in those units (n..). */
	pairable: number;
}

/**
 * α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, from a coincidence matrix over the ordered
 * `values`. Null when there is nothing to compare (fewer than two pairable values, or no
 * variation at all: alpha is undefined there).
 */
export function alphaFromCoincidences(
	o: readonly (readonly number[])[],
	values: readonly number[],
	metric: AlphaMetric
): number | null {
	const size = values.length;
	const n = o.map((row) => row.reduce((sum, x) => sum + x, 0));
	const total = n.reduce((sum, x) => sum + x, 0);
	if (total < 2) return null;
	let observed = 0;
	let expected = 0;
	for (let c = 0; c < size; c++) {
		for (let k = 0; k < size; k++) {
			const d = distance(metric, c, k, values, n);
			observed += o[c]![k]! * d;
			expected += n[c]! * n[k]! * d;
		}
	}
	if (expected === 0) return null;
	return 1 - ((total - 1) * observed) / expected;
}

/**
 * Krippendorff's alpha for units given as the list of values the coders gave (missing values
 * simply absent). `values` is the ordered set of possible values (1…4 for ratings).
 */
export function krippendorffAlpha(
	units: readonly (readonly number[])[],
	metric: AlphaMetric,
	values: readonly number[] = [1, 2, 3, 4]
): AlphaResult {
	const index = new Map(values.map((v, i) => [v, i]));
	const counts = units.map((unit) => {
		const row = new Array<number>(values.length).fill(0);
		for (const v of unit) {
			const i = index.get(v);
			if (i === undefined) throw new Error(`value ${v} is not one of ${values.join(', ')}`);
			row[i]! += 1;
		}
		return row;
	});
	const pairableUnits = units.filter((u) => u.length >= 2);
	return {
		alpha: alphaFromCoincidences(coincidences(counts, values.length), values, metric),
		units: pairableUnits.length,
		pairable: pairableUnits.reduce((sum, u) => sum + u.length, 0)
	};
}

/** Below this, the panel does not agree on a competency (Krippendorff's lowest acceptable level). */
export const alphaThreshold = 0.667;

// Two-sided 95% critical values of Student's t for 1…30 degrees of freedom.
const t975 = [
	12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
	2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042
];

/** t(0.975, df): the table up to 30, then 1.96 + 2.4/df (within 0.002 of the exact value). */
export function tCritical975(df: number): number {
	if (df < 1) return Number.NaN;
	return df <= 30 ? t975[df - 1]! : 1.96 + 2.4 / df;
}

export interface Leniency {
	n: number;
	/** Mean of d = rating − mean(others' ratings) over comparable ratings; null without any. */
	leniency: number | null;
	/** 95% interval for the mean (Student's t); null below two comparable ratings. */
	ci: [number, number] | null;
	/** leniency × n / (n + 10): pulled towards 0 when there is little evidence. */
	shrunkOffset: number;
}

export const shrinkage = 10;

const toNinePlaces = (value: number) => Math.round(value * 1e9) / 1e9;

/** Leniency from the count, sum and sum of squares of the deviations d. */
export function leniencyFromSums(n: number, rawSumD: number, rawSumD2: number): Leniency {
	if (n === 0) return { n, leniency: null, ci: null, shrunkOffset: 0 };
	// Sums of floating-point deviations differ in their last bits with the order they were
	// added in, which is the database's (SQLite and PostgreSQL scan differently): to nine
	// decimals, every engine gives the same figures.
	const sumD = toNinePlaces(rawSumD);
	const sumD2 = toNinePlaces(rawSumD2);
	const mean = sumD / n;
	const shrunkOffset = (mean * n) / (n + shrinkage);
	if (n < 2) return { n, leniency: mean, ci: null, shrunkOffset };
	const variance = Math.max(0, (sumD2 - n * mean * mean) / (n - 1));
	const half = (tCritical975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n);
	return { n, leniency: mean, ci: [mean - half, mean + half], shrunkOffset };
}

/** A rating with the interviewer's leniency taken out (the explicit "adjusted" view). */
export function adjustedRating(rating: number, shrunkOffset: number): number {
	return rating - shrunkOffset;
}

/** The deviation d of a rating from the mean of the other panelists' ratings in its unit. */
export function deviation(rating: number, others: readonly number[]): number | null {
	if (!others.length) return null;
	return rating - others.reduce((sum, r) => sum + r, 0) / others.length;
}

export type InterviewerSortKey =
	'name' | 'scorecards' | 'mean' | 'leniency' | 'match' | 'late' | 'notAssessed' | 'hours';

export const interviewerSortKeys: InterviewerSortKey[] = [
	'name',
	'scorecards',
	'mean',
	'leniency',
	'match',
	'late',
	'notAssessed',
	'hours'
];

interface SortableInterviewer {
	name: string;
	scorecards: number;
	meanRating: number | null;
	leniency: { leniency: number | null };
	decisionMatch: { matched: number; decided: number };
	lateShare: number | null;
	notAssessedShare: number | null;
	medianHoursToSubmit: number | null;
}

function interviewerValue(row: SortableInterviewer, key: InterviewerSortKey): string | number | null {
	switch (key) {
		case 'name':
			return row.name.toLowerCase();
		case 'scorecards':
			return row.scorecards;
		case 'mean':
			return row.meanRating;
		case 'leniency':
			return row.leniency.leniency;
		case 'match':
			return row.decisionMatch.decided ? row.decisionMatch.matched / row.decisionMatch.decided : null;
		case 'late':
			return row.lateShare;
		case 'notAssessed':
			return row.notAssessedShare;
		case 'hours':
			return row.medianHoursToSubmit;
	}
}

/** Sorts interviewers by a column; empty values last in either direction. */
export function sortInterviewers<T extends SortableInterviewer>(
	rows: readonly T[],
	key: InterviewerSortKey,
	dir: SortDirection
): T[] {
	return sortByColumn(
		rows,
		(row) => interviewerValue(row, key),
		(row) => row.name,
		dir
	);
}

/**
 * The interviewers to show: those whose name contains `q`, sorted over all of them, one page
 * of `interviewersPerPage` (a page past the end shows the last).
 */
export function pageOfInterviewers<T extends SortableInterviewer>(
	rows: readonly T[],
	view: { q: string; sort: InterviewerSortKey; dir: SortDirection; page: number }
): { interviewers: T[]; count: number; page: number; pages: number } {
	const needle = view.q.trim().toLowerCase();
	const matching = needle ? rows.filter((row) => row.name.toLowerCase().includes(needle)) : rows;
	const pages = Math.max(1, Math.ceil(matching.length / interviewersPerPage));
	const page = Math.min(pages, Math.max(1, Math.floor(view.page) || 1));
	const start = (page - 1) * interviewersPerPage;
	return {
		interviewers: sortInterviewers(matching, view.sort, view.dir).slice(start, start + interviewersPerPage),
		count: matching.length,
		page,
		pages
	};
}

/** "lenient" or "severe" when the 95% interval leaves no doubt about the direction. */
export function leniencyVerdict(ci: [number, number] | null): 'lenient' | 'severe' | null {
	if (!ci) return null;
	if (ci[0] > 0) return 'lenient';
	if (ci[1] < 0) return 'severe';
	return null;
}

/**
 * A leniency or offset in the one sign convention every page uses (docs/design.md):
 * positive rates higher than colleagues, so a lenient interviewer reads "+0.40 more lenient".
 */
export function describeLeniency(value: number | null): string {
	if (value === null) return 'no comparable ratings';
	const rounded = Number(value.toFixed(2));
	if (rounded === 0) return '0.00, in line with colleagues';
	return `${signed(value)} ${rounded > 0 ? 'more lenient' : 'more severe'}`;
}

// Every calibration figure is built from sums (counts, totals, sums of squares, alpha's
// coincidence sums, a banded histogram of submission delays), and sums add up across
// months. So the page can add stored monthly totals to exact totals for the part-months at
// the ends of a date range, and answer in the same time for one month or three years.

/** Upper edges, in hours, of the bands of "time from the end of the interview to submission". */
export const delayBandEdges = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 18, 24, 36, 48, 72, 168] as const;

// One count per delay band, d0 for the first.
const delayFields = [
	'd0',
	'd1',
	'd2',
	'd3',
	'd4',
	'd5',
	'd6',
	'd7',
	'd8',
	'd9',
	'd10',
	'd11',
	'd12',
	'd13',
	'd14',
	'd15'
] as const;

/** What an interviewer's row on the calibration page is computed from. */
export const interviewerSumFields = [
	'scorecards',
	'rec1',
	'rec2',
	'rec3',
	'rec4',
	'late',
	'decided',
	'matched',
	...delayFields,
	'ratings',
	'notAssessed',
	'r1',
	'r2',
	'r3',
	'r4',
	'sumRating',
	'nD',
	'sumD',
	'sumD2'
] as const;

/** What a competency's row is computed from (o11…o44: alpha's coincidence sums). */
export const competencySumFields = [
	'r1',
	'r2',
	'r3',
	'r4',
	'notAssessed',
	'units',
	'pairable',
	'o11',
	'o12',
	'o13',
	'o14',
	'o22',
	'o23',
	'o24',
	'o33',
	'o34',
	'o44'
] as const;

export type InterviewerSums = Record<(typeof interviewerSumFields)[number], number>;
export type CompetencySums = Record<(typeof competencySumFields)[number], number>;

export function emptySums<F extends string>(fields: readonly F[]): Record<F, number> {
	return Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number>;
}

/** Adds `more` into `into` (SQLite may hand back null for an empty sum). */
export function addSums<F extends string>(
	fields: readonly F[],
	into: Record<F, number>,
	more: Partial<Record<F, number | null>>
): void {
	for (const field of fields) into[field] += Number(more[field] ?? 0);
}

/** The band of a delay in hours: the first band whose upper edge lies above it. */
export function delayBand(hours: number): number {
	const band = delayBandEdges.findIndex((edge) => hours < edge);
	return band === -1 ? delayBandEdges.length : band;
}

/**
 * The median delay estimated from band counts: the band holding the middle value, with the
 * values spread evenly across it (the usual grouped-data median). Exact at band edges; half
 * a band wide at worst. The open top band reports its lower edge.
 */
export function medianFromBands(counts: readonly number[]): number | null {
	const total = counts.reduce((sum, n) => sum + n, 0);
	if (!total) return null;
	const half = total / 2;
	let before = 0;
	for (let band = 0; band < counts.length; band++) {
		const n = counts[band]!;
		if (n && before + n >= half) {
			const low = band === 0 ? 0 : delayBandEdges[band - 1]!;
			const high = delayBandEdges[band] ?? low;
			return low + ((half - before) / n) * (high - low);
		}
		before += n;
	}
	return null;
}

export function delayCounts(sums: InterviewerSums): number[] {
	return delayFields.map((field) => sums[field]);
}

/** The UTC month an instant falls in, as the epoch milliseconds of its first moment. */
export function monthStart(epochMs: number): number {
	const date = new Date(epochMs);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export function nextMonthStart(epochMs: number): number {
	const date = new Date(epochMs);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * Splits the inclusive range [from, to] into whole UTC months (read from monthly totals) and
 * at most two part-months at the ends (counted exactly).
 */
export function splitByMonths(
	from: number,
	to: number
): { months: { from: number; until: number } | null; parts: { from: number; to: number }[] } {
	const first = monthStart(from) === from ? from : nextMonthStart(from);
	const until = monthStart(to + 1);
	if (first >= until) return { months: null, parts: [{ from, to }] };
	const parts: { from: number; to: number }[] = [];
	if (from < first) parts.push({ from, to: first - 1 });
	if (until <= to) parts.push({ from: until, to });
	return { months: { from: first, until }, parts };
}

import {
	competencySumFields,
	interviewerSumFields,
	monthStart,
	nextMonthStart,
	type CompetencySums,
	type InterviewerSums
} from '../../lib/domain/calibration-sums';
import type { CompetencyKind } from '../../lib/domain/library';

// Calibration's monthly totals, added up while the generator writes the rows they count
// (recounting them afterwards would cost a third of the run). The synthetic test checks
// they match what calibration-upkeep.ts counts from the rows.

interface Total<S> {
	month: number;
	subject: number;
	kind: CompetencyKind;
	sums: S;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const interviewerMonthColumns = [
	'month',
	'interviewer_id',
	'round_kind',
	...interviewerSumFields.map(snake)
];
export const competencyMonthColumns = [
	'month',
	'competency_id',
	'round_kind',
	...competencySumFields.map(snake)
];

/** Called once or twice per scorecard: keyed by number, with the month worked out once. */
function monthTotals<S extends object>(fields: readonly string[]) {
	const totals = new Map<number, Total<S>>();
	const zero = Object.fromEntries(fields.map((f) => [f, 0])) as S;
	let monthFrom = 0;
	let monthUntil = 0;
	let monthNumber = 0;
	return {
		totals,
		get(at: number, subject: number, kind: CompetencyKind): S {
			if (at < monthFrom || at >= monthUntil) {
				monthFrom = monthStart(at);
				monthUntil = nextMonthStart(at);
				const date = new Date(monthFrom);
				monthNumber = date.getUTCFullYear() * 12 + date.getUTCMonth();
			}
			// Exact as long as ids stay below a few hundred million.
			const key = monthNumber * 1e9 + subject * 2 + (kind === 'technical' ? 0 : 1);
			let total = totals.get(key);
			if (!total) totals.set(key, (total = { month: monthFrom, subject, kind, sums: { ...zero } }));
			return total.sums;
		}
	};
}

export function createMonthTotals() {
	const interviewers = monthTotals<InterviewerSums>(interviewerSumFields);
	const competencies = monthTotals<CompetencySums>(competencySumFields);
	return {
		/** The totals a complete loop's scorecard (and its ratings) add to. */
		interviewer(at: number, interviewerId: number, kind: CompetencyKind): InterviewerSums {
			return interviewers.get(at, interviewerId, kind);
		},
		/** Adds a rating unit: how many gave each rating, and how many did not assess. */
		addUnit(at: number, competencyId: number, kind: CompetencyKind, counts: number[], notAssessed: number) {
			const sums = competencies.get(at, competencyId, kind);
			const [n1, n2, n3, n4] = counts as [number, number, number, number];
			const m = n1 + n2 + n3 + n4;
			sums.r1 += n1;
			sums.r2 += n2;
			sums.r3 += n3;
			sums.r4 += n4;
			sums.notAssessed += notAssessed;
			if (m < 2) return;
			const n = [0, n1, n2, n3, n4];
			sums.units += 1;
			sums.pairable += m;
			for (let c = 1; c <= 4; c++) {
				for (let k = c; k <= 4; k++) {
					const field = `o${c}${k}` as keyof CompetencySums;
					sums[field] += ((c === k ? n[c]! * (n[c]! - 1) : n[c]! * n[k]!) * 1.0) / (m - 1);
				}
			}
		},
		interviewerRows(): unknown[][] {
			return [...interviewers.totals.values()].map((t) => [
				t.month,
				t.subject,
				t.kind,
				...interviewerSumFields.map((f) => t.sums[f])
			]);
		},
		competencyRows(): unknown[][] {
			return [...competencies.totals.values()].map((t) => [
				t.month,
				t.subject,
				t.kind,
				...competencySumFields.map((f) => t.sums[f])
			]);
		}
	};
}

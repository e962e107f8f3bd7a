import {
	competencySumFields,
	emptySums,
	interviewerSumFields,
	monthStart,
	type CompetencySums,
	type InterviewerSums
} from '../../domain/calibration-sums';
import type { CompetencyKind } from '../../domain/library';

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

function totalFor<S>(
	totals: Map<string, Total<S>>,
	at: number,
	subject: number,
	kind: CompetencyKind,
	empty: () => S
): S {
	const month = monthStart(at);
	const key = `${month}|${subject}|${kind}`;
	let total = totals.get(key);
	if (!total) totals.set(key, (total = { month, subject, kind, sums: empty() }));
	return total.sums;
}

export function createMonthTotals() {
	const interviewers = new Map<string, Total<InterviewerSums>>();
	const competencies = new Map<string, Total<CompetencySums>>();
	return {
		/** The totals a complete loop's scorecard (and its ratings) add to. */
		interviewer(at: number, interviewerId: number, kind: CompetencyKind): InterviewerSums {
			return totalFor(interviewers, at, interviewerId, kind, () => emptySums(interviewerSumFields));
		},
		/** Adds a rating unit: how many gave each rating, and how many did not assess. */
		addUnit(at: number, competencyId: number, kind: CompetencyKind, counts: number[], notAssessed: number) {
			const sums = totalFor(competencies, at, competencyId, kind, () => emptySums(competencySumFields));
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
			return [...interviewers.values()].map((t) => [
				t.month,
				t.subject,
				t.kind,
				...interviewerSumFields.map((f) => t.sums[f])
			]);
		},
		competencyRows(): unknown[][] {
			return [...competencies.values()].map((t) => [
				t.month,
				t.subject,
				t.kind,
				...competencySumFields.map((f) => t.sums[f])
			]);
		}
	};
}

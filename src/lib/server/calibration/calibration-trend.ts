import {
	competencySumFields,
	interviewerSumFields,
	type CompetencySums,
	type InterviewerSums
} from '../../domain/calibration-sums';
import { competencySums, interviewerSums } from './calibration-sums';
import type { DB } from '../platform/db';
import { leniencyFromSums } from '../../domain/calibration';
import type { AuthUser } from '../auth/session';
import { ForbiddenError } from '../platform/errors';
import { scopeOf, sumsFilterOf, type CalibrationFilter } from './calibration-scope';
import { accumulate, agreementOf } from './calibration';

export interface TrendMonth {
	month: string;
	n: number;
	mean: number | null;
	leniency: number | null;
	alphaInterval: number | null;
}

const monthLabel = (month: number) => new Date(month).toISOString().slice(0, 7);

/** Month by month (UTC months) for one interviewer or one competency, within the viewer's scope. */
export async function getTrend(
	db: DB,
	actor: AuthUser,
	subject: { interviewerId: number } | { competencyId: number },
	filter: CalibrationFilter
): Promise<TrendMonth[]> {
	const scope = await scopeOf(db, actor, filter);
	const sumsFilter = sumsFilterOf(filter, scope);
	if ('interviewerId' in subject) {
		if (scope.kind === 'own' && subject.interviewerId !== actor.id)
			throw new ForbiddenError('You can see your own figures');
		const rows = await interviewerSums(db, { ...sumsFilter, interviewerId: subject.interviewerId }, 'month');
		const months = new Map<number, InterviewerSums>();
		accumulate(
			interviewerSumFields,
			months,
			rows.map((row) => ({ id: row.month, sums: row.sums }))
		);
		return [...months]
			.sort(([a], [b]) => a - b)
			.filter(([, s]) => s.ratings)
			.map(([month, s]) => {
				const rated = s.r1 + s.r2 + s.r3 + s.r4;
				return {
					month: monthLabel(month),
					n: rated,
					mean: rated ? s.sumRating / rated : null,
					leniency: leniencyFromSums(s.nD, s.sumD, s.sumD2).leniency,
					alphaInterval: null
				};
			});
	}
	if (scope.kind === 'own')
		throw new ForbiddenError('Agreement per competency is for hiring staff and hiring managers');
	const rows = await competencySums(db, { ...sumsFilter, competencyId: subject.competencyId }, 'month');
	const months = new Map<number, CompetencySums>();
	accumulate(
		competencySumFields,
		months,
		rows.map((row) => ({ id: row.month, sums: row.sums }))
	);
	return [...months]
		.sort(([a], [b]) => a - b)
		.map(([month, sums]) => {
			const a = agreementOf(sums);
			return {
				month: monthLabel(month),
				n: a.ratings[1] + a.ratings[2] + a.ratings[3] + a.ratings[4],
				mean: a.mean,
				leniency: null,
				alphaInterval: a.alphaInterval
			};
		});
}

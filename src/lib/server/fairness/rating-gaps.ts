import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { computeRatingGaps, type InterviewerGaps } from '../../domain/rating-gap';
import { assertCanManageHiring } from '../access/permissions';
import type { ReportFilter } from './adverse-impact-report';
import { readMonitoringSettings } from './monitoring-settings';

// Per interviewer, the mean rating gap between groups (decision 025), over the same complete
// loops as the report: one value per submitted scorecard, the mean of its competency ratings
// (not assessed left out).

export async function getRatingGaps(
	db: DB,
	actor: AuthUser,
	filter: ReportFilter
): Promise<InterviewerGaps[]> {
	assertCanManageHiring(actor);
	const { categories } = await readMonitoringSettings(db);
	const category = categories.find((c) => c.name === filter.category);
	if (!category) return [];
	let query = db
		.selectFrom('loop')
		.innerJoin('demographicAnswer as answer', (join) =>
			join.onRef('answer.candidateId', '=', 'loop.candidateId').on('answer.category', '=', category.name)
		)
		.innerJoin('scorecardRating as rating', 'rating.loopId', 'loop.id')
		.innerJoin('user', 'user.id', 'rating.interviewerId')
		.select((eb) => [
			'rating.scorecardId',
			'rating.interviewerId',
			'user.name',
			'answer.answer',
			eb.fn.sum<number | string>('rating.rating').as('ratingSum'),
			eb.fn.count<number | string>('rating.rating').as('ratings')
		])
		.where('loop.completedAt', '>=', filter.from)
		.where('loop.completedAt', '<=', filter.to)
		.where('loop.cancelledAt', 'is', null)
		.where('rating.rating', 'is not', null)
		.groupBy(['rating.scorecardId', 'rating.interviewerId', 'user.name', 'answer.answer']);
	if (filter.openingId !== undefined) query = query.where('loop.openingId', '=', filter.openingId);
	const cards = (await query.execute()).map((r) => ({
		interviewerId: r.interviewerId,
		interviewerName: r.name,
		group: r.answer,
		value: Number(r.ratingSum) / Number(r.ratings)
	}));
	return computeRatingGaps(category.options, cards);
}

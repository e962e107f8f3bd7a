import { loopStatusLabels } from '#lib/domain/loop-status.ts';
import { outcomeLabels } from '#lib/domain/decision.ts';
import { hiddenReasonLines } from '#lib/domain/feedback-visibility.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { comparisonFromQuery } from '#lib/server/evaluation/comparison-query.ts';
import { csvResponse, toCsv } from '#lib/server/platform/csv.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { RequestHandler } from './$types';

/** The comparison as shown (same selection, same order, same independence rule). */
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event);
	const c = await orPageError(
		comparisonFromQuery(getDb(), actor, idParam(event.params.id), event.url.searchParams)
	);
	const header = [
		'Candidate',
		'Loop status',
		'Decision',
		'Technical mean',
		'Leadership mean',
		...c.competencies.map((x) => x.name),
		'Strong no',
		'No',
		'Yes',
		'Strong yes',
		'Recommendation mean',
		'Note'
	];
	const rows = c.rows.map((row) => [
		row.candidateName,
		loopStatusLabels[row.status],
		row.outcome ? outcomeLabels[row.outcome] : '',
		row.technicalMean,
		row.leadershipMean,
		...c.competencies.map((x) => row.means[x.id] ?? null),
		...(row.visible
			? [
					row.recommendations.counts[1],
					row.recommendations.counts[2],
					row.recommendations.counts[3],
					row.recommendations.counts[4]
				]
			: ['', '', '', '']),
		row.recommendations.mean,
		row.hiddenReason ? hiddenReasonLines[row.hiddenReason] : ''
	]);
	if (c.adjusted) rows.push([], ['Means adjusted for each interviewer’s leniency (rating − shrunk offset)']);
	return csvResponse(
		`comparison-${c.opening.title}${c.adjusted ? '-adjusted' : ''}.csv`,
		toCsv(header, rows)
	);
};

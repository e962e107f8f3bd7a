import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { csvResponse, toCsv } from '#lib/server/platform/csv.ts';
import { exportLoopResults } from '#lib/server/evaluation/results.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { RequestHandler } from './$types';

/** One row per competency: the statistics, then each panelist's rating; for those who run the opening. */
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event);
	const loopId = idParam(event.params.id);
	const adjusted = event.url.searchParams.get('adjusted') === '1';
	const results = await orPageError(exportLoopResults(getDb(), actor, loopId, { adjusted }));
	const header = [
		'Competency',
		'Kind',
		'n',
		'Mean',
		'Median',
		'Min',
		'Max',
		'Spread',
		'SD',
		'Disagreement',
		...results.panelists.map((p) => p.name)
	];
	const rows = results.competencies.map((c) => [
		c.name,
		c.kind,
		c.n,
		c.mean,
		c.median,
		c.min,
		c.max,
		c.spread,
		c.sd,
		c.disagreement,
		...results.panelists.map((p) => {
			const entry = c.ratings.find((x) => x.interviewerId === p.id);
			return entry ? (entry.rating ?? 'not assessed') : '';
		})
	]);
	rows.push(
		[],
		['Technical mean', '', '', results.technicalMean],
		['Leadership mean', '', '', results.leadershipMean]
	);
	rows.push([
		'Recommendations',
		'Strong no',
		results.recommendations.counts[1],
		'No',
		results.recommendations.counts[2],
		'Yes',
		results.recommendations.counts[3],
		'Strong yes',
		results.recommendations.counts[4]
	]);
	if (adjusted) rows.push([], ['Ratings adjusted for each interviewer’s leniency (rating − shrunk offset)']);
	return csvResponse(
		`results-${results.candidateName}-${loopId}${adjusted ? '-adjusted' : ''}.csv`,
		toCsv(header, rows)
	);
};

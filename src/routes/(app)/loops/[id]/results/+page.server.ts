import { runsOpeningLoops } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { getLoopResults } from '#lib/server/evaluation/results.ts';
import { listPracticeScorecards } from '#lib/server/evaluation/practice-scorecards.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const adjusted = event.url.searchParams.get('adjusted') === '1';
	const results = await orPageError(getLoopResults(db, actor, idParam(event.params.id), { adjusted }));
	// Panelists read results; the opening, the candidate, the debrief and the adjusted view
	// are for those who run the opening's loops.
	const [runsOpening, practice] = await Promise.all([
		runsOpeningLoops(db, actor, results.openingId),
		listPracticeScorecards(db, actor, results.loopId)
	]);
	return { results, runsOpening, practice };
};

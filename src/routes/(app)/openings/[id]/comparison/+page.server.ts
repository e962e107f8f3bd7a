import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { comparisonFromQuery } from '#lib/server/evaluation/comparison-query.ts';
import { listLoops } from '#lib/server/hiring/loop-summaries.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const openingId = idParam(event.params.id);
	const comparison = await orPageError(comparisonFromQuery(db, actor, openingId, event.url.searchParams));
	// Everyone with a loop here, for choosing whom to compare.
	const everyone = (await listLoops(db, actor, { openingId }))
		.filter((l) => l.status !== 'cancelled')
		.map((l) => ({ id: l.candidateId, name: l.candidateName }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { comparison, everyone };
};

import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { comparisonFromQuery } from '$lib/server/comparison-query';
import { listLoops } from '$lib/server/loops';
import { idParam, orPageError } from '$lib/server/route-helpers';
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

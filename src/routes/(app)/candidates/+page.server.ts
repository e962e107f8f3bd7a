import { parseId } from '#lib/domain/ids.ts';
import { pageFromQuery } from '#lib/domain/paging.ts';
import { canManageHiring } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { orPageError } from '#lib/server/web/page-errors.ts';
import { listCandidates } from '#lib/server/hiring/candidates.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').slice(0, 100);
	const openingId = parseId(params.get('opening')) ?? undefined;
	const page = pageFromQuery(params.get('page'));
	const [result, openings] = await orPageError(
		Promise.all([listCandidates(db, actor, { q, openingId, page }), listOpenings(db, actor)])
	);
	return {
		...result,
		openings,
		filter: { q, openingId: openingId ?? 0 },
		page,
		canCreate: canManageHiring(actor)
	};
};

import { canManageHiring } from '$lib/server/access';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { orPageError } from '$lib/server/route-helpers';
import { listCandidates } from '$lib/server/candidates';
import { listOpenings } from '$lib/server/openings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').slice(0, 100);
	const openingId = Number(params.get('opening')) || undefined;
	const page = Math.max(1, Number(params.get('page')) || 1);
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

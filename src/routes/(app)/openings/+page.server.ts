import { canManageHiring } from '$lib/server/access';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { orPageError } from '$lib/server/route-helpers';
import { listOpenings } from '$lib/server/openings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const openings = await orPageError(listOpenings(getDb(), actor));
	return { openings, canCreate: canManageHiring(actor) };
};

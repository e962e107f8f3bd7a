import { canManageHiring } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { orPageError } from '#lib/server/web/page-errors.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const openings = await orPageError(listOpenings(getDb(), actor));
	return { openings, canCreate: canManageHiring(actor) };
};

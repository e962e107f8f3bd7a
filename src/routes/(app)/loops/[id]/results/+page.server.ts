import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { getPanelFeedback } from '$lib/server/results';
import { idParam, orPageError } from '$lib/server/route-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { feedback: await orPageError(getPanelFeedback(getDb(), actor, idParam(event.params.id))) };
};

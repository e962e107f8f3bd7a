import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { getDebrief } from '$lib/server/debriefs';
import { idParam, orPageError } from '$lib/server/route-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return {
		debrief: await orPageError(getDebrief(getDb(), actor, idParam(event.params.id))),
		printedAt: Date.now()
	};
};

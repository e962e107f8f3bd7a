import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/guards';
import { getInterviewBrief } from '$lib/server/interviews';
import { idParam, orPageError } from '$lib/server/route-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { brief: await orPageError(getInterviewBrief(getDb(), actor, idParam(event.params.id))) };
};

import { getDb } from '#lib/server/platform/runtime.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { getDebrief } from '#lib/server/evaluation/debriefs.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return {
		debrief: await orPageError(getDebrief(getDb(), actor, idParam(event.params.id))),
		printedAt: Date.now()
	};
};

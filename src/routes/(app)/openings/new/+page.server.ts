import { redirect } from '@sveltejs/kit';
import { openingSchema } from '$lib/domain/hiring-schemas';
import { getDb } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { runFormAction } from '$lib/server/form-actions';
import { createOpening, listActivePeople } from '$lib/server/openings';
import { listTemplates } from '$lib/server/templates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const db = getDb();
	const [templates, people] = await Promise.all([listTemplates(db, actor), listActivePeople(db, actor)]);
	return { templates, people };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const result = await runFormAction(event.request, openingSchema, 'create', async (input) => ({
			id: await createOpening(getDb(), actor, input)
		}));
		if ('id' in result) redirect(303, `/openings/${result.id}`);
		return result;
	}
};

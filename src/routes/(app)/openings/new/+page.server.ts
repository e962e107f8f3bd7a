import { redirect } from '@sveltejs/kit';
import { openingSchema } from '#lib/domain/hiring-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { createOpening, listActiveUsers } from '#lib/server/hiring/openings.ts';
import { listTemplates } from '#lib/server/library/templates.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const db = getDb();
	const [templates, users] = await Promise.all([listTemplates(db, actor), listActiveUsers(db, actor)]);
	return { templates, users };
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

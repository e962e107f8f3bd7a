import { redirect } from '@sveltejs/kit';
import { competencySchema } from '#lib/domain/library-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { createCompetency } from '#lib/server/library/competency-edits.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin', 'recruiter');
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const result = await runFormAction(event.request, competencySchema, 'create', async (input) => ({
			id: await createCompetency(getDb(), actor, input)
		}));
		if ('id' in result) redirect(303, `/library/${result.id}`);
		return result;
	}
};

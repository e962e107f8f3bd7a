import { redirect } from '@sveltejs/kit';
import { templateSchema } from '$lib/domain/library-schemas';
import { getDb } from '$lib/server/app';
import { requireRole } from '$lib/server/auth/guards';
import { runFormAction } from '$lib/server/form-actions';
import { createTemplate } from '$lib/server/templates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin', 'recruiter');
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const result = await runFormAction(event.request, templateSchema, 'create', async (input) => ({
			id: await createTemplate(getDb(), actor, input)
		}));
		if ('id' in result) redirect(303, `/templates/${result.id}`);
		return result;
	}
};

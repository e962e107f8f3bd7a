import { redirect } from '@sveltejs/kit';
import { templateSchema } from '#lib/domain/library-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { createTemplate } from '#lib/server/library/templates.ts';
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

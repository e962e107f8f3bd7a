import { parseId } from '#lib/domain/ids.ts';
import { redirect } from '@sveltejs/kit';
import { questionSchema } from '#lib/domain/library-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { listCompetencies } from '#lib/server/library/competencies.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { createQuestion } from '#lib/server/library/questions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const preselected = parseId(event.url.searchParams.get('competency'));
	return { competencies: await listCompetencies(getDb(), actor), preselected };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const result = await runFormAction(event.request, questionSchema, 'create', async (input) => ({
			id: await createQuestion(getDb(), actor, input)
		}));
		if ('id' in result) redirect(303, '/library/questions');
		return result;
	}
};

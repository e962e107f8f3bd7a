import { parseId } from '#lib/domain/ids.ts';
import { redirect } from '@sveltejs/kit';
import { candidateSchema } from '#lib/domain/hiring-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { createCandidate } from '#lib/server/hiring/candidates.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const preselected = parseId(event.url.searchParams.get('opening'));
	return { openings: await listOpenings(getDb(), actor), preselected };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const result = await runFormAction(event.request, candidateSchema, 'create', async (input) => ({
			id: await createCandidate(getDb(), actor, input)
		}));
		if ('id' in result) redirect(303, `/candidates/${result.id}`);
		return result;
	}
};

import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { competencySchema } from '#lib/domain/library-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { getCompetency } from '#lib/server/library/competencies.ts';
import {
	deleteCompetency,
	reviseCompetency,
	setCompetencyArchived
} from '#lib/server/library/competency-edits.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	return { competency: await orPageError(getCompetency(getDb(), actor, idParam(event.params.id))) };
};

const nothing = z.object({});

export const actions: Actions = {
	revise: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, competencySchema, 'revise', async (input) =>
			reviseCompetency(getDb(), actor, idParam(event.params.id), input)
		);
	},
	archive: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, nothing, 'archive', async () => {
			await setCompetencyArchived(getDb(), actor, idParam(event.params.id), true);
			return {};
		});
	},
	restore: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, nothing, 'restore', async () => {
			await setCompetencyArchived(getDb(), actor, idParam(event.params.id), false);
			return {};
		});
	},
	delete: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const result = await runFormAction(event.request, nothing, 'delete', async () => {
			await deleteCompetency(getDb(), actor, idParam(event.params.id));
			return { deleted: true };
		});
		if ('deleted' in result) redirect(303, '/library');
		return result;
	}
};

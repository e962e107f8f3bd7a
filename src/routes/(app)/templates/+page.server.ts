import { z } from 'zod';
import { idSchema } from '#lib/domain/library-schemas.ts';
import { redirect } from '@sveltejs/kit';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { duplicateTemplate, listTemplates } from '#lib/server/library/templates.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const includeArchived = event.url.searchParams.get('archived') === 'on';
	return { templates: await listTemplates(getDb(), actor, { includeArchived }), includeArchived };
};

export const actions: Actions = {
	duplicate: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const result = await runFormAction(
			event.request,
			z.object({ templateId: idSchema }),
			'duplicate',
			async ({ templateId }) => ({
				id: await duplicateTemplate(getDb(), actor, templateId)
			})
		);
		if ('id' in result) redirect(303, `/templates/${result.id}`);
		return result;
	}
};

import { competencyKinds } from '#lib/domain/library.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { listCompetencies } from '#lib/server/library/competencies.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const kindParam = event.url.searchParams.get('kind');
	const kind = competencyKinds.find((k) => k === kindParam);
	const includeArchived = event.url.searchParams.get('archived') === 'on';
	return {
		competencies: await listCompetencies(getDb(), actor, { kind, includeArchived }),
		filter: { kind: kind ?? '', includeArchived }
	};
};

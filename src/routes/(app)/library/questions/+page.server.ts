import { parseId } from '#lib/domain/ids.ts';
import { competencyKinds } from '#lib/domain/library.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { listCompetencies } from '#lib/server/library/competencies.ts';
import { listQuestions } from '#lib/server/library/questions.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const params = event.url.searchParams;
	const kind = competencyKinds.find((k) => k === params.get('kind'));
	const competencyId = parseId(params.get('competency')) ?? undefined;
	const includeArchived = params.get('archived') === 'on';
	const db = getDb();
	const [questions, competencies] = await Promise.all([
		listQuestions(db, actor, { kind, competencyId, includeArchived }),
		listCompetencies(db, actor)
	]);
	return {
		questions,
		competencies,
		filter: { kind: kind ?? '', competencyId: competencyId ?? 0, includeArchived }
	};
};

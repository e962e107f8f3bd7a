import { z } from 'zod';
import { questionSchema } from '#lib/domain/library-schemas.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { listCompetencies } from '#lib/server/library/competencies.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { getQuestion, setQuestionArchived, updateQuestion } from '#lib/server/library/questions.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const db = getDb();
	const question = await orPageError(getQuestion(db, actor, idParam(event.params.id)));
	const competencies = await listCompetencies(db, actor, { includeArchived: true });
	const linked = new Set(question.competencies.map((c) => c.id));
	return { question, competencies: competencies.filter((c) => !c.archivedAt || linked.has(c.id)) };
};

const nothing = z.object({});

export const actions: Actions = {
	update: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, questionSchema, 'update', async (input) => {
			await updateQuestion(getDb(), actor, idParam(event.params.id), input);
			return { saved: true };
		});
	},
	archive: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, nothing, 'archive', async () => {
			await setQuestionArchived(getDb(), actor, idParam(event.params.id), true);
			return {};
		});
	},
	restore: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, nothing, 'restore', async () => {
			await setQuestionArchived(getDb(), actor, idParam(event.params.id), false);
			return {};
		});
	}
};

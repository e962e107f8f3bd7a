import { redirect } from '@sveltejs/kit';
import { requireRole } from '#lib/server/auth/guards.ts';
import { createExercise, listCompetencyChoices } from '#lib/server/calibration/exercises.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runExerciseForm } from '../exercise-form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	return { competencies: await listCompetencyChoices(getDb(), actor) };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const db = getDb();
		const competencies = await listCompetencyChoices(db, actor);
		let id = 0;
		const failure = await runExerciseForm(
			event.request,
			competencies.map((c) => c.id),
			async (input) => {
				id = await createExercise(db, actor, input);
			}
		);
		if (failure) return failure;
		redirect(303, `/exercises/${id}/edit?saved=1`);
	}
};

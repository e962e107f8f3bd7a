import { redirect } from '@sveltejs/kit';
import { formatPassDistance } from '#lib/domain/exercises.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import {
	archiveExercise,
	getExercise,
	listCompetencyChoices,
	updateExercise
} from '#lib/server/calibration/exercises.ts';
import { listExerciseAttempts } from '#lib/server/calibration/exercise-results.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { formFailure } from '#lib/server/web/form-actions.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import { runExerciseForm } from '../../exercise-form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const db = getDb();
	const id = idParam(event.params.id);
	const exercise = await orPageError(getExercise(db, actor, id));
	const [competencies, attempts] = await Promise.all([
		listCompetencyChoices(db, actor),
		listExerciseAttempts(db, actor, id)
	]);
	// The form starts from what is saved.
	const saved: Record<string, string> = {
		title: exercise.title,
		format: exercise.format,
		transcript: exercise.transcript,
		passDistance: formatPassDistance(exercise.passDistance),
		open: exercise.isOpen ? 'on' : ''
	};
	for (const r of exercise.references) {
		saved[`reference.${r.competencyId}`] = String(r.rating);
		saved[`reason.${r.competencyId}`] = r.reason;
	}
	return {
		exercise,
		saved,
		competencies,
		attempts,
		justSaved: event.url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const db = getDb();
		const id = idParam(event.params.id);
		const competencies = await listCompetencyChoices(db, actor);
		const failure = await runExerciseForm(
			event.request,
			competencies.map((c) => c.id),
			(input) => updateExercise(db, actor, id, input)
		);
		if (failure) return failure;
		redirect(303, `/exercises/${id}/edit?saved=1`);
	},

	archive: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const id = idParam(event.params.id);
		try {
			await archiveExercise(getDb(), actor, id);
		} catch (err) {
			return formFailure(err, {}, 'archive');
		}
		redirect(303, '/exercises');
	}
};

import { redirect } from '@sveltejs/kit';
import { parseAttemptForm, postedFields } from '#lib/domain/exercises.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { getExerciseKit } from '#lib/server/calibration/exercise-kit.ts';
import { submitAttempt } from '#lib/server/calibration/exercise-attempts.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { kit: await orPageError(getExerciseKit(getDb(), actor, idParam(event.params.id))) };
};

export const actions: Actions = {
	submit: async (event) => {
		const actor = requireUser(event);
		const db = getDb();
		const id = idParam(event.params.id);
		const kit = await orPageError(getExerciseKit(db, actor, id));
		const posted = postedFields(await event.request.formData());
		const parsed = parseAttemptForm(posted, kit.competencies);
		if (!parsed.ok) return failForm(400, { action: 'submit', values: parsed.values, errors: parsed.errors });
		try {
			await submitAttempt(db, actor, id, parsed.data);
		} catch (err) {
			return formFailure(err, posted, 'submit');
		}
		redirect(303, `/exercises/${id}#result`);
	}
};

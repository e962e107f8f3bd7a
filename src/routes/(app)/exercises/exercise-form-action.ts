import { parseExerciseForm, postedFields, type ExerciseInput } from '#lib/domain/exercises.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';

/** Parses the exercise form against the competencies offered and runs `save`, or answers 400. */
export async function runExerciseForm(
	request: Request,
	competencyIds: number[],
	save: (input: ExerciseInput) => Promise<void>
) {
	const posted = postedFields(await request.formData());
	const parsed = parseExerciseForm(posted, competencyIds);
	if (!parsed.ok) return failForm(400, { action: 'save', values: parsed.values, errors: parsed.errors });
	try {
		await save(parsed.data);
		return null;
	} catch (err) {
		return formFailure(err, posted, 'save');
	}
}

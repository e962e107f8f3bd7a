import { z } from 'zod';
import { roundFormats, type RoundFormat } from './library';
import { issuesToFieldErrors, type EchoedValues, type FieldErrors } from './validation';

// Calibration exercises (decision 031): a practice case with reference ratings per
// competency. An interviewer's distance from the reference is the mean absolute difference
// between their rating and the reference rating over the exercise's competencies, on the
// 1–4 scale (0 = every rating on the reference, 3 = every rating at the far end).

export interface RatedPair {
	rating: number;
	reference: number;
}

export interface Distance {
	/** Sum of |rating − reference|: an integer, so the distance is exact. */
	total: number;
	count: number;
	distance: number;
}

export function measureDistance(pairs: readonly RatedPair[]): Distance {
	if (pairs.length === 0) throw new Error('An exercise has at least one competency');
	const total = pairs.reduce((sum, p) => sum + Math.abs(p.rating - p.reference), 0);
	return { total, count: pairs.length, distance: total / pairs.length };
}

/** Passed when the distance is at most the threshold (hundredths), compared in integers. */
export function passesThreshold(total: number, count: number, passDistance: number): boolean {
	return total * 100 <= passDistance * count;
}

/** A threshold in hundredths as people write it: 50 → "0.5". */
export function formatPassDistance(hundredths: number): string {
	return String(hundredths / 100);
}

export const maxPassDistance = 300;

const exerciseFieldsSchema = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'Give the exercise a title')
		.max(200, 'Keep the title under 200 characters'),
	format: z.enum(roundFormats, { error: 'Choose a round format' }),
	transcript: z
		.string()
		.trim()
		.min(1, 'Write the transcript or a summary of the candidate’s answers')
		.max(50_000, 'Keep the transcript under 50,000 characters'),
	passDistance: z
		.string()
		.trim()
		.regex(/^\d+(\.\d{1,2})?$/, 'Give the pass distance as a number from 0 to 3, such as 0.5')
		.transform((v) => Math.round(Number(v) * 100))
		.refine((v) => v <= maxPassDistance, 'Give the pass distance as a number from 0 to 3, such as 0.5'),
	open: z.enum(['', 'on']).transform((v) => v === 'on')
});

export interface ReferenceInput {
	competencyId: number;
	rating: number;
	reason: string;
}

export type ExerciseInput = z.output<typeof exerciseFieldsSchema> & { references: ReferenceInput[] };

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: EchoedValues };

/** The posted form as flat text fields (FormData entries; a missing checkbox is absent). */
export type PostedFields = Record<string, string>;

/**
 * The exercise form: its fields, then one reference rating (`reference.<id>`, empty = not part
 * of the exercise) and reason (`reason.<id>`) per competency offered, in the order offered.
 */
export function parseExerciseForm(
	posted: PostedFields,
	competencyIds: readonly number[]
): Parsed<ExerciseInput> {
	const fields = exerciseFieldsSchema.safeParse({
		title: posted.title ?? '',
		format: posted.format ?? '',
		transcript: posted.transcript ?? '',
		passDistance: posted.passDistance ?? '',
		open: posted.open ?? ''
	});
	const errors: FieldErrors = fields.success ? {} : issuesToFieldErrors(fields.error.issues);
	const references: ReferenceInput[] = [];
	for (const id of competencyIds) {
		const rating = (posted[`reference.${id}`] ?? '').trim();
		const reason = (posted[`reason.${id}`] ?? '').trim();
		if (rating === '') {
			if (reason)
				errors[`reference.${id}`] = 'Give the reference rating for this reason, or clear the reason';
			continue;
		}
		if (!/^[1-4]$/.test(rating)) {
			errors[`reference.${id}`] = 'Choose a reference rating from 1 to 4';
			continue;
		}
		if (!reason) errors[`reason.${id}`] = 'Say why the experienced interviewers agreed on this rating';
		else if (reason.length > 5000) errors[`reason.${id}`] = 'Keep the reason under 5,000 characters';
		references.push({ competencyId: id, rating: Number(rating), reason });
	}
	if (references.length === 0 && !Object.keys(errors).some((k) => k.startsWith('reference.')))
		errors.references = 'Give a reference rating for at least one competency';
	if (!fields.success || Object.keys(errors).length) return { ok: false, errors, values: posted };
	return { ok: true, data: { ...fields.data, references } };
}

export interface AttemptRatingInput {
	competencyId: number;
	rating: number;
	evidence: string;
}

/** The exercise kit's form: a rating 1–4 (`rating.<id>`) for every competency, evidence optional. */
export function parseAttemptForm(
	posted: PostedFields,
	competencies: readonly { id: number; name: string }[]
): Parsed<AttemptRatingInput[]> {
	const errors: FieldErrors = {};
	const ratings: AttemptRatingInput[] = [];
	for (const c of competencies) {
		const rating = (posted[`rating.${c.id}`] ?? '').trim();
		const evidence = (posted[`evidence.${c.id}`] ?? '').trim();
		if (!/^[1-4]$/.test(rating)) errors[`rating.${c.id}`] = `Choose a rating for ${c.name}`;
		else if (evidence.length > 20_000)
			errors[`evidence.${c.id}`] = 'Keep the evidence under 20,000 characters';
		else ratings.push({ competencyId: c.id, rating: Number(rating), evidence });
	}
	if (Object.keys(errors).length) return { ok: false, errors, values: posted };
	return { ok: true, data: ratings };
}

export const assignExerciseSchema = z.object({
	userId: z.coerce.number({ error: 'Choose an interviewer' }).int().positive('Choose an interviewer'),
	exerciseId: z.coerce.number({ error: 'Choose an exercise' }).int().positive('Choose an exercise')
});
export type AssignExerciseInput = z.output<typeof assignExerciseSchema>;

/** The exercises of the formats a person interviews in; every one for a person with no format yet. */
export function exercisesForFormats<T extends { format: RoundFormat }>(
	exercises: readonly T[],
	formats: ReadonlySet<RoundFormat>
): T[] {
	return formats.size ? exercises.filter((e) => formats.has(e.format)) : [...exercises];
}

/** FormData as flat text fields (the last value of a repeated name wins; files are ignored). */
export function postedFields(formData: FormData): PostedFields {
	const posted: PostedFields = {};
	for (const [key, value] of formData) if (typeof value === 'string') posted[key] = value;
	return posted;
}

/**
 * Where a dated marker sits among a chart's months (YYYY-MM, ascending), as a fractional index:
 * on its own month, or halfway between the charted months around it. Null outside them.
 */
export function markerPosition(months: readonly string[], month: string): number | null {
	const after = months.findIndex((m) => m >= month);
	if (after === -1) return null;
	if (months[after] === month) return after;
	return after === 0 ? null : after - 0.5;
}

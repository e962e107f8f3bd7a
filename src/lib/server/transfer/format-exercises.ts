import { z } from 'zod';
import { maxPassDistance } from '../../domain/exercises';
import { expected, format, id, level, longText, name, text, time, wholeNumber } from './format-fields';

// Calibration exercises in the export file (decision 031): each case with its reference
// ratings, the attempts people made at it (their ratings against the reference as it stood
// when they submitted) and who it was assigned to. One record per exercise, everything about
// it inside, so nothing else points at it. Written only when there are exercises.

const referenceSchema = z.strictObject({
	competencyId: id,
	revisionId: id,
	referenceRating: level,
	reason: text
});

const attemptRatingSchema = z.strictObject({
	competencyId: id,
	revisionId: id,
	rating: level,
	evidence: text,
	referenceRating: level,
	referenceReason: text
});

/**
 * Whether it passed is what the pass distance then made of it: an admin may have moved the
 * threshold since. The distance itself is worked out again from the ratings.
 */
const attemptSchema = z.strictObject({
	id,
	userId: id,
	submittedAt: time,
	passed: z.boolean({ error: expected('true or false') }),
	ratings: z.array(attemptRatingSchema).min(1, { error: 'An attempt rates at least one competency' })
});

const assignmentSchema = z.strictObject({
	id,
	userId: id,
	assignedBy: id.nullable(),
	assignedAt: time
});

export const calibrationExerciseSchema = z.strictObject({
	id,
	title: name,
	format,
	transcript: longText.min(1, { error: 'This must not be empty' }),
	passDistance: wholeNumber(0, maxPassDistance),
	isOpen: z.boolean({ error: expected('true or false') }),
	archivedAt: time.nullable(),
	createdBy: id.nullable(),
	createdAt: time,
	updatedAt: time,
	references: z.array(referenceSchema).min(1, { error: 'An exercise has at least one reference rating' }),
	attempts: z.array(attemptSchema),
	assignments: z.array(assignmentSchema)
});

export type ExportCalibrationExercise = z.infer<typeof calibrationExerciseSchema>;

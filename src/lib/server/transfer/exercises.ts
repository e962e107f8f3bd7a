import { measureDistance } from '../../domain/exercises';
import type { DB } from '../platform/db';
import { insertRows } from '../platform/insert-rows';
import type { Checks, Path } from './checks';
import {
	dbId as n,
	dbIdOrNull as nOrNull,
	epochMs as ms,
	epochMsOrNull as msOrNull,
	fileId as id,
	fileIdOrNull as idOrNull,
	isoTime,
	isoTimeOrNull
} from './convert';
import { groupBy } from './export-records';
import type { ExportCalibrationExercise } from './format-exercises';
import { checkRevision } from './loop-references';

// Calibration exercises across an export and import (format-exercises.ts): a handful per
// organisation, read whole, each with its references, attempts and assignments.

type Level = 1 | 2 | 3 | 4;
/** Ratings are 1–4 in the database as in the file (the app writes no other). */
const level = (rating: number) => rating as Level;

export async function readCalibrationExercises(db: DB): Promise<ExportCalibrationExercise[]> {
	const [exercises, references, attempts, ratings, assignments] = await Promise.all([
		db.selectFrom('calibrationExercise').selectAll().orderBy('id').execute(),
		db
			.selectFrom('calibrationExerciseCompetency')
			.selectAll()
			.orderBy('exerciseId')
			.orderBy('position')
			.execute(),
		db.selectFrom('calibrationExerciseAttempt').selectAll().orderBy('id').execute(),
		db.selectFrom('calibrationExerciseRating').selectAll().orderBy('attemptId').orderBy('position').execute(),
		db.selectFrom('calibrationExerciseAssignment').selectAll().orderBy('id').execute()
	]);
	const referencesOf = groupBy(references, (r) => r.exerciseId);
	const attemptsOf = groupBy(attempts, (a) => a.exerciseId);
	const ratingsOf = groupBy(ratings, (r) => r.attemptId);
	const assignmentsOf = groupBy(assignments, (a) => a.exerciseId);
	return exercises.map((e) => ({
		id: id(e.id),
		title: e.title,
		format: e.format,
		transcript: e.transcript,
		passDistance: e.passDistance,
		isOpen: e.isOpen === 1,
		archivedAt: isoTimeOrNull(e.archivedAt),
		createdBy: idOrNull(e.createdBy),
		createdAt: isoTime(e.createdAt),
		updatedAt: isoTime(e.updatedAt),
		references: (referencesOf.get(e.id) ?? []).map((r) => ({
			competencyId: id(r.competencyId),
			revisionId: id(r.revisionId),
			referenceRating: level(r.referenceRating),
			reason: r.reason
		})),
		attempts: (attemptsOf.get(e.id) ?? []).map((a) => ({
			id: id(a.id),
			userId: id(a.userId),
			submittedAt: isoTime(a.submittedAt),
			passed: a.passed === 1,
			ratings: (ratingsOf.get(a.id) ?? []).map((r) => ({
				competencyId: id(r.competencyId),
				revisionId: id(r.revisionId),
				rating: level(r.rating),
				evidence: r.evidence,
				referenceRating: level(r.referenceRating),
				referenceReason: r.referenceReason
			}))
		})),
		assignments: (assignmentsOf.get(e.id) ?? []).map((a) => ({
			id: id(a.id),
			userId: id(a.userId),
			assignedBy: idOrNull(a.assignedBy),
			assignedAt: isoTime(a.assignedAt)
		}))
	}));
}

/** Competencies and revisions of the file, one attempt and one assignment per person. */
export function checkCalibrationExercises(c: Checks): void {
	const { file, known } = c.parsed;
	const ids = {
		exercise: c.uniqueIds('calibration exercise'),
		attempt: c.uniqueIds('exercise attempt'),
		assignment: c.uniqueIds('exercise assignment')
	};
	const competency = (at: Path, competencyId: string, revisionId: string) => {
		c.ref([...at, 'competencyId'], competencyId, known.competencies, 'competency');
		checkRevision(
			c,
			[...at, 'revisionId'],
			revisionId,
			competencyId,
			known.competencyRevisions,
			'competency'
		);
	};
	for (const exercise of file.calibrationExercises ?? []) {
		const at = ['calibrationExercises', c.at(exercise)];
		ids.exercise(at, exercise.id);
		c.ref([...at, 'createdBy'], exercise.createdBy, known.users, 'user');
		const rated = c.unique();
		exercise.references.forEach((r, i) => {
			const path = [...at, 'references', i];
			competency(path, r.competencyId, r.revisionId);
			rated(
				[...path, 'competencyId'],
				r.competencyId,
				(first) => `this competency is already referenced (${first})`
			);
		});
		const attempted = c.unique();
		exercise.attempts.forEach((attempt, i) => {
			const path = [...at, 'attempts', i];
			ids.attempt(path, attempt.id);
			c.ref([...path, 'userId'], attempt.userId, known.users, 'user');
			attempted([...path, 'userId'], attempt.userId, (first) => `this person already took it (${first})`);
			const ratedOnce = c.unique();
			attempt.ratings.forEach((r, j) => {
				competency([...path, 'ratings', j], r.competencyId, r.revisionId);
				ratedOnce(
					[...path, 'ratings', j, 'competencyId'],
					r.competencyId,
					(first) => `this competency is already rated (${first})`
				);
			});
		});
		const assigned = c.unique();
		exercise.assignments.forEach((assignment, i) => {
			const path = [...at, 'assignments', i];
			ids.assignment(path, assignment.id);
			c.ref([...path, 'userId'], assignment.userId, known.users, 'user');
			c.ref([...path, 'assignedBy'], assignment.assignedBy, known.users, 'user');
			assigned(
				[...path, 'userId'],
				assignment.userId,
				(first) => `this person is already assigned (${first})`
			);
		});
	}
}

export async function writeCalibrationExercises(
	db: DB,
	exercises: ExportCalibrationExercise[]
): Promise<void> {
	await insertRows(
		db,
		'calibrationExercise',
		exercises.map((e) => ({
			id: n(e.id),
			title: e.title,
			format: e.format,
			transcript: e.transcript,
			passDistance: e.passDistance,
			isOpen: e.isOpen ? 1 : 0,
			archivedAt: msOrNull(e.archivedAt),
			createdBy: nOrNull(e.createdBy),
			createdAt: ms(e.createdAt),
			updatedAt: ms(e.updatedAt)
		}))
	);
	await insertRows(
		db,
		'calibrationExerciseCompetency',
		exercises.flatMap((e) =>
			e.references.map((r, position) => ({
				exerciseId: n(e.id),
				competencyId: n(r.competencyId),
				revisionId: n(r.revisionId),
				position,
				referenceRating: r.referenceRating,
				reason: r.reason
			}))
		)
	);
	const attempts = exercises.flatMap((e) => e.attempts.map((attempt) => ({ exercise: e, attempt })));
	await insertRows(
		db,
		'calibrationExerciseAttempt',
		attempts.map(({ exercise, attempt }) => {
			// The distance is the ratings' against the reference they were measured by.
			const { total, count } = measureDistance(
				attempt.ratings.map((r) => ({ rating: r.rating, reference: r.referenceRating }))
			);
			return {
				id: n(attempt.id),
				exerciseId: n(exercise.id),
				userId: n(attempt.userId),
				submittedAt: ms(attempt.submittedAt),
				totalDifference: total,
				competencyCount: count,
				passed: attempt.passed ? 1 : 0
			};
		})
	);
	await insertRows(
		db,
		'calibrationExerciseRating',
		attempts.flatMap(({ attempt }) =>
			attempt.ratings.map((r, position) => ({
				attemptId: n(attempt.id),
				competencyId: n(r.competencyId),
				revisionId: n(r.revisionId),
				position,
				rating: r.rating,
				evidence: r.evidence,
				referenceRating: r.referenceRating,
				referenceReason: r.referenceReason
			}))
		)
	);
	await insertRows(
		db,
		'calibrationExerciseAssignment',
		exercises.flatMap((e) =>
			e.assignments.map((a) => ({
				id: n(a.id),
				exerciseId: n(e.id),
				userId: n(a.userId),
				assignedBy: nOrNull(a.assignedBy),
				assignedAt: ms(a.assignedAt)
			}))
		)
	);
}

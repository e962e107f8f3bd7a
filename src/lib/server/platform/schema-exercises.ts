import type { Generated } from 'kysely';
import type { RoundFormat } from '../../domain/library';

// The tables of calibration exercises (schema.ts, decision 031): apart from every table of
// real candidates, so no aggregate of theirs can read an exercise rating.

export interface CalibrationExerciseTable {
	id: Generated<number>;
	title: string;
	format: RoundFormat;
	transcript: string;
	/** The pass threshold in hundredths of a rating point (50 = a distance of 0.5). */
	passDistance: number;
	isOpen: number;
	archivedAt: number | null;
	createdBy: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface CalibrationExerciseCompetencyTable {
	exerciseId: number;
	competencyId: number;
	revisionId: number;
	position: number;
	referenceRating: number;
	reason: string;
}

export interface CalibrationExerciseAttemptTable {
	id: Generated<number>;
	exerciseId: number;
	userId: number;
	submittedAt: number;
	totalDifference: number;
	competencyCount: number;
	passed: number;
}

export interface CalibrationExerciseRatingTable {
	attemptId: number;
	competencyId: number;
	revisionId: number;
	position: number;
	rating: number;
	evidence: string;
	referenceRating: number;
	referenceReason: string;
}

export interface CalibrationExerciseAssignmentTable {
	id: Generated<number>;
	exerciseId: number;
	userId: number;
	assignedBy: number | null;
	assignedAt: number;
}

import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { RoundFormat } from '../../domain/library';
import { canManageHiring } from '../access/permissions';
import { NotFoundError } from '../platform/errors';
import { readSummaries, type ExerciseSummary } from './exercises';

// Opening a calibration exercise to take it (decision 031): which ones the actor may take, and
// the kit they rate in, blind, the reference shown only once their attempt is in
// (exercise-attempts.ts records it; exercise-results.ts reads attempts over time).

export interface KitCompetency {
	id: number;
	name: string;
	description: string;
	anchors: [string, string, string, string];
}

export interface AttemptResult {
	submittedAt: number;
	distance: number;
	passed: boolean;
	ratings: {
		competencyId: number;
		name: string;
		anchors: [string, string, string, string];
		rating: number;
		evidence: string;
		referenceRating: number;
		referenceReason: string;
	}[];
}

export interface ExerciseKit {
	id: number;
	title: string;
	format: RoundFormat;
	transcript: string;
	passDistance: number;
	archived: boolean;
	competencies: KitCompetency[];
	/** Null until the actor has submitted: the reference stays out of the page till then. */
	result: AttemptResult | null;
}

/** Whether the actor may open the exercise: hiring staff, open exercises, or assigned to them. */
async function mayTake(db: DB, actor: AuthUser, exerciseId: number, isOpen: number): Promise<boolean> {
	if (isOpen || canManageHiring(actor)) return true;
	const assigned = await db
		.selectFrom('calibrationExerciseAssignment')
		.select('id')
		.where('exerciseId', '=', exerciseId)
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	return assigned !== undefined;
}

async function readAttempt(db: DB, exerciseId: number, userId: number) {
	return db
		.selectFrom('calibrationExerciseAttempt')
		.selectAll()
		.where('exerciseId', '=', exerciseId)
		.where('userId', '=', userId)
		.executeTakeFirst();
}

export async function getExerciseKit(db: DB, actor: AuthUser, id: number): Promise<ExerciseKit> {
	const exercise = await db
		.selectFrom('calibrationExercise')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	const attempt = exercise ? await readAttempt(db, id, actor.id) : undefined;
	// Nobody learns of an exercise they may not take; an archived one only shows a result.
	if (!exercise || !(await mayTake(db, actor, id, exercise.isOpen)) || (exercise.archivedAt && !attempt))
		throw new NotFoundError('No such exercise');
	const competencies = await db
		.selectFrom('calibrationExerciseCompetency as c')
		.innerJoin('competencyRevision as rev', 'rev.id', 'c.revisionId')
		.select(['c.competencyId as id', 'rev.name', 'rev.description'])
		.select(['rev.anchor1', 'rev.anchor2', 'rev.anchor3', 'rev.anchor4'])
		.where('c.exerciseId', '=', id)
		.orderBy('c.position')
		.execute();
	return {
		id,
		title: exercise.title,
		format: exercise.format,
		transcript: exercise.transcript,
		passDistance: exercise.passDistance,
		archived: exercise.archivedAt !== null,
		competencies: competencies.map(({ anchor1, anchor2, anchor3, anchor4, ...c }) => ({
			...c,
			anchors: [anchor1, anchor2, anchor3, anchor4]
		})),
		result: attempt ? await readResult(db, attempt) : null
	};
}

/** One attempt with its ratings beside the reference. */
export async function readResult(
	db: DB,
	attempt: {
		id: number;
		submittedAt: number;
		totalDifference: number;
		competencyCount: number;
		passed: number;
	}
): Promise<AttemptResult> {
	const rows = await db
		.selectFrom('calibrationExerciseRating as r')
		.innerJoin('competencyRevision as rev', 'rev.id', 'r.revisionId')
		.select([
			'r.competencyId',
			'rev.name',
			'r.rating',
			'r.evidence',
			'r.referenceRating',
			'r.referenceReason'
		])
		.select(['rev.anchor1', 'rev.anchor2', 'rev.anchor3', 'rev.anchor4'])
		.where('r.attemptId', '=', attempt.id)
		.orderBy('r.position')
		.execute();
	return {
		submittedAt: attempt.submittedAt,
		distance: attempt.totalDifference / attempt.competencyCount,
		passed: Boolean(attempt.passed),
		ratings: rows.map(({ anchor1, anchor2, anchor3, anchor4, ...r }) => ({
			...r,
			anchors: [anchor1, anchor2, anchor3, anchor4]
		}))
	};
}

export interface OpenExercise extends ExerciseSummary {
	assigned: boolean;
	taken: boolean;
}

/** The active exercises the actor may take (open or assigned to them), and any they have taken. */
export async function listExercisesToTake(db: DB, actor: AuthUser): Promise<OpenExercise[]> {
	const [assigned, taken, open] = await Promise.all([
		db
			.selectFrom('calibrationExerciseAssignment')
			.select('exerciseId')
			.where('userId', '=', actor.id)
			.execute(),
		db.selectFrom('calibrationExerciseAttempt').select('exerciseId').where('userId', '=', actor.id).execute(),
		db
			.selectFrom('calibrationExercise')
			.select('id')
			.where('isOpen', '=', 1)
			.where('archivedAt', 'is', null)
			.execute()
	]);
	const assignedIds = new Set(assigned.map((a) => a.exerciseId));
	const takenIds = new Set(taken.map((a) => a.exerciseId));
	const ids = [...new Set([...assignedIds, ...takenIds, ...open.map((o) => o.id)])];
	const summaries = await readSummaries(db, ids);
	return summaries
		.filter((s) => s.archivedAt === null || takenIds.has(s.id))
		.map((s) => ({ ...s, assigned: assignedIds.has(s.id), taken: takenIds.has(s.id) }));
}

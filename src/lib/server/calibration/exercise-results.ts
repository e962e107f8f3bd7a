import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { RoundFormat } from '../../domain/library';
import { assertCanManageHiring } from '../access/permissions';
import { readResult } from './exercise-kit';

// Calibration exercise attempts read back (decision 031): one's own distances over time, every
// attempt at an exercise for hiring staff (an attempt is one's own: only they read other people's),
// and who has passed which format, for training paths.

export interface OwnResult {
	exerciseId: number;
	title: string;
	format: RoundFormat;
	submittedAt: number;
	distance: number;
	passed: boolean;
}

/** The actor's distances over time, oldest first. */
export async function listOwnResults(db: DB, actor: AuthUser): Promise<OwnResult[]> {
	return readResults(db, actor.id);
}

async function readResults(db: DB, userId: number): Promise<OwnResult[]> {
	const rows = await db
		.selectFrom('calibrationExerciseAttempt as a')
		.innerJoin('calibrationExercise as e', 'e.id', 'a.exerciseId')
		.select([
			'a.exerciseId',
			'e.title',
			'e.format',
			'a.submittedAt',
			'a.totalDifference',
			'a.competencyCount'
		])
		.select('a.passed')
		.where('a.userId', '=', userId)
		.orderBy('a.submittedAt')
		.orderBy('a.id')
		.execute();
	return rows.map(({ totalDifference, competencyCount, passed, ...r }) => ({
		...r,
		distance: totalDifference / competencyCount,
		passed: Boolean(passed)
	}));
}

/** Every attempt at one exercise, with each person's ratings: for hiring staff only. */
export async function listExerciseAttempts(db: DB, actor: AuthUser, exerciseId: number) {
	assertCanManageHiring(actor);
	const attempts = await db
		.selectFrom('calibrationExerciseAttempt as a')
		.innerJoin('user', 'user.id', 'a.userId')
		.select([
			'a.id',
			'a.userId',
			'user.name',
			'a.submittedAt',
			'a.totalDifference',
			'a.competencyCount',
			'a.passed'
		])
		.where('a.exerciseId', '=', exerciseId)
		.orderBy('a.submittedAt')
		.execute();
	const results = [];
	for (const a of attempts) results.push({ userId: a.userId, name: a.name, ...(await readResult(db, a)) });
	return results;
}

/** Whether the person has passed any exercise of the format: a step a training path can require. */
export async function hasPassedExercise(db: DB, userId: number, format: RoundFormat): Promise<boolean> {
	return (await listPassedExerciseFormats(db, [userId])).get(userId)?.has(format) ?? false;
}

/** The formats in which each of the people has passed an exercise: one read for a list of trainees. */
export async function listPassedExerciseFormats(
	db: DB,
	userIds: number[]
): Promise<Map<number, Set<RoundFormat>>> {
	const passed = new Map<number, Set<RoundFormat>>();
	if (userIds.length === 0) return passed;
	const rows = await db
		.selectFrom('calibrationExerciseAttempt as a')
		.innerJoin('calibrationExercise as e', 'e.id', 'a.exerciseId')
		.select(['a.userId', 'e.format'])
		.distinct()
		.where('a.userId', 'in', userIds)
		.where('a.passed', '=', 1)
		.execute();
	for (const { userId, format } of rows) passed.set(userId, (passed.get(userId) ?? new Set()).add(format));
	return passed;
}

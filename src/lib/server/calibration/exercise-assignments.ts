import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { RoundFormat } from '../../domain/library';
import { exercisesForFormats, type AssignExerciseInput } from '../../domain/exercises';
import { assertCanManageHiring, canManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { assertActiveInterviewer } from '../hiring/active-interviewer';
import { ConflictError, ForbiddenError, InputError } from '../platform/errors';

// Assigning a calibration exercise to an interviewer from the calibration page (decision 031),
// the interviewer's list of exercises waiting for them, and the dates the calibration trend
// marks so the effect of an exercise shows in the months after it.

/** Gives the person the exercise; answers its title. */
export async function assignExercise(
	db: DB,
	actor: AuthUser,
	input: AssignExerciseInput,
	now = Date.now()
): Promise<string> {
	assertCanManageHiring(actor);
	return db.transaction().execute(async (trx) => {
		await assertActiveInterviewer(trx, input.userId);
		const exercise = await trx
			.selectFrom('calibrationExercise')
			.select(['id', 'title'])
			.where('id', '=', input.exerciseId)
			.where('archivedAt', 'is', null)
			.executeTakeFirst();
		if (!exercise) throw new InputError({ exerciseId: 'Choose an active exercise' });
		const [assigned, taken] = await Promise.all([
			trx
				.selectFrom('calibrationExerciseAssignment')
				.select('id')
				.where('exerciseId', '=', input.exerciseId)
				.where('userId', '=', input.userId)
				.executeTakeFirst(),
			trx
				.selectFrom('calibrationExerciseAttempt')
				.select('id')
				.where('exerciseId', '=', input.exerciseId)
				.where('userId', '=', input.userId)
				.executeTakeFirst()
		]);
		if (taken) throw new ConflictError('This interviewer has already taken that exercise');
		if (assigned) throw new ConflictError('That exercise is already assigned to this interviewer');
		await trx
			.insertInto('calibrationExerciseAssignment')
			.values({ exerciseId: input.exerciseId, userId: input.userId, assignedBy: actor.id, assignedAt: now })
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'exercise.assigned',
				entityType: 'user',
				entityId: input.userId,
				after: { exerciseId: exercise.id, title: exercise.title }
			},
			now
		);
		return exercise.title;
	});
}

export interface AssignedExercise {
	exerciseId: number;
	title: string;
	format: RoundFormat;
	assignedAt: number;
}

/** Exercises assigned to the actor and not taken yet: for their dashboard. */
export async function listAssignedExercises(db: DB, actor: AuthUser): Promise<AssignedExercise[]> {
	return db
		.selectFrom('calibrationExerciseAssignment as s')
		.innerJoin('calibrationExercise as e', 'e.id', 's.exerciseId')
		.select(['s.exerciseId', 'e.title', 'e.format', 's.assignedAt'])
		.where('s.userId', '=', actor.id)
		.where('e.archivedAt', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('calibrationExerciseAttempt as a')
						.select('a.id')
						.whereRef('a.exerciseId', '=', 's.exerciseId')
						.whereRef('a.userId', '=', 's.userId')
				)
			)
		)
		.orderBy('s.assignedAt')
		.execute();
}

export interface AssignmentChoice {
	id: number;
	title: string;
}

/**
 * Per interviewer, the active exercises hiring staff can assign them: those of the formats
 * they are qualified in or have interviewed in (every active one for someone with neither), leaving out
 * what they have taken or been given already.
 */
export async function listAssignmentChoices(
	db: DB,
	actor: AuthUser,
	userIds: number[]
): Promise<Record<number, AssignmentChoice[]>> {
	assertCanManageHiring(actor);
	if (userIds.length === 0) return {};
	const [exercises, qualified, interviewed, assigned, taken] = await Promise.all([
		db
			.selectFrom('calibrationExercise')
			.select(['id', 'title', 'format'])
			.where('archivedAt', 'is', null)
			.orderBy('title')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('interviewerQualification')
			.select(['userId', 'format'])
			.where('userId', 'in', userIds)
			.execute(),
		db
			.selectFrom('scorecard')
			.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
			.select(['scorecard.interviewerId as userId', 'loopRound.format'])
			.distinct()
			.where('scorecard.interviewerId', 'in', userIds)
			.execute(),
		db
			.selectFrom('calibrationExerciseAssignment')
			.select(['userId', 'exerciseId'])
			.where('userId', 'in', userIds)
			.execute(),
		db
			.selectFrom('calibrationExerciseAttempt')
			.select(['userId', 'exerciseId'])
			.where('userId', 'in', userIds)
			.execute()
	]);
	const choices: Record<number, AssignmentChoice[]> = {};
	for (const userId of userIds) {
		const formats = new Set<RoundFormat>(
			[...qualified, ...interviewed].filter((r) => r.userId === userId).map((r) => r.format)
		);
		const done = new Set([...assigned, ...taken].filter((r) => r.userId === userId).map((r) => r.exerciseId));
		choices[userId] = exercisesForFormats(
			exercises.filter((e) => !done.has(e.id)),
			formats
		).map(({ id, title }) => ({ id, title }));
	}
	return choices;
}

export interface ExerciseMarker {
	at: number;
	kind: 'assigned' | 'completed';
	title: string;
	/** The distance of a completed exercise. */
	distance: number | null;
}

/** When exercises were assigned to and taken by the person: hiring staff, or the person. */
export async function listExerciseMarkers(
	db: DB,
	actor: AuthUser,
	userId: number
): Promise<ExerciseMarker[]> {
	if (!canManageHiring(actor) && actor.id !== userId) throw new ForbiddenError();
	const [assigned, completed] = await Promise.all([
		db
			.selectFrom('calibrationExerciseAssignment as s')
			.innerJoin('calibrationExercise as e', 'e.id', 's.exerciseId')
			.select(['s.assignedAt as at', 'e.title'])
			.where('s.userId', '=', userId)
			.execute(),
		db
			.selectFrom('calibrationExerciseAttempt as a')
			.innerJoin('calibrationExercise as e', 'e.id', 'a.exerciseId')
			.select(['a.submittedAt as at', 'e.title', 'a.totalDifference', 'a.competencyCount'])
			.where('a.userId', '=', userId)
			.execute()
	]);
	return [
		...assigned.map((a) => ({ at: a.at, kind: 'assigned' as const, title: a.title, distance: null })),
		...completed.map((c) => ({
			at: c.at,
			kind: 'completed' as const,
			title: c.title,
			distance: c.totalDifference / c.competencyCount
		}))
	].sort((a, b) => a.at - b.at);
}

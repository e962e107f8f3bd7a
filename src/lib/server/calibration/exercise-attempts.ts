import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { RoundFormat } from '../../domain/library';
import { measureDistance, passesThreshold, type AttemptRatingInput } from '../../domain/exercises';
import { assertCanManageHiring, canManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';
import { readSummaries, type ExerciseSummary } from './exercises';

// Taking a calibration exercise (decision 031): rated blind, the reference shown only once the
// attempt is in. An attempt is one's own: only hiring staff read other people's.

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

async function readResult(
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

/** Records the actor's one attempt, measured against the reference as it stands now. */
export async function submitAttempt(
	db: DB,
	actor: AuthUser,
	exerciseId: number,
	ratings: AttemptRatingInput[],
	now = Date.now()
): Promise<AttemptResult> {
	return db.transaction().execute(async (trx) => {
		const kit = await getExerciseKit(trx, actor, exerciseId);
		if (kit.result) throw new ConflictError('You have already taken this exercise');
		if (kit.archived) throw new NotFoundError('No such exercise');
		const references = await trx
			.selectFrom('calibrationExerciseCompetency')
			.selectAll()
			.where('exerciseId', '=', exerciseId)
			.orderBy('position')
			.execute();
		const byId = new Map(ratings.map((r) => [r.competencyId, r]));
		const missing = references.find((r) => !byId.has(r.competencyId));
		if (missing)
			throw new InputError({ [`rating.${missing.competencyId}`]: 'Choose a rating for every competency' });
		const { total, count } = measureDistance(
			references.map((r) => ({ rating: byId.get(r.competencyId)!.rating, reference: r.referenceRating }))
		);
		const passed = passesThreshold(total, count, kit.passDistance);
		const { id } = await trx
			.insertInto('calibrationExerciseAttempt')
			.values({
				exerciseId,
				userId: actor.id,
				submittedAt: now,
				totalDifference: total,
				competencyCount: count,
				passed: passed ? 1 : 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('calibrationExerciseRating')
			.values(
				references.map((r) => ({
					attemptId: id,
					competencyId: r.competencyId,
					revisionId: r.revisionId,
					position: r.position,
					rating: byId.get(r.competencyId)!.rating,
					evidence: byId.get(r.competencyId)!.evidence,
					referenceRating: r.referenceRating,
					referenceReason: r.reason
				}))
			)
			.execute();
		// Who took it and when; the ratings and distance stay in the exercise's own tables.
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'exercise.submitted', entityType: 'exercise', entityId: exerciseId },
			now
		);
		return (await getExerciseKit(trx, actor, exerciseId)).result!;
	});
}

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

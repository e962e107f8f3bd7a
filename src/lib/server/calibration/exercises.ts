import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { CompetencyKind, RoundFormat } from '../../domain/library';
import type { ExerciseInput } from '../../domain/exercises';
import { assertCanManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';

// Calibration exercises (decision 031): recruiters and admins record a practice case with
// reference ratings; interviewers take it (exercise-kit.ts, exercise-attempts.ts). Nothing here
// touches the tables of real candidates.

export interface CompetencyChoice {
	id: number;
	name: string;
	kind: CompetencyKind;
	description: string;
	anchors: [string, string, string, string];
}

export interface ExerciseSummary {
	id: number;
	title: string;
	format: RoundFormat;
	passDistance: number;
	isOpen: boolean;
	archivedAt: number | null;
	competencyCount: number;
	attemptCount: number;
}

export interface ExerciseDetail extends ExerciseSummary {
	transcript: string;
	references: { competencyId: number; name: string; rating: number; reason: string }[];
}

/** The library's active competencies with their current anchors: what an exercise can rate. */
export async function listCompetencyChoices(db: DB, actor: AuthUser): Promise<CompetencyChoice[]> {
	assertCanManageHiring(actor);
	const rows = await db
		.selectFrom('competency')
		.innerJoin('competencyRevision as rev', 'rev.id', 'competency.currentRevisionId')
		.select(['competency.id', 'rev.name', 'competency.kind', 'rev.description'])
		.select(['rev.anchor1', 'rev.anchor2', 'rev.anchor3', 'rev.anchor4'])
		.where('competency.archivedAt', 'is', null)
		.orderBy('competency.kind', 'desc')
		.orderBy('competency.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		kind: r.kind,
		description: r.description,
		anchors: [r.anchor1, r.anchor2, r.anchor3, r.anchor4]
	}));
}

/** Every exercise, archived last: for hiring staff. */
export async function listAllExercises(db: DB, actor: AuthUser): Promise<ExerciseSummary[]> {
	assertCanManageHiring(actor);
	return readSummaries(db, null);
}

export async function readSummaries(db: DB, ids: number[] | null): Promise<ExerciseSummary[]> {
	if (ids && ids.length === 0) return [];
	let query = db
		.selectFrom('calibrationExercise as e')
		.select((eb) => [
			'e.id',
			'e.title',
			'e.format',
			'e.passDistance',
			'e.isOpen',
			'e.archivedAt',
			eb
				.selectFrom('calibrationExerciseCompetency as c')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('c.exerciseId', '=', 'e.id')
				.as('competencyCount'),
			eb
				.selectFrom('calibrationExerciseAttempt as a')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('a.exerciseId', '=', 'e.id')
				.as('attemptCount')
		])
		.orderBy((eb) => eb.case().when('e.archivedAt', 'is', null).then(0).else(1).end())
		.orderBy('e.title')
		.orderBy('e.id');
	if (ids) query = query.where('e.id', 'in', ids);
	const rows = await query.execute();
	return rows.map((r) => ({
		...r,
		isOpen: Boolean(r.isOpen),
		competencyCount: Number(r.competencyCount ?? 0),
		attemptCount: Number(r.attemptCount ?? 0)
	}));
}

/** One exercise with its reference ratings and reasons: for hiring staff only. */
export async function getExercise(db: DB, actor: AuthUser, id: number): Promise<ExerciseDetail> {
	assertCanManageHiring(actor);
	const [summary] = await readSummaries(db, [id]);
	if (!summary) throw new NotFoundError('No such exercise');
	const exercise = await db
		.selectFrom('calibrationExercise')
		.select('transcript')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	const references = await db
		.selectFrom('calibrationExerciseCompetency as c')
		.innerJoin('competencyRevision as rev', 'rev.id', 'c.revisionId')
		.select(['c.competencyId', 'rev.name', 'c.referenceRating as rating', 'c.reason'])
		.where('c.exerciseId', '=', id)
		.orderBy('c.position')
		.execute();
	return { ...summary, transcript: exercise.transcript, references };
}

export async function createExercise(
	db: DB,
	actor: AuthUser,
	input: ExerciseInput,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('calibrationExercise')
			.values({ ...fieldsOf(input), archivedAt: null, createdBy: actor.id, createdAt: now, updatedAt: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		await writeReferences(trx, id, input);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'exercise.created',
				entityType: 'exercise',
				entityId: id,
				after: input
			},
			now
		);
		return id;
	});
}

/** Changes apply to attempts from now on: each attempt keeps the reference it was measured against. */
export async function updateExercise(
	db: DB,
	actor: AuthUser,
	id: number,
	input: ExerciseInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const before = await getExercise(trx, actor, id);
		if (before.archivedAt !== null)
			throw new ConflictError('This exercise is archived: it can no longer change');
		await trx
			.updateTable('calibrationExercise')
			.set({ ...fieldsOf(input), updatedAt: now })
			.where('id', '=', id)
			.execute();
		await trx.deleteFrom('calibrationExerciseCompetency').where('exerciseId', '=', id).execute();
		await writeReferences(trx, id, input);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'exercise.updated',
				entityType: 'exercise',
				entityId: id,
				before,
				after: input
			},
			now
		);
	});
}

/** An archived exercise can no longer be taken or assigned; results already in stay. */
export async function archiveExercise(db: DB, actor: AuthUser, id: number, now = Date.now()): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('calibrationExercise')
			.select('archivedAt')
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new NotFoundError('No such exercise');
		if (row.archivedAt !== null) return;
		await trx
			.updateTable('calibrationExercise')
			.set({ archivedAt: now, updatedAt: now })
			.where('id', '=', id)
			.execute();
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'exercise.archived', entityType: 'exercise', entityId: id },
			now
		);
	});
}

function fieldsOf(input: ExerciseInput) {
	return {
		title: input.title,
		format: input.format,
		transcript: input.transcript,
		passDistance: input.passDistance,
		isOpen: input.open ? 1 : 0
	};
}

/** The reference per competency, with the anchors' current revision as the exercise's own. */
async function writeReferences(trx: DB, exerciseId: number, input: ExerciseInput): Promise<void> {
	const ids = input.references.map((r) => r.competencyId);
	const current = await trx
		.selectFrom('competency')
		.select(['id', 'currentRevisionId'])
		.where('id', 'in', ids)
		.where('archivedAt', 'is', null)
		.execute();
	const revisionOf = new Map(current.map((c) => [c.id, c.currentRevisionId]));
	const missing = input.references.find((r) => !revisionOf.get(r.competencyId));
	if (missing)
		throw new InputError({
			[`reference.${missing.competencyId}`]: 'This competency is not in the library any more'
		});
	await trx
		.insertInto('calibrationExerciseCompetency')
		.values(
			input.references.map((r, position) => ({
				exerciseId,
				competencyId: r.competencyId,
				revisionId: revisionOf.get(r.competencyId)!,
				position,
				referenceRating: r.rating,
				reason: r.reason
			}))
		)
		.execute();
}

import type { DB } from '../platform/db';
import type { CompetencyKind, RoundFormat } from '../../domain/library';
import type { RoundInput } from '../../domain/library-schemas';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError } from '../platform/errors';

// A template's rounds: each with its focus competencies and questions, in order.

export interface TemplateRound {
	id: number;
	position: number;
	title: string;
	kind: CompetencyKind;
	format: RoundFormat;
	durationMinutes: number;
	competencies: { id: number; name: string; kind: CompetencyKind; archived: boolean }[];
	questions: { id: number; prompt: string }[];
}

/** The rounds of a template in order, each with its competencies and questions (three queries). */
export async function templateRounds(
	db: DB,
	templateId: number
): Promise<{ rounds: TemplateRound[]; technicalRounds: number; leadershipRounds: number }> {
	const rounds = await db
		.selectFrom('templateRound')
		.select(['id', 'position', 'title', 'kind', 'format', 'durationMinutes'])
		.where('templateId', '=', templateId)
		.orderBy('position')
		.execute();
	const roundIds = rounds.length ? rounds.map((r) => r.id) : [-1];
	const [competencies, questions] = await Promise.all([
		db
			.selectFrom('templateRoundCompetency as trc')
			.innerJoin('competency', 'competency.id', 'trc.competencyId')
			.select(['trc.roundId', 'competency.id', 'competency.name', 'competency.kind', 'competency.archivedAt'])
			.where('trc.roundId', 'in', roundIds)
			.orderBy('trc.position')
			.execute(),
		db
			.selectFrom('templateRoundQuestion as trq')
			.innerJoin('question', 'question.id', 'trq.questionId')
			.select(['trq.roundId', 'question.id', 'question.prompt'])
			.where('trq.roundId', 'in', roundIds)
			.orderBy('trq.position')
			.execute()
	]);
	const detailed = rounds.map((round) => ({
		...round,
		competencies: competencies
			.filter((c) => c.roundId === round.id)
			.map((c) => ({ id: c.id, name: c.name, kind: c.kind, archived: c.archivedAt !== null })),
		questions: questions.filter((q) => q.roundId === round.id).map((q) => ({ id: q.id, prompt: q.prompt }))
	}));
	const technicalRounds = rounds.filter((r) => r.kind === 'technical').length;
	return { rounds: detailed, technicalRounds, leadershipRounds: rounds.length - technicalRounds };
}

async function touchTemplate(db: DB, templateId: number, now: number): Promise<void> {
	await db.updateTable('loopTemplate').set({ updatedAt: now }).where('id', '=', templateId).execute();
}

/** A change to a template's rounds: the template counts as updated and the audit trail says what changed. */
export async function recordRoundsChange(
	db: DB,
	actorId: number | null,
	templateId: number,
	change: { action: string; before?: unknown; after?: unknown },
	now: number
): Promise<void> {
	await touchTemplate(db, templateId, now);
	await recordAudit(
		db,
		{ actorUserId: actorId, entityType: 'template', entityId: templateId, ...change },
		now
	);
}

/** Competencies must be in the library (not archived unless already on the round); questions must assess one of them. */
async function assertRoundReferences(
	db: DB,
	input: RoundInput,
	keepCompetencyIds: number[] = []
): Promise<void> {
	const competencyIds = [...new Set(input.competencyIds)];
	const competencies = await db
		.selectFrom('competency')
		.select(['id', 'archivedAt'])
		.where('id', 'in', competencyIds)
		.execute();
	const usable = competencies.filter((c) => c.archivedAt === null || keepCompetencyIds.includes(c.id));
	if (usable.length !== competencyIds.length) {
		throw new InputError({
			competencyIds: 'Choose focus competencies from the library (archived ones cannot be added)'
		});
	}
	if (input.questionIds.length === 0) return;
	const linked = await db
		.selectFrom('questionCompetency')
		.select('questionId')
		.distinct()
		.where('questionId', 'in', input.questionIds)
		.where('competencyId', 'in', competencyIds)
		.execute();
	if (linked.length !== new Set(input.questionIds).size) {
		throw new InputError({ questionIds: 'Choose questions that assess this round’s focus competencies' });
	}
}

export async function writeRoundLinks(db: DB, roundId: number, input: RoundInput): Promise<void> {
	await db.deleteFrom('templateRoundCompetency').where('roundId', '=', roundId).execute();
	await db.deleteFrom('templateRoundQuestion').where('roundId', '=', roundId).execute();
	await db
		.insertInto('templateRoundCompetency')
		.values(
			[...new Set(input.competencyIds)].map((competencyId, position) => ({ roundId, competencyId, position }))
		)
		.execute();
	const questionIds = [...new Set(input.questionIds)];
	if (questionIds.length) {
		await db
			.insertInto('templateRoundQuestion')
			.values(questionIds.map((questionId, position) => ({ roundId, questionId, position })))
			.execute();
	}
}

export async function insertRound(
	db: DB,
	actorId: number | null,
	templateId: number,
	input: RoundInput,
	now = Date.now()
): Promise<number> {
	await assertRoundReferences(db, input);
	const last = await db
		.selectFrom('templateRound')
		.select((eb) => eb.fn.max('position').as('position'))
		.where('templateId', '=', templateId)
		.executeTakeFirst();
	const { id } = await db
		.insertInto('templateRound')
		.values({
			templateId,
			position: (last?.position ?? -1) + 1,
			title: input.title,
			kind: input.kind,
			format: input.format,
			durationMinutes: input.durationMinutes
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await writeRoundLinks(db, id, input);
	await recordRoundsChange(db, actorId, templateId, { action: 'template.round_added', after: input }, now);
	return id;
}

export async function addRound(
	db: DB,
	actor: AuthUser,
	templateId: number,
	input: RoundInput,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute(async (trx) => {
		await assertTemplateExists(trx, templateId);
		return insertRound(trx, actor.id, templateId, input, now);
	});
}

export async function assertTemplateExists(db: DB, templateId: number): Promise<void> {
	const row = await db
		.selectFrom('loopTemplate')
		.select('id')
		.where('id', '=', templateId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such template');
}

async function roundOfTemplate(db: DB, templateId: number, roundId: number) {
	const round = await db
		.selectFrom('templateRound')
		.selectAll()
		.where('id', '=', roundId)
		.where('templateId', '=', templateId)
		.executeTakeFirst();
	if (!round) throw new NotFoundError('No such round in this template');
	return round;
}

export async function updateRound(
	db: DB,
	actor: AuthUser,
	templateId: number,
	roundId: number,
	input: RoundInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const round = await roundOfTemplate(trx, templateId, roundId);
		const current = await trx
			.selectFrom('templateRoundCompetency')
			.select('competencyId')
			.where('roundId', '=', roundId)
			.execute();
		await assertRoundReferences(
			trx,
			input,
			current.map((c) => c.competencyId)
		);
		await trx
			.updateTable('templateRound')
			.set({
				title: input.title,
				kind: input.kind,
				format: input.format,
				durationMinutes: input.durationMinutes
			})
			.where('id', '=', roundId)
			.execute();
		await writeRoundLinks(trx, roundId, input);
		await recordRoundsChange(
			trx,
			actor.id,
			templateId,
			{ action: 'template.round_updated', before: round, after: input },
			now
		);
	});
}

export async function removeRound(
	db: DB,
	actor: AuthUser,
	templateId: number,
	roundId: number,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const round = await roundOfTemplate(trx, templateId, roundId);
		await trx.deleteFrom('templateRound').where('id', '=', roundId).execute();
		await renumberRounds(trx, templateId);
		await recordRoundsChange(
			trx,
			actor.id,
			templateId,
			{ action: 'template.round_removed', before: round },
			now
		);
	});
}

/** The ids of a template's rounds, in their order. */
export async function roundIdsInOrder(db: DB, templateId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('templateRound')
		.select('id')
		.where('templateId', '=', templateId)
		.orderBy('position')
		.execute();
	return rows.map((r) => r.id);
}

export async function renumberRounds(db: DB, templateId: number, order?: number[]): Promise<void> {
	const ids = order ?? (await roundIdsInOrder(db, templateId));
	for (const [position, id] of ids.entries()) {
		await db.updateTable('templateRound').set({ position }).where('id', '=', id).execute();
	}
}

import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { CompetencyKind, EvidenceRule, RoundFormat, VisibilityMode } from '../../domain/library';
import type { RoundInput, TemplateInput } from '../../domain/library-schemas';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { setArchived } from './archiving';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError } from '../platform/errors';

export interface TemplateSummary {
	id: number;
	name: string;
	description: string;
	visibilityMode: VisibilityMode;
	evidenceRule: EvidenceRule;
	archivedAt: number | null;
	rounds: number;
	technicalRounds: number;
	leadershipRounds: number;
	openings: number;
}

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

export interface TemplateDetail extends Omit<TemplateSummary, 'rounds'> {
	rounds: TemplateRound[];
}

export async function listTemplates(
	db: DB,
	actor: AuthUser,
	{ includeArchived = false } = {}
): Promise<TemplateSummary[]> {
	assertCanManageHiring(actor);
	let query = db
		.selectFrom('loopTemplate as t')
		.select((eb) => [
			't.id',
			't.name',
			't.description',
			't.visibilityMode',
			't.evidenceRule',
			't.archivedAt',
			eb
				.selectFrom('templateRound')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('templateRound.templateId', '=', 't.id')
				.as('rounds'),
			eb
				.selectFrom('templateRound')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('templateRound.templateId', '=', 't.id')
				.where('templateRound.kind', '=', 'technical')
				.as('technicalRounds'),
			eb
				.selectFrom('opening')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('opening.templateId', '=', 't.id')
				.as('openings')
		])
		.orderBy('t.name');
	if (!includeArchived) query = query.where('t.archivedAt', 'is', null);
	const rows = await query.execute();
	return rows.map((r) => ({
		...r,
		rounds: Number(r.rounds),
		technicalRounds: Number(r.technicalRounds),
		leadershipRounds: Number(r.rounds) - Number(r.technicalRounds),
		openings: Number(r.openings)
	}));
}

export async function getTemplate(db: DB, actor: AuthUser, id: number): Promise<TemplateDetail> {
	assertCanManageHiring(actor);
	const template = await db.selectFrom('loopTemplate').selectAll().where('id', '=', id).executeTakeFirst();
	if (!template) throw new NotFoundError('No such template');
	const openings = await db
		.selectFrom('opening')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('templateId', '=', id)
		.executeTakeFirstOrThrow();
	return {
		id: template.id,
		name: template.name,
		description: template.description,
		visibilityMode: template.visibilityMode,
		evidenceRule: template.evidenceRule,
		archivedAt: template.archivedAt,
		openings: Number(openings.n),
		...(await templateRounds(db, id))
	};
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

async function assertTemplateNameFree(db: DB, name: string, exceptId?: number): Promise<void> {
	let query = db
		.selectFrom('loopTemplate')
		.select('id')
		.where(sql<boolean>`name = ${name} collate nocase`);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst())
		throw new InputError({ name: 'A template with this name already exists' });
}

export async function insertTemplate(
	db: DB,
	actorId: number | null,
	input: TemplateInput,
	now = Date.now()
): Promise<number> {
	await assertTemplateNameFree(db, input.name);
	const { id } = await db
		.insertInto('loopTemplate')
		.values({ ...input, archivedAt: null, createdAt: now, updatedAt: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(
		db,
		{ actorUserId: actorId, action: 'template.created', entityType: 'template', entityId: id, after: input },
		now
	);
	return id;
}

export async function createTemplate(
	db: DB,
	actor: AuthUser,
	input: TemplateInput,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute((trx) => insertTemplate(trx, actor.id, input, now));
}

/**
 * A template and its rounds in one go (the API's way): all or nothing. A round's field
 * errors come back under `rounds.N.field`.
 */
export async function createTemplateWithRounds(
	db: DB,
	actor: AuthUser,
	input: TemplateInput & { rounds: RoundInput[] },
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute(async (trx) => {
		const { rounds, ...template } = input;
		const id = await insertTemplate(trx, actor.id, template, now);
		for (const [index, round] of rounds.entries()) {
			try {
				await insertRound(trx, actor.id, id, round, now);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				throw new InputError(
					Object.fromEntries(
						Object.entries(error.fieldErrors).map(([field, message]) => [`rounds.${index}.${field}`, message])
					)
				);
			}
		}
		return id;
	});
}

export async function updateTemplate(
	db: DB,
	actor: AuthUser,
	id: number,
	input: TemplateInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('loopTemplate').selectAll().where('id', '=', id).executeTakeFirst();
		if (!before) throw new NotFoundError('No such template');
		await assertTemplateNameFree(trx, input.name, id);
		await trx
			.updateTable('loopTemplate')
			.set({ ...input, updatedAt: now })
			.where('id', '=', id)
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'template.updated',
				entityType: 'template',
				entityId: id,
				before,
				after: input
			},
			now
		);
	});
}

async function touchTemplate(db: DB, templateId: number, now: number): Promise<void> {
	await db.updateTable('loopTemplate').set({ updatedAt: now }).where('id', '=', templateId).execute();
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

async function writeRoundLinks(db: DB, roundId: number, input: RoundInput): Promise<void> {
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
	await touchTemplate(db, templateId, now);
	await recordAudit(
		db,
		{
			actorUserId: actorId,
			action: 'template.round_added',
			entityType: 'template',
			entityId: templateId,
			after: input
		},
		now
	);
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

async function assertTemplateExists(db: DB, templateId: number): Promise<void> {
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
		await touchTemplate(trx, templateId, now);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'template.round_updated',
				entityType: 'template',
				entityId: templateId,
				before: round,
				after: input
			},
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
		await touchTemplate(trx, templateId, now);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'template.round_removed',
				entityType: 'template',
				entityId: templateId,
				before: round
			},
			now
		);
	});
}

async function renumberRounds(db: DB, templateId: number, order?: number[]): Promise<void> {
	const ids =
		order ??
		(
			await db
				.selectFrom('templateRound')
				.select('id')
				.where('templateId', '=', templateId)
				.orderBy('position')
				.execute()
		).map((r) => r.id);
	for (const [position, id] of ids.entries()) {
		await db.updateTable('templateRound').set({ position }).where('id', '=', id).execute();
	}
}

/** Puts the rounds in the order given; the list must name every round of the template once. */
export async function reorderRounds(
	db: DB,
	actor: AuthUser,
	templateId: number,
	roundIds: number[],
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		await assertTemplateExists(trx, templateId);
		const current = await trx
			.selectFrom('templateRound')
			.select('id')
			.where('templateId', '=', templateId)
			.orderBy('position')
			.execute();
		const currentIds = current.map((r) => r.id);
		const sameSet =
			roundIds.length === currentIds.length && [...roundIds].sort().join() === [...currentIds].sort().join();
		if (!sameSet)
			throw new InputError({ form: 'The rounds changed meanwhile. Reload the page and try again' });
		await renumberRounds(trx, templateId, roundIds);
		await touchTemplate(trx, templateId, now);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'template.rounds_reordered',
				entityType: 'template',
				entityId: templateId,
				before: currentIds,
				after: roundIds
			},
			now
		);
	});
}

/** Moves one round a step up or down (the keyboard path; pointer users drag). */
export async function moveRound(
	db: DB,
	actor: AuthUser,
	templateId: number,
	roundId: number,
	direction: 'up' | 'down',
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	const { rounds } = await templateRounds(db, templateId);
	const ids = rounds.map((r) => r.id);
	const from = ids.indexOf(roundId);
	if (from === -1) throw new NotFoundError('No such round in this template');
	const to = direction === 'up' ? from - 1 : from + 1;
	if (to < 0 || to >= ids.length) return;
	[ids[from], ids[to]] = [ids[to]!, ids[from]!];
	await reorderRounds(db, actor, templateId, ids, now);
}

/** Copies a template with its rounds under a new, free name. */
export async function duplicateTemplate(
	db: DB,
	actor: AuthUser,
	id: number,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute(async (trx) => {
		const source = await trx.selectFrom('loopTemplate').selectAll().where('id', '=', id).executeTakeFirst();
		if (!source) throw new NotFoundError('No such template');
		let name = `${source.name} (copy)`;
		for (
			let n = 2;
			await trx
				.selectFrom('loopTemplate')
				.select('id')
				.where(sql<boolean>`name = ${name} collate nocase`)
				.executeTakeFirst();
			n++
		) {
			name = `${source.name} (copy ${n})`;
		}
		const copyId = await insertTemplate(
			trx,
			actor.id,
			{
				name,
				description: source.description,
				visibilityMode: source.visibilityMode,
				evidenceRule: source.evidenceRule
			},
			now
		);
		const { rounds } = await templateRounds(trx, id);
		for (const round of rounds) {
			const { id: roundId } = await trx
				.insertInto('templateRound')
				.values({
					templateId: copyId,
					position: round.position,
					title: round.title,
					kind: round.kind,
					format: round.format,
					durationMinutes: round.durationMinutes
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await writeRoundLinks(trx, roundId, {
				title: round.title,
				kind: round.kind,
				format: round.format,
				durationMinutes: round.durationMinutes,
				competencyIds: round.competencies.map((c) => c.id),
				questionIds: round.questions.map((q) => q.id)
			});
		}
		return copyId;
	});
}

export function setTemplateArchived(
	db: DB,
	actor: AuthUser,
	id: number,
	archived: boolean,
	now = Date.now()
): Promise<void> {
	return setArchived(db, actor, 'loopTemplate', id, archived, now);
}

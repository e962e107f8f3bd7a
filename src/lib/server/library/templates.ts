import type { DB } from '../platform/db';
import { engineOf } from '../platform/engine/engine-of';
import { sameTextIgnoringCase } from '../platform/engine/case-insensitive';
import type { EvidenceRule, VisibilityMode } from '../../domain/library';
import type { RoundInput, TemplateInput } from '../../domain/library-schemas';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { setArchived } from './archiving';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError } from '../platform/errors';
import { insertRound, templateRounds, writeRoundLinks, type TemplateRound } from './template-rounds';

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

/** Names are unique whatever their case. */
async function isTemplateNameTaken(db: DB, name: string, exceptId?: number): Promise<boolean> {
	let query = db
		.selectFrom('loopTemplate')
		.select('id')
		.where(sameTextIgnoringCase(engineOf(db), 'name', name));
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

async function assertTemplateNameFree(db: DB, name: string, exceptId?: number): Promise<void> {
	if (await isTemplateNameTaken(db, name, exceptId))
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
		for (let n = 2; await isTemplateNameTaken(trx, name); n++) name = `${source.name} (copy ${n})`;
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

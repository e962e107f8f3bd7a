import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { CompetencyKind } from '../../domain/library';
import type { CompetencyInput } from '../../domain/library-schemas';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { setArchived } from './archiving';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError } from '../platform/errors';

export interface CompetencySummary {
	id: number;
	name: string;
	kind: CompetencyKind;
	description: string;
	revision: number;
	archivedAt: number | null;
	questionCount: number;
}

export interface CompetencyRevision {
	id: number;
	revision: number;
	name: string;
	description: string;
	anchors: [string, string, string, string];
	createdAt: number;
	createdByName: string | null;
}

export interface CompetencyDetail extends CompetencySummary {
	anchors: [string, string, string, string];
	revisions: CompetencyRevision[];
	usage: CompetencyUsage;
}

export interface CompetencyUsage {
	templates: number;
	loops: number;
	questions: number;
}

export async function listCompetencies(
	db: DB,
	actor: AuthUser,
	filter: { kind?: CompetencyKind; includeArchived?: boolean } = {}
): Promise<CompetencySummary[]> {
	assertCanManageHiring(actor);
	return competencySummaries(db, filter);
}

async function competencySummaries(
	db: DB,
	filter: { kind?: CompetencyKind; includeArchived?: boolean; id?: number }
): Promise<CompetencySummary[]> {
	let query = db
		.selectFrom('competency')
		.innerJoin('competencyRevision as rev', 'rev.id', 'competency.currentRevisionId')
		.select((eb) => [
			'competency.id',
			'competency.name',
			'competency.kind',
			'competency.archivedAt',
			'rev.description',
			'rev.revision',
			eb
				.selectFrom('questionCompetency')
				.innerJoin('question', 'question.id', 'questionCompetency.questionId')
				.select((q) => q.fn.countAll<number>().as('n'))
				.whereRef('questionCompetency.competencyId', '=', 'competency.id')
				.where('question.archivedAt', 'is', null)
				.as('questionCount')
		])
		.orderBy('competency.kind', 'desc')
		.orderBy('competency.id');
	if (filter.kind) query = query.where('competency.kind', '=', filter.kind);
	if (!filter.includeArchived) query = query.where('competency.archivedAt', 'is', null);
	if (filter.id !== undefined) query = query.where('competency.id', '=', filter.id);
	const rows = await query.execute();
	return rows.map((r) => ({ ...r, questionCount: Number(r.questionCount ?? 0) }));
}

export async function getCompetency(db: DB, actor: AuthUser, id: number): Promise<CompetencyDetail> {
	assertCanManageHiring(actor);
	const [summary] = await competencySummaries(db, { includeArchived: true, id });
	if (!summary) throw new NotFoundError('No such competency');
	const revisions = await db
		.selectFrom('competencyRevision as rev')
		.leftJoin('user', 'user.id', 'rev.createdBy')
		.select([
			'rev.id',
			'rev.revision',
			'rev.name',
			'rev.description',
			'rev.anchor1',
			'rev.anchor2',
			'rev.anchor3',
			'rev.anchor4',
			'rev.createdAt',
			'user.name as createdByName'
		])
		.where('rev.competencyId', '=', id)
		.orderBy('rev.revision', 'desc')
		.execute();
	const history = revisions.map(({ anchor1, anchor2, anchor3, anchor4, ...rest }) => ({
		...rest,
		anchors: [anchor1, anchor2, anchor3, anchor4] as [string, string, string, string]
	}));
	return {
		...summary,
		anchors: history[0]!.anchors,
		revisions: history,
		usage: await competencyUsage(db, id)
	};
}

export async function competencyUsage(db: DB, id: number): Promise<CompetencyUsage> {
	const count = (table: 'templateRoundCompetency' | 'loopRoundCompetency' | 'questionCompetency') =>
		db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('competencyId', '=', id)
			.executeTakeFirstOrThrow()
			.then((r) => Number(r.n));
	const [templates, loops, questions] = await Promise.all([
		count('templateRoundCompetency'),
		count('loopRoundCompetency'),
		count('questionCompetency')
	]);
	return { templates, loops, questions };
}

async function assertNameFree(db: DB, name: string, exceptId?: number): Promise<void> {
	let query = db
		.selectFrom('competency')
		.select(['id', 'archivedAt'])
		.where(sql<boolean>`name = ${name} collate nocase`);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	const clash = await query.executeTakeFirst();
	if (clash) {
		throw new InputError({
			name: clash.archivedAt
				? 'An archived competency has this name. Restore it instead, or choose another name'
				: 'A competency with this name already exists'
		});
	}
}

function revisionValues(input: CompetencyInput) {
	return {
		name: input.name,
		description: input.description,
		anchor1: input.anchor1,
		anchor2: input.anchor2,
		anchor3: input.anchor3,
		anchor4: input.anchor4
	};
}

/** Creates a competency with its first revision. `actor` null is the system (default library). */
export async function insertCompetency(
	db: DB,
	actorId: number | null,
	input: CompetencyInput,
	now = Date.now()
): Promise<number> {
	await assertNameFree(db, input.name);
	const { id } = await db
		.insertInto('competency')
		.values({ name: input.name, kind: input.kind, archivedAt: null, createdAt: now, updatedAt: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const revision = await db
		.insertInto('competencyRevision')
		.values({ competencyId: id, revision: 1, ...revisionValues(input), createdBy: actorId, createdAt: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.updateTable('competency').set({ currentRevisionId: revision.id }).where('id', '=', id).execute();
	await recordAudit(
		db,
		{
			actorUserId: actorId,
			action: 'competency.created',
			entityType: 'competency',
			entityId: id,
			after: input
		},
		now
	);
	return id;
}

export async function createCompetency(
	db: DB,
	actor: AuthUser,
	input: CompetencyInput,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute((trx) => insertCompetency(trx, actor.id, input, now));
}

/**
 * An edit never changes a revision: it adds a new one and makes it current, so scorecards
 * keep the anchors they were scored against. An edit that changes nothing adds nothing.
 */
export async function reviseCompetency(
	db: DB,
	actor: AuthUser,
	id: number,
	input: CompetencyInput,
	now = Date.now()
): Promise<{ revised: boolean }> {
	assertCanManageHiring(actor);
	return db.transaction().execute(async (trx) => {
		const current = await trx
			.selectFrom('competency')
			.innerJoin('competencyRevision as rev', 'rev.id', 'competency.currentRevisionId')
			.select([
				'competency.kind',
				'rev.revision',
				'rev.name',
				'rev.description',
				'rev.anchor1',
				'rev.anchor2',
				'rev.anchor3',
				'rev.anchor4'
			])
			.where('competency.id', '=', id)
			.executeTakeFirst();
		if (!current) throw new NotFoundError('No such competency');
		const next = revisionValues(input);
		const unchanged =
			current.kind === input.kind &&
			(Object.keys(next) as (keyof typeof next)[]).every((key) => current[key] === next[key]);
		if (unchanged) return { revised: false };

		if (current.kind !== input.kind) {
			const usage = await competencyUsage(trx, id);
			if (usage.loops > 0) {
				throw new InputError({
					kind: 'Loops have rated this competency as ' + current.kind + '. Create a new competency instead'
				});
			}
		}
		if (current.name.toLowerCase() !== input.name.toLowerCase()) await assertNameFree(trx, input.name, id);
		const revision = await trx
			.insertInto('competencyRevision')
			.values({
				competencyId: id,
				revision: current.revision + 1,
				...next,
				createdBy: actor.id,
				createdAt: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('competency')
			.set({ name: input.name, kind: input.kind, currentRevisionId: revision.id, updatedAt: now })
			.where('id', '=', id)
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'competency.revised',
				entityType: 'competency',
				entityId: id,
				before: { revision: current.revision },
				after: { revision: current.revision + 1, ...input }
			},
			now
		);
		return { revised: true };
	});
}

export function setCompetencyArchived(
	db: DB,
	actor: AuthUser,
	id: number,
	archived: boolean,
	now = Date.now()
): Promise<void> {
	return setArchived(db, actor, 'competency', id, archived, now);
}

/** Only a competency nothing refers to can go; anything used is archived instead. */
export async function deleteCompetency(db: DB, actor: AuthUser, id: number, now = Date.now()): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const usage = await competencyUsage(trx, id);
		if (usage.loops > 0 || usage.templates > 0 || usage.questions > 0) {
			throw new InputError({
				form: 'This competency is used by questions, templates or loops, so it can only be archived'
			});
		}
		await trx.updateTable('competency').set({ currentRevisionId: null }).where('id', '=', id).execute();
		const result = await trx.deleteFrom('competency').where('id', '=', id).executeTakeFirst();
		if (Number(result.numDeletedRows) === 0) throw new NotFoundError('No such competency');
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'competency.deleted', entityType: 'competency', entityId: id },
			now
		);
	});
}

import type { DB } from '../platform/db';
import { engineOf } from '../platform/engine/engine-of';
import { sameTextIgnoringCase } from '../platform/engine/case-insensitive';
import type { CompetencyInput } from '../../domain/library-schemas';
import type { AuthUser } from '../auth/session';
import { assertCanManageHiring } from '../access/permissions';
import { setArchived } from './archiving';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError } from '../platform/errors';
import { competencyUsage } from './competencies';

async function assertNameFree(db: DB, name: string, exceptId?: number): Promise<void> {
	let query = db
		.selectFrom('competency')
		.select(['id', 'archivedAt'])
		.where(sameTextIgnoringCase(engineOf(db), 'name', name));
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

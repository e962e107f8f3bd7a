import type { DB } from '../platform/db';
import type { OpeningInput, OpeningStatus } from '../../domain/hiring-schemas';
import type { AuthUser } from '../auth/session';
import {
	assertCanManageHiring,
	assertHiringAccess,
	canManageHiring,
	isHiringManagerOf
} from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { ForbiddenError, InputError, NotFoundError } from '../platform/errors';

export interface OpeningSummary {
	id: number;
	title: string;
	team: string;
	level: string;
	description: string;
	status: OpeningStatus;
	templateId: number;
	templateName: string;
	hiringManagers: { id: number; name: string }[];
	candidates: number;
}

function openingsQuery(db: DB) {
	return db
		.selectFrom('opening')
		.innerJoin('loopTemplate', 'loopTemplate.id', 'opening.templateId')
		.select((eb) => [
			'opening.id',
			'opening.title',
			'opening.team',
			'opening.level',
			'opening.description',
			'opening.status',
			'opening.templateId',
			'loopTemplate.name as templateName',
			eb
				.selectFrom('candidateOpening')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('candidateOpening.openingId', '=', 'opening.id')
				.as('candidates')
		]);
}

async function withHiringManagers(
	db: DB,
	openings: Awaited<ReturnType<ReturnType<typeof openingsQuery>['execute']>>
): Promise<OpeningSummary[]> {
	const managers = await db
		.selectFrom('openingHiringManager')
		.innerJoin('user', 'user.id', 'openingHiringManager.userId')
		.select(['openingHiringManager.openingId', 'user.id', 'user.name'])
		.where('openingHiringManager.openingId', 'in', openings.length ? openings.map((o) => o.id) : [-1])
		.orderBy('user.name')
		.execute();
	return openings.map((o) => ({
		...o,
		candidates: Number(o.candidates),
		hiringManagers: managers.filter((m) => m.openingId === o.id).map(({ id, name }) => ({ id, name }))
	}));
}

/** Hiring staff see every opening; anyone else the openings they are a hiring manager of. */
export async function listOpenings(
	db: DB,
	actor: AuthUser,
	filter: { status?: OpeningStatus } = {}
): Promise<OpeningSummary[]> {
	await assertHiringAccess(db, actor);
	let query = openingsQuery(db).orderBy('opening.status', 'desc').orderBy('opening.title');
	if (filter.status) query = query.where('opening.status', '=', filter.status);
	if (!canManageHiring(actor)) {
		query = query.where('opening.id', 'in', (eb) =>
			eb.selectFrom('openingHiringManager').select('openingId').where('userId', '=', actor.id)
		);
	}
	return withHiringManagers(db, await query.execute());
}

export async function getOpening(db: DB, actor: AuthUser, id: number): Promise<OpeningSummary> {
	const row = await openingsQuery(db).where('opening.id', '=', id).executeTakeFirst();
	if (!row) throw new NotFoundError('No such opening');
	if (!canManageHiring(actor) && !(await isHiringManagerOf(db, actor, id))) throw new ForbiddenError();
	const [opening] = await withHiringManagers(db, [row]);
	return opening!;
}

/** Hiring managers must be active users; the template must exist (and not be archived, unless kept). */
async function assertOpeningReferences(db: DB, input: OpeningInput, keepTemplateId?: number): Promise<void> {
	const template = await db
		.selectFrom('loopTemplate')
		.select(['id', 'archivedAt'])
		.where('id', '=', input.templateId)
		.executeTakeFirst();
	if (!template || (template.archivedAt !== null && template.id !== keepTemplateId)) {
		throw new InputError({ templateId: 'Choose a loop template from the list' });
	}
	const ids = [...new Set(input.hiringManagerIds)];
	const users = await db
		.selectFrom('user')
		.select(['id', 'name', 'deactivatedAt'])
		.where('id', 'in', ids)
		.execute();
	if (users.length !== ids.length)
		throw new InputError({ hiringManagerIds: 'Choose hiring managers from the list' });
	const inactive = users.find((p) => p.deactivatedAt !== null);
	if (inactive) {
		throw new InputError({
			hiringManagerIds: `${inactive.name} is deactivated and cannot be a hiring manager`
		});
	}
}

async function writeHiringManagers(db: DB, openingId: number, userIds: number[]): Promise<void> {
	await db.deleteFrom('openingHiringManager').where('openingId', '=', openingId).execute();
	await db
		.insertInto('openingHiringManager')
		.values([...new Set(userIds)].map((userId) => ({ openingId, userId })))
		.execute();
}

export async function insertOpening(
	db: DB,
	actorId: number | null,
	input: OpeningInput,
	now = Date.now()
): Promise<number> {
	await assertOpeningReferences(db, input);
	const { id } = await db
		.insertInto('opening')
		.values({
			title: input.title,
			team: input.team,
			level: input.level,
			description: input.description ?? '',
			templateId: input.templateId,
			status: input.status,
			createdAt: now,
			updatedAt: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await writeHiringManagers(db, id, input.hiringManagerIds);
	await recordAudit(
		db,
		{ actorUserId: actorId, action: 'opening.created', entityType: 'opening', entityId: id, after: input },
		now
	);
	return id;
}

export async function createOpening(
	db: DB,
	actor: AuthUser,
	input: OpeningInput,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute((trx) => insertOpening(trx, actor.id, input, now));
}

export async function updateOpening(
	db: DB,
	actor: AuthUser,
	id: number,
	input: OpeningInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('opening').selectAll().where('id', '=', id).executeTakeFirst();
		if (!before) throw new NotFoundError('No such opening');
		await assertOpeningReferences(trx, input, before.templateId);
		await trx
			.updateTable('opening')
			.set({
				title: input.title,
				team: input.team,
				level: input.level,
				description: input.description ?? before.description,
				templateId: input.templateId,
				status: input.status,
				updatedAt: now
			})
			.where('id', '=', id)
			.execute();
		await writeHiringManagers(trx, id, input.hiringManagerIds);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'opening.updated',
				entityType: 'opening',
				entityId: id,
				before,
				after: input
			},
			now
		);
	});
}

export interface ActiveUser {
	id: number;
	name: string;
	/** For hiring staff only, who keep the directory; a hiring manager picks a panel by name. */
	email?: string;
}

/**
 * Active users who can be named hiring managers or panelists, for those who pick them:
 * hiring staff, with emails, and hiring managers, with names only.
 */
export async function listActiveUsers(db: DB, actor: AuthUser): Promise<ActiveUser[]> {
	await assertHiringAccess(db, actor);
	const users = db.selectFrom('user').where('deactivatedAt', 'is', null).orderBy('name');
	return canManageHiring(actor)
		? users.select(['id', 'name', 'email']).execute()
		: users.select(['id', 'name']).execute();
}

import type { DB } from '../platform/db';
import { engineOf } from '../platform/engine/engine-of';
import { likeIgnoringCase } from '../platform/engine/case-insensitive';
import type { CandidateInput } from '../../domain/hiring-schemas';
import { candidatesPerPage } from '../../domain/paging';
import type { AuthUser } from '../auth/session';
import {
	assertCanManageHiring,
	assertCanSeeCandidate,
	assertHiringAccess,
	canManageHiring
} from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { recordEvent } from '../notify/events';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';
import { rewriteCandidateMentions } from './candidate-traces';

export interface CandidateSummary {
	id: number;
	name: string;
	email: string;
	openings: { id: number; title: string }[];
}

export interface CandidateDetail extends CandidateSummary {
	notes: string;
	createdAt: number;
	/** When they were anonymised (decision 024); null while their data is held. */
	anonymisedAt: number | null;
	legalHold: { reason: string; at: number } | null;
}

/**
 * Candidates the actor may see: every one for hiring staff, those in their own openings for
 * a hiring manager, none for anyone else. Searches name and email.
 */
export async function listCandidates(
	db: DB,
	actor: AuthUser,
	filter: { q?: string; openingId?: number; page?: number } = {}
): Promise<{ candidates: CandidateSummary[]; total: number }> {
	await assertHiringAccess(db, actor);
	let query = db.selectFrom('candidate');
	if (!canManageHiring(actor)) {
		query = query.where('candidate.id', 'in', (eb) =>
			eb
				.selectFrom('candidateOpening')
				.innerJoin('openingHiringManager', 'openingHiringManager.openingId', 'candidateOpening.openingId')
				.select('candidateOpening.candidateId')
				.where('openingHiringManager.userId', '=', actor.id)
		);
	}
	if (filter.openingId !== undefined) {
		const openingId = filter.openingId;
		query = query.where('candidate.id', 'in', (eb) =>
			eb.selectFrom('candidateOpening').select('candidateId').where('openingId', '=', openingId)
		);
	}
	const q = filter.q?.trim();
	if (q) {
		const engine = engineOf(db);
		const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		query = query.where((eb) =>
			eb.or([
				likeIgnoringCase(engine, 'candidate.name', pattern),
				likeIgnoringCase(engine, 'candidate.email', pattern)
			])
		);
	}
	const page = Math.max(1, filter.page ?? 1);
	const [rows, count] = await Promise.all([
		query
			.select(['candidate.id', 'candidate.name', 'candidate.email'])
			.orderBy('candidate.name')
			.orderBy('candidate.id')
			.limit(candidatesPerPage)
			.offset((page - 1) * candidatesPerPage)
			.execute(),
		query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	const openings = await openingsOf(
		db,
		rows.map((r) => r.id)
	);
	return {
		candidates: rows.map((r) => ({
			...r,
			openings: openings.filter((o) => o.candidateId === r.id).map(({ id, title }) => ({ id, title }))
		})),
		total: Number(count.n)
	};
}

async function openingsOf(db: DB, candidateIds: number[]) {
	return db
		.selectFrom('candidateOpening')
		.innerJoin('opening', 'opening.id', 'candidateOpening.openingId')
		.select(['candidateOpening.candidateId', 'opening.id', 'opening.title'])
		.where('candidateOpening.candidateId', 'in', candidateIds.length ? candidateIds : [-1])
		.orderBy('candidateOpening.addedAt')
		.execute();
}

export async function getCandidate(db: DB, actor: AuthUser, id: number): Promise<CandidateDetail> {
	await assertCanSeeCandidate(db, actor, id);
	const row = await db.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	const openings = await openingsOf(db, [id]);
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		notes: row.notes,
		createdAt: row.createdAt,
		anonymisedAt: row.anonymisedAt,
		legalHold:
			row.legalHoldReason === null
				? null
				: { reason: row.legalHoldReason, at: row.legalHoldAt ?? row.updatedAt },
		openings: openings.map(({ id: openingId, title }) => ({ id: openingId, title }))
	};
}

async function assertEmailFree(db: DB, email: string, exceptId?: number): Promise<void> {
	let query = db.selectFrom('candidate').select('id').where('email', '=', email);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst())
		throw new InputError({ email: 'A candidate with this email already exists' });
}

async function assertOpeningsExist(db: DB, openingIds: number[]): Promise<void> {
	if (!openingIds.length) return;
	const ids = [...new Set(openingIds)];
	const found = await db.selectFrom('opening').select('id').where('id', 'in', ids).execute();
	if (found.length !== ids.length) throw new InputError({ openingIds: 'Choose openings from the list' });
}

export async function insertCandidate(
	db: DB,
	actorId: number | null,
	input: CandidateInput,
	now = Date.now()
): Promise<number> {
	await assertEmailFree(db, input.email);
	await assertOpeningsExist(db, input.openingIds);
	const { id } = await db
		.insertInto('candidate')
		.values({ name: input.name, email: input.email, notes: input.notes, createdAt: now, updatedAt: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const openingId of new Set(input.openingIds)) {
		await db.insertInto('candidateOpening').values({ candidateId: id, openingId, addedAt: now }).execute();
	}
	await recordAudit(
		db,
		{ actorUserId: actorId, action: 'candidate.created', entityType: 'candidate', entityId: id },
		now
	);
	await recordEvent(db, 'candidate.created', { candidateId: id }, { now, actorUserId: actorId });
	return id;
}

export async function createCandidate(
	db: DB,
	actor: AuthUser,
	input: CandidateInput,
	now = Date.now()
): Promise<number> {
	assertCanManageHiring(actor);
	return db.transaction().execute((trx) => insertCandidate(trx, actor.id, input, now));
}

/** Edits the person; openings are added here, and removed only while no loop uses them. */
export async function updateCandidate(
	db: DB,
	actor: AuthUser,
	id: number,
	input: CandidateInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const before = await trx.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirst();
		if (!before) throw new NotFoundError('No such candidate');
		if (before.anonymisedAt !== null)
			throw new ConflictError('This candidate is anonymised: there is nothing to edit');
		await assertEmailFree(trx, input.email, id);
		await assertOpeningsExist(trx, input.openingIds);
		const current = (await openingsOf(trx, [id])).map((o) => o.id);
		const wanted = new Set(input.openingIds);
		const removed = current.filter((openingId) => !wanted.has(openingId));
		if (removed.length) {
			const withLoops = await trx
				.selectFrom('loop')
				.innerJoin('opening', 'opening.id', 'loop.openingId')
				.select('opening.title')
				.where('loop.candidateId', '=', id)
				.where('loop.openingId', 'in', removed)
				.executeTakeFirst();
			if (withLoops) {
				throw new InputError({ openingIds: `${withLoops.title} has a loop for this candidate, so it stays` });
			}
			await trx
				.deleteFrom('candidateOpening')
				.where('candidateId', '=', id)
				.where('openingId', 'in', removed)
				.execute();
		}
		for (const openingId of wanted) {
			if (!current.includes(openingId)) {
				await trx
					.insertInto('candidateOpening')
					.values({ candidateId: id, openingId, addedAt: now })
					.execute();
			}
		}
		await trx
			.updateTable('candidate')
			.set({ name: input.name, email: input.email, notes: input.notes, updatedAt: now })
			.where('id', '=', id)
			.execute();
		// Queued mails and notices follow, so an erasure later finds the name they carry.
		await rewriteCandidateMentions(trx, id, { from: before, to: input });
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'candidate.updated', entityType: 'candidate', entityId: id },
			now
		);
	});
}

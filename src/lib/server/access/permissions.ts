import type { DB } from '../platform/db';
import type { Role } from '../../domain/roles';
import type { AuthUser } from '../auth/session';
import { ForbiddenError, NotFoundError } from '../platform/errors';

// Who may do what (docs/design.md): admins and recruiters run the library, templates, openings,
// candidates and loops; a hiring manager runs the loops of their own openings. Everything
// else is denied.

/** Passes only when the actor holds one of the roles named. */
export function assertRole(actor: AuthUser | null | undefined, ...allowed: Role[]): AuthUser {
	if (!actor || !allowed.includes(actor.role)) throw new ForbiddenError();
	return actor;
}

export function canManageHiring(actor: AuthUser): boolean {
	return actor.role === 'admin' || actor.role === 'recruiter';
}

export function assertCanManageHiring(actor: AuthUser): void {
	if (!canManageHiring(actor)) throw new ForbiddenError();
}

/** Ids of the openings the actor is a hiring manager of. */
export async function managedOpeningIds(db: DB, actor: AuthUser): Promise<number[]> {
	const rows = await db
		.selectFrom('openingHiringManager')
		.select('openingId')
		.where('userId', '=', actor.id)
		.execute();
	return rows.map((r) => r.openingId);
}

/** Hiring staff, or a hiring manager of at least one opening: who may list openings and candidates. */
export async function assertHiringAccess(db: DB, actor: AuthUser): Promise<void> {
	if (canManageHiring(actor)) return;
	if ((await managedOpeningIds(db, actor)).length === 0) throw new ForbiddenError();
}

export async function isHiringManagerOf(db: DB, actor: AuthUser, openingId: number): Promise<boolean> {
	const row = await db
		.selectFrom('openingHiringManager')
		.select('openingId')
		.where('openingId', '=', openingId)
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	return row !== undefined;
}

/** Whether the actor runs the opening's loops: hiring staff, or a hiring manager of it. */
export async function runsOpeningLoops(db: DB, actor: AuthUser, openingId: number): Promise<boolean> {
	return canManageHiring(actor) || (await isHiringManagerOf(db, actor, openingId));
}

/** Hiring staff or a hiring manager of the opening; 404 for an opening that does not exist. */
export async function assertCanManageOpeningLoops(db: DB, actor: AuthUser, openingId: number): Promise<void> {
	const opening = await db.selectFrom('opening').select('id').where('id', '=', openingId).executeTakeFirst();
	if (!opening) throw new NotFoundError('No such opening');
	if (!(await runsOpeningLoops(db, actor, openingId))) throw new ForbiddenError();
}

/**
 * A candidate's personal data is for hiring staff and the hiring managers of one of the
 * candidate's openings. Others get the same answer as for a candidate that does not exist.
 */
export async function assertCanSeeCandidate(db: DB, actor: AuthUser, candidateId: number): Promise<void> {
	const candidate = await db
		.selectFrom('candidate')
		.select('id')
		.where('id', '=', candidateId)
		.executeTakeFirst();
	if (!candidate) throw new NotFoundError('No such candidate');
	if (canManageHiring(actor)) return;
	const managed = await db
		.selectFrom('candidateOpening')
		.innerJoin('openingHiringManager', 'openingHiringManager.openingId', 'candidateOpening.openingId')
		.select('candidateOpening.openingId')
		.where('candidateOpening.candidateId', '=', candidateId)
		.where('openingHiringManager.userId', '=', actor.id)
		.executeTakeFirst();
	if (!managed) throw new ForbiddenError();
}

/**
 * Whether the actor may know the loop exists: hiring staff, the opening's hiring managers,
 * and its panel. The API answers 404 to anyone else, as if there were no such loop.
 */
export async function canKnowLoop(db: DB, actor: AuthUser, loopId: number): Promise<boolean> {
	const loop = await db.selectFrom('loop').select(['openingId']).where('id', '=', loopId).executeTakeFirst();
	if (!loop) return false;
	if (await runsOpeningLoops(db, actor, loop.openingId)) return true;
	const seat = await db
		.selectFrom('scorecard')
		.select('id')
		.where('loopId', '=', loopId)
		.where('interviewerId', '=', actor.id)
		.executeTakeFirst();
	return seat !== undefined;
}

/** Whether the actor may know the opening exists: hiring staff and its hiring managers. */
export async function canKnowOpening(db: DB, actor: AuthUser, openingId: number): Promise<boolean> {
	const opening = await db.selectFrom('opening').select('id').where('id', '=', openingId).executeTakeFirst();
	if (!opening) return false;
	return canManageHiring(actor) || isHiringManagerOf(db, actor, openingId);
}

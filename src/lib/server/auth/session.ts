import { sql } from 'kysely';
import type { DB } from '../platform/db';
import { hotStatement, queries, runHot } from '../platform/hot-statements';
import type { Role } from '../../domain/roles';
import { issueToken, parseToken, secretMatches } from './secret-token';

const hour = 60 * 60 * 1000;

export interface SessionPolicy {
	/** A session unused for this long ends. */
	idleTimeoutMs: number;
	/** A session ends this long after sign-in, however active. */
	absoluteLifetimeMs: number;
	/** How stale lastVerifiedAt may get before a request refreshes it (saves a write per request). */
	activityCheckIntervalMs: number;
}

export const defaultSessionPolicy: SessionPolicy = {
	idleTimeoutMs: 72 * hour,
	absoluteLifetimeMs: 14 * 24 * hour,
	activityCheckIntervalMs: hour
};

export function sessionPolicyFromEnv(env: Record<string, string | undefined>): SessionPolicy {
	const idleHours = positiveNumber(env.SESSION_IDLE_HOURS, 'SESSION_IDLE_HOURS');
	const maxDays = positiveNumber(env.SESSION_MAX_DAYS, 'SESSION_MAX_DAYS');
	return {
		...defaultSessionPolicy,
		idleTimeoutMs: idleHours === undefined ? defaultSessionPolicy.idleTimeoutMs : idleHours * hour,
		absoluteLifetimeMs: maxDays === undefined ? defaultSessionPolicy.absoluteLifetimeMs : maxDays * 24 * hour
	};
}

function positiveNumber(raw: string | undefined, name: string): number | undefined {
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
	return value;
}

export interface AuthUser {
	id: number;
	email: string;
	name: string;
	role: Role;
}

export interface ValidSession {
	id: string;
	userId: number;
	expiresAt: number;
}

export async function createSession(
	db: DB,
	userId: number,
	now = Date.now(),
	policy = defaultSessionPolicy
): Promise<{ token: string; session: ValidSession }> {
	const { id, secretHash, token } = issueToken();
	await db
		.insertInto('session')
		.values({ id, secretHash, userId, createdAt: now, lastVerifiedAt: now })
		.execute();
	return { token, session: { id, userId, expiresAt: now + policy.absoluteLifetimeMs } };
}

/**
 * Every request runs this. `+?` rather than `?`: SQLite 3.54 prepares a join whose WHERE
 * compares with a bare parameter again on every run (and better-sqlite3 13 then builds its
 * row constructor again), several times the cost of the lookup; the unary plus changes
 * neither the value nor the plan (decision 016).
 */
export const sessionLookup = hotStatement((args: { id: string }) =>
	queries
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.userId')
		.select([
			'session.id',
			'session.secretHash',
			'session.createdAt',
			'session.lastVerifiedAt',
			'user.id as userId',
			'user.email',
			'user.name',
			'user.role',
			'user.deactivatedAt'
		])
		.where('session.id', '=', sql<string>`+${args.id}`)
);

/** The session and its (active) user, or null when the token is unknown, wrong or expired. */
export async function validateSessionToken(
	db: DB,
	token: string,
	now = Date.now(),
	policy = defaultSessionPolicy
): Promise<{ session: ValidSession; user: AuthUser } | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const [row] = await runHot(db, sessionLookup, { id: parsed.id });
	if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;

	const idle = now - row.lastVerifiedAt >= policy.idleTimeoutMs;
	const tooOld = now - row.createdAt >= policy.absoluteLifetimeMs;
	if (idle || tooOld || row.deactivatedAt !== null) {
		await invalidateSession(db, row.id);
		return null;
	}
	if (now - row.lastVerifiedAt >= policy.activityCheckIntervalMs) {
		await db.updateTable('session').set({ lastVerifiedAt: now }).where('id', '=', row.id).execute();
	}
	return {
		session: { id: row.id, userId: row.userId, expiresAt: row.createdAt + policy.absoluteLifetimeMs },
		user: { id: row.userId, email: row.email, name: row.name, role: row.role }
	};
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends every session of the user, except the one given (the caller's own, when they stay signed in). */
export async function invalidateUserSessions(
	db: DB,
	userId: number,
	exceptSessionId?: string
): Promise<void> {
	let query = db.deleteFrom('session').where('userId', '=', userId);
	if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
	await query.execute();
}

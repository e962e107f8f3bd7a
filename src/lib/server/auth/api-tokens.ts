import { sql } from 'kysely';
import type { DB } from '../platform/db';
import { hotStatement, queries, runHot } from '../platform/hot-statements';
import type { AuthUser } from './session';
import { issueToken, parseToken, secretMatches } from './secret-token';
import { recordAudit } from '../platform/audit';
import { NotFoundError } from '../platform/errors';
import { assertRole } from '../access/permissions';

// API tokens act as their user, with exactly that user's permissions: a script holding one
// is the person who made it. Only a hash of the secret is stored; the token is shown once.

/** API tokens look like `pnl_<id>.<secret>`; the prefix lets secret scanners recognise a leaked one. */
export const apiTokenPrefix = 'pnl_';

/** Last use is written at most this often, so a busy script does not write on every call. */
const lastUseResolution = 60_000;

export interface ApiTokenSummary {
	id: string;
	name: string;
	createdAt: number;
	lastUsedAt: number | null;
}

export interface TeamApiToken extends ApiTokenSummary {
	userId: number;
	userName: string;
	userEmail: string;
}

/** Stores a new token for the user (hash only) and returns the token, to be shown once. */
export async function createApiToken(
	db: DB,
	userId: number,
	name: string,
	now = Date.now()
): Promise<{ id: string; token: string }> {
	const { id, secretHash, token } = issueToken(apiTokenPrefix);
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('apiToken').values({ id, secretHash, userId, name, createdAt: now }).execute();
		await recordAudit(
			trx,
			{
				actorUserId: userId,
				action: 'api_token.created',
				entityType: 'api_token',
				entityId: id,
				after: { name }
			},
			now
		);
	});
	return { id, token };
}

/** The actor's own tokens that still work, newest first. */
export async function listApiTokens(db: DB, actor: AuthUser): Promise<ApiTokenSummary[]> {
	return db
		.selectFrom('apiToken')
		.select(['id', 'name', 'createdAt', 'lastUsedAt'])
		.where('userId', '=', actor.id)
		.where('revokedAt', 'is', null)
		.orderBy('createdAt', 'desc')
		.orderBy('id')
		.execute();
}

/** Every token that still works, whoever holds it, for admins to see what can reach the API. */
export async function listTeamApiTokens(db: DB, actor: AuthUser): Promise<TeamApiToken[]> {
	assertRole(actor, 'admin');
	return db
		.selectFrom('apiToken')
		.innerJoin('user', 'user.id', 'apiToken.userId')
		.select([
			'apiToken.id',
			'apiToken.name',
			'apiToken.createdAt',
			'apiToken.lastUsedAt',
			'apiToken.userId',
			'user.name as userName',
			'user.email as userEmail'
		])
		.where('apiToken.revokedAt', 'is', null)
		.orderBy('user.name')
		.orderBy('apiToken.createdAt', 'desc')
		.orderBy('apiToken.id')
		.execute();
}

/**
 * Revokes a token; it stops working at once, and for good. Anyone may revoke their own;
 * an admin may revoke anyone's (a leaked token, someone who left).
 */
export async function revokeApiToken(db: DB, actor: AuthUser, id: string, now = Date.now()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		let query = trx
			.selectFrom('apiToken')
			.select(['name', 'userId'])
			.where('id', '=', id)
			.where('revokedAt', 'is', null);
		if (actor.role !== 'admin') query = query.where('userId', '=', actor.id);
		const token = await query.executeTakeFirst();
		if (!token) throw new NotFoundError('No such token (it may be revoked already)');
		await trx.updateTable('apiToken').set({ revokedAt: now }).where('id', '=', id).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'api_token.revoked',
				entityType: 'api_token',
				entityId: id,
				before: { name: token.name, userId: token.userId }
			},
			now
		);
	});
}

/**
 * Revokes every token of a user that still works and says how many: part of a password
 * reset or a deactivation, so the caller's transaction and audit entry cover it. Revoked
 * stays revoked; nothing brings a token back.
 */
export async function revokeUserApiTokens(db: DB, userId: number, now = Date.now()): Promise<number> {
	const result = await db
		.updateTable('apiToken')
		.set({ revokedAt: now })
		.where('userId', '=', userId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Every request with a token runs this; `+?` as in the session lookup (decision 016). */
export const apiTokenLookup = hotStatement((args: { id: string }) =>
	queries
		.selectFrom('apiToken')
		.innerJoin('user', 'user.id', 'apiToken.userId')
		.select([
			'apiToken.secretHash',
			'apiToken.revokedAt',
			'apiToken.lastUsedAt',
			'user.id',
			'user.email',
			'user.name',
			'user.role',
			'user.deactivatedAt'
		])
		.where('apiToken.id', '=', sql<string>`+${args.id}`)
);

/**
 * The user a bearer token acts for, or null when it is malformed, unknown, revoked or its
 * user is deactivated. Notes the time of use (to the minute).
 */
export async function authenticateApiToken(
	db: DB,
	token: string,
	now = Date.now()
): Promise<{ user: AuthUser; tokenId: string } | null> {
	const parsed = parseToken(token, apiTokenPrefix);
	if (!parsed) return null;
	const [row] = await runHot(db, apiTokenLookup, { id: parsed.id });
	if (!row || row.revokedAt !== null || row.deactivatedAt !== null) return null;
	if (!secretMatches(parsed.secret, row.secretHash)) return null;
	if (row.lastUsedAt === null || now - row.lastUsedAt >= lastUseResolution) {
		await db.updateTable('apiToken').set({ lastUsedAt: now }).where('id', '=', parsed.id).execute();
	}
	return {
		user: { id: row.id, email: row.email, name: row.name, role: row.role },
		tokenId: parsed.id
	};
}

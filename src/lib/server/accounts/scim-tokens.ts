import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { issueToken, parseToken, secretMatches } from '../auth/secret-token';
import { recordAudit } from '../platform/audit';
import { NotFoundError } from '../platform/errors';
import { assertRole } from '../access/permissions';

// SCIM tokens are an identity provider's key to /scim/v2 (decision 028). Unlike API tokens
// they act for no person: the token itself is the actor, named in the audit trail. Only a
// hash of the secret is stored; the token is shown once.

/** `scim_<id>.<secret>`: the prefix tells it apart from an API token (pnl_) at a glance. */
export const scimTokenPrefix = 'scim_';

const lastUseResolution = 60_000;

export interface ScimTokenSummary {
	id: string;
	name: string;
	createdAt: number;
	lastUsedAt: number | null;
}

/** Who acts through /scim/v2: the token, by id and name. */
export interface ScimActor {
	tokenId: string;
	tokenName: string;
}

/**
 * Stores a new SCIM token (hash only) and returns it, to be shown once. `actor` is the admin
 * on the page, or null for the CLI, whose user already holds the database itself.
 */
export async function createScimToken(
	db: DB,
	actor: AuthUser | null,
	name: string,
	now = Date.now()
): Promise<{ id: string; token: string }> {
	if (actor) assertRole(actor, 'admin');
	const { id, secretHash, token } = issueToken(scimTokenPrefix);
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('scimToken')
			.values({ id, secretHash, name, createdBy: actor?.id ?? null, createdAt: now })
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor?.id ?? null,
				action: 'scim_token.created',
				entityType: 'scim_token',
				entityId: id,
				after: { name }
			},
			now
		);
	});
	return { id, token };
}

/** The SCIM tokens that still work, newest first. */
export async function listScimTokens(db: DB, actor: AuthUser): Promise<ScimTokenSummary[]> {
	assertRole(actor, 'admin');
	return db
		.selectFrom('scimToken')
		.select(['id', 'name', 'createdAt', 'lastUsedAt'])
		.where('revokedAt', 'is', null)
		.orderBy('createdAt', 'desc')
		.orderBy('id')
		.execute();
}

/** Revokes a SCIM token: the provider's next request is refused. */
export async function revokeScimToken(db: DB, actor: AuthUser, id: string, now = Date.now()): Promise<void> {
	assertRole(actor, 'admin');
	await db.transaction().execute(async (trx) => {
		const token = await trx
			.selectFrom('scimToken')
			.select('name')
			.where('id', '=', id)
			.where('revokedAt', 'is', null)
			.executeTakeFirst();
		if (!token) throw new NotFoundError('No such token (it may be revoked already)');
		await trx.updateTable('scimToken').set({ revokedAt: now }).where('id', '=', id).execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'scim_token.revoked',
				entityType: 'scim_token',
				entityId: id,
				before: { name: token.name }
			},
			now
		);
	});
}

/** The token a bearer secret is, or null when malformed, unknown or revoked. Notes its use. */
export async function authenticateScimToken(
	db: DB,
	token: string,
	now = Date.now()
): Promise<ScimActor | null> {
	const parsed = parseToken(token, scimTokenPrefix);
	if (!parsed) return null;
	const row = await db
		.selectFrom('scimToken')
		.select(['name', 'secretHash', 'revokedAt', 'lastUsedAt'])
		.where('id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || row.revokedAt !== null || !secretMatches(parsed.secret, row.secretHash)) return null;
	if (row.lastUsedAt === null || now - row.lastUsedAt >= lastUseResolution) {
		await db.updateTable('scimToken').set({ lastUsedAt: now }).where('id', '=', parsed.id).execute();
	}
	return { tokenId: parsed.id, tokenName: row.name };
}

import type { DB } from './db';
import { issueToken } from './auth/secret-token';
import { recordAudit } from './audit';

/** API tokens look like `pnl_<id>.<secret>`; the prefix lets secret scanners recognise a leaked one. */
export const apiTokenPrefix = 'pnl_';

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

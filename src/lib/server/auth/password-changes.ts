import type { DB } from '../platform/db';
import type { AuthUser } from './session';
import { invalidateUserSessions } from './session';
import { hashPassword, verifyPassword } from './password';
import { describeWait, FailureLimiter } from './rate-limit';
import { revokeUserApiTokens } from './api-tokens';
import { recordAudit } from '../platform/audit';
import { InputError, NotFoundError, TooManyAttemptsError } from '../platform/errors';
import { assertAcceptablePassword, findUserByEmail } from '../accounts/users';

// Passwords of existing users: changed by themselves, or reset by an operator. Both end
// sessions; API tokens end with a reset, and with a change when the user asks.

// Five wrong current passwords in 15 minutes, per user: a session left open on someone's
// laptop must not become a way to guess the password itself.
const currentPasswordChecks = new FailureLimiter(5, 15 * 60_000);

/**
 * The user changes their own password; every other session of theirs ends, and their API
 * tokens too when they ask (a script would then need a new one).
 */
export async function changeOwnPassword(
	db: DB,
	actor: AuthUser,
	currentSessionId: string,
	input: { currentPassword: string; password: string; revokeApiTokens?: boolean },
	now = Date.now(),
	limiter = currentPasswordChecks
): Promise<void> {
	const key = String(actor.id);
	const wait = limiter.retryAfter(key, now);
	if (wait > 0) {
		throw new TooManyAttemptsError(
			`Too many wrong current passwords. Wait ${describeWait(wait)} and try again.`
		);
	}
	const row = await db
		.selectFrom('user')
		.select('passwordHash')
		.where('id', '=', actor.id)
		.executeTakeFirst();
	if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
		limiter.recordFailure(key, now);
		throw new InputError({ currentPassword: 'Your current password is not right' });
	}
	limiter.reset(key);
	if (input.password === input.currentPassword) {
		throw new InputError({ password: 'Choose a password different from your current one' });
	}
	assertAcceptablePassword(input.password);
	const passwordHash = await hashPassword(input.password);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('user').set({ passwordHash, updatedAt: now }).where('id', '=', actor.id).execute();
		await invalidateUserSessions(trx, actor.id, currentSessionId);
		const apiTokensRevoked = input.revokeApiTokens ? await revokeUserApiTokens(trx, actor.id, now) : 0;
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'user.password_changed',
				entityType: 'user',
				entityId: actor.id,
				after: { apiTokensRevoked }
			},
			now
		);
	});
}

/**
 * An operator sets a new password (CLI): every session and every API token of the user
 * ends, since a reset usually means the old credentials are not to be trusted.
 */
export async function resetPassword(
	db: DB,
	email: string,
	password: string,
	now = Date.now()
): Promise<{ apiTokensRevoked: number }> {
	const user = await findUserByEmail(db, email);
	if (!user) throw new NotFoundError(`No user with email ${email}`);
	assertAcceptablePassword(password);
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		await trx.updateTable('user').set({ passwordHash, updatedAt: now }).where('id', '=', user.id).execute();
		await invalidateUserSessions(trx, user.id);
		const apiTokensRevoked = await revokeUserApiTokens(trx, user.id, now);
		await recordAudit(
			trx,
			{
				actorUserId: null,
				action: 'user.password_reset',
				entityType: 'user',
				entityId: user.id,
				after: { apiTokensRevoked }
			},
			now
		);
		return { apiTokensRevoked };
	});
}

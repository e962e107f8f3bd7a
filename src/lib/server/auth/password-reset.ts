import { hour } from '../../domain/time';
import { assertAcceptablePassword } from '../accounts/users';
import { composeMail } from '../mail/compose';
import { mailSettings } from '../mail/mail-settings';
import { enqueueMail } from '../mail/mailer';
import { recordAudit } from '../platform/audit';
import type { DB } from '../platform/db';
import { ConflictError, TooManyAttemptsError } from '../platform/errors';
import { isPostgres } from '../../../../migrations/support/engine';
import { hashPassword } from './password';
import { describeWait, FailureLimiter } from './rate-limit';
import { SharedFailureLimiter, type FailureCounter } from './shared-rate-limit';
import { issueToken, parseToken, secretMatches } from './secret-token';
import { invalidateUserSessions } from './session';

// "Forgot password" (decision 021): a link by mail that works once, for an hour; only a hash
// of its secret is kept. The answer to a request never says whether the address has an account.

export const resetLifetimeMs = hour;

export interface ResetLimiters {
	perAddress: FailureCounter;
	perEmail: FailureCounter;
}

// Ten requests an hour from one address, then a wait it is told about; three mails an hour to
// one address, after which more requests quietly send nothing (saying so would tell who has an
// account). On PostgreSQL the counts are shared by the instances, as sign-in's are.
export function createResetLimiters(db?: DB): ResetLimiters {
	if (db && isPostgres(db))
		return {
			perAddress: new SharedFailureLimiter(db, 'reset-address', 10, hour),
			perEmail: new SharedFailureLimiter(db, 'reset-email', 3, hour)
		};
	return { perAddress: new FailureLimiter(10, hour), perEmail: new FailureLimiter(3, hour) };
}

/**
 * Mails a reset link to the account with this email, if there is an active one, mail is on
 * and the address has not had three this hour; otherwise sends nothing, and the caller answers
 * the same either way. Too many requests from one client address: TooManyAttemptsError. An
 * earlier unused link of the account stops working.
 */
export async function requestPasswordReset(
	db: DB,
	limiters: ResetLimiters,
	input: { email: string; clientAddress: string },
	now = Date.now()
): Promise<void> {
	const wait = await limiters.perAddress.retryAfter(input.clientAddress, now);
	if (wait > 0)
		throw new TooManyAttemptsError(`Too many reset requests. Wait ${describeWait(wait)} and try again.`);
	await limiters.perAddress.recordFailure(input.clientAddress, now);
	const email = input.email.toLowerCase();
	if ((await limiters.perEmail.retryAfter(email, now)) > 0) return;
	await limiters.perEmail.recordFailure(email, now);
	const settings = mailSettings();
	if (!settings) return;
	const user = await db
		.selectFrom('user')
		.select(['id', 'name', 'email'])
		.where('email', '=', email)
		.where('deactivatedAt', 'is', null)
		.executeTakeFirst();
	if (!user) return;
	const { id, secretHash, token } = issueToken();
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('passwordReset')
			.set({ usedAt: now })
			.where('userId', '=', user.id)
			.where('usedAt', 'is', null)
			.execute();
		await trx
			.insertInto('passwordReset')
			.values({ id, secretHash, userId: user.id, createdAt: now, expiresAt: now + resetLifetimeMs })
			.execute();
		await enqueueMail(
			trx,
			`password-reset:${id}`,
			composeMail({
				to: user.email,
				subject: 'Reset your Panelist password',
				paragraphs: [
					`Hello ${user.name},`,
					'Someone, probably you, asked to reset your Panelist password. The link below works once, for one hour.'
				],
				link: { href: `${settings.origin}/reset-password/${token}`, label: 'Choose a new password' },
				footer: 'If you did not ask for this, ignore this mail: your password stays as it is.'
			}),
			now
		);
		await recordAudit(
			trx,
			{ actorUserId: null, action: 'user.password_reset_requested', entityType: 'user', entityId: user.id },
			now
		);
	});
}

export type ResetLookup = { status: 'valid'; userId: number; email: string } | { status: 'unusable' };

/** Whether a reset link can still be used. */
export async function lookUpPasswordReset(db: DB, token: string, now = Date.now()): Promise<ResetLookup> {
	const parsed = parseToken(token);
	if (!parsed) return { status: 'unusable' };
	const row = await db
		.selectFrom('passwordReset')
		.innerJoin('user', 'user.id', 'passwordReset.userId')
		.select([
			'passwordReset.secretHash',
			'passwordReset.usedAt',
			'passwordReset.expiresAt',
			'user.id',
			'user.email',
			'user.deactivatedAt'
		])
		.where('passwordReset.id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || !secretMatches(parsed.secret, row.secretHash)) return { status: 'unusable' };
	if (row.usedAt !== null || row.expiresAt <= now || row.deactivatedAt !== null)
		return { status: 'unusable' };
	return { status: 'valid', userId: row.id, email: row.email };
}

export const unusableResetMessage =
	'This reset link cannot be used: it has expired (links last one hour), has been used, or a newer one was sent. Ask for a new one.';

/** Sets the new password through a reset link, once; every session of the user ends. */
export async function resetPasswordWithLink(
	db: DB,
	token: string,
	password: string,
	now = Date.now()
): Promise<void> {
	const lookup = await lookUpPasswordReset(db, token, now);
	if (lookup.status !== 'valid') throw new ConflictError(unusableResetMessage);
	assertAcceptablePassword(password);
	const passwordHash = await hashPassword(password);
	const resetId = parseToken(token)!.id;
	await db.transaction().execute(async (trx) => {
		// Claimed in the same statement that checks it: two submits of one link, one wins.
		const claimed = await trx
			.updateTable('passwordReset')
			.set({ usedAt: now })
			.where('id', '=', resetId)
			.where('usedAt', 'is', null)
			.where('expiresAt', '>', now)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) throw new ConflictError(unusableResetMessage);
		await trx
			.updateTable('user')
			.set({ passwordHash, updatedAt: now })
			.where('id', '=', lookup.userId)
			.execute();
		await invalidateUserSessions(trx, lookup.userId);
		await recordAudit(
			trx,
			{
				actorUserId: lookup.userId,
				action: 'user.password_reset',
				entityType: 'user',
				entityId: lookup.userId
			},
			now
		);
	});
}

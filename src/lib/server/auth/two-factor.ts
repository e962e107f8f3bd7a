import QRCode from 'qrcode';
import type { DB } from '../platform/db';
import type { AuthUser } from './session';
import { isTotpCode } from '../../domain/two-factor';
import { isPostgres } from '../../../../migrations/support/engine';
import { recordAudit } from '../platform/audit';
import { ConflictError, InputError, NotFoundError, TooManyAttemptsError } from '../platform/errors';
import { assertRole } from '../access/permissions';
import { describeWait, FailureLimiter } from './rate-limit';
import { SharedFailureLimiter, type FailureCounter } from './shared-rate-limit';
import { generateTotpKey, manualEntryKey, matchTotpStep, totpKeyUri } from './totp';
import { createRecoveryCodes, spendRecoveryCode } from './recovery-codes';

// TOTP two-factor sign-in for password accounts (decision 023): enrolment, the check at
// sign-in, turning it off, and an admin's reset. Every code checked counts against one limit
// per user, whichever door it came through.

const minute = 60_000;

/** Five wrong codes per user in 15 minutes; in the database on PostgreSQL, like sign-in's. */
export function createTwoFactorLimiter(db?: DB): FailureCounter {
	return db && isPostgres(db)
		? new SharedFailureLimiter(db, 'two-factor', 5, 15 * minute)
		: new FailureLimiter(5, 15 * minute);
}

let appLimiter: FailureCounter | undefined;

/** The one limiter of the running app, shared by the sign-in and settings pages. */
export function twoFactorLimiter(db: DB): FailureCounter {
	return (appLimiter ??= createTwoFactorLimiter(db));
}

export const wrongCodeMessage =
	'That code is not right, or it has been used already. Try the next one your app shows.';

async function checkLimit(limiter: FailureCounter, userId: number, now: number): Promise<void> {
	const wait = await limiter.retryAfter(String(userId), now);
	if (wait > 0)
		throw new TooManyAttemptsError(`Too many wrong codes. Wait ${describeWait(wait)} and try again.`);
}

async function refuseCode(limiter: FailureCounter, userId: number, now: number): Promise<never> {
	await limiter.recordFailure(String(userId), now);
	throw new InputError({ code: wrongCodeMessage });
}

/**
 * Takes a TOTP code against the user's key once: the step it belongs to must come after the
 * last one used, and is recorded in the same statement, so two requests cannot spend it twice.
 */
async function spendTotpCode(db: DB, userId: number, code: string, enabled: boolean, now: number) {
	const row = await db
		.selectFrom('userTotp')
		.select(['key', 'lastUsedStep'])
		.where('userId', '=', userId)
		.where('enabledAt', enabled ? 'is not' : 'is', null)
		.executeTakeFirst();
	if (!row) return false;
	const step = matchTotpStep(row.key, code, now, row.lastUsedStep);
	if (step === null) return false;
	const result = await db
		.updateTable('userTotp')
		.set({ lastUsedStep: step, ...(enabled ? {} : { enabledAt: now }) })
		.where('userId', '=', userId)
		.where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function hasTwoFactor(db: DB, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('userTotp')
		.select('userId')
		.where('userId', '=', userId)
		.where('enabledAt', 'is not', null)
		.executeTakeFirst();
	return row !== undefined;
}

/** When the user's second factor was turned on (remembered devices are bound to it), or null. */
export async function twoFactorEnabledAt(db: DB, userId: number): Promise<number | null> {
	const row = await db
		.selectFrom('userTotp')
		.select('enabledAt')
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row?.enabledAt ?? null;
}

export interface EnrolmentView {
	qrCode: string;
	manualKey: string;
}

/**
 * The key the user is enrolling, made on first call and kept until they confirm it (a page
 * reloaded shows the same QR code), as a QR code (an SVG data URL) and as text.
 */
export async function prepareEnrolment(db: DB, user: AuthUser, now = Date.now()): Promise<EnrolmentView> {
	await db
		.insertInto('userTotp')
		.values({ userId: user.id, key: generateTotpKey(), createdAt: now })
		.onConflict((conflict) => conflict.column('userId').doNothing())
		.execute();
	const row = await db
		.selectFrom('userTotp')
		.select(['key', 'enabledAt'])
		.where('userId', '=', user.id)
		.executeTakeFirstOrThrow();
	if (row.enabledAt !== null) throw new ConflictError('Two-factor sign-in is already on for this account');
	const svg = await QRCode.toString(totpKeyUri(user.email, row.key), { type: 'svg', margin: 2 });
	return {
		qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
		manualKey: manualEntryKey(row.key)
	};
}

/** Whether the user has started enrolling and not finished. */
export async function hasPendingEnrolment(db: DB, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('userTotp')
		.select('userId')
		.where('userId', '=', userId)
		.where('enabledAt', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Turns two-factor on with the first code from the user's app, and returns their recovery
 * codes: shown once, only hashes kept.
 */
export async function confirmEnrolment(
	db: DB,
	limiter: FailureCounter,
	user: AuthUser,
	code: string,
	now = Date.now()
): Promise<string[]> {
	await checkLimit(limiter, user.id, now);
	return db.transaction().execute(async (trx) => {
		if (!(await hasPendingEnrolment(trx, user.id))) {
			throw new ConflictError('Start setting up two-factor sign-in again: this setup is no longer open');
		}
		if (!(await spendTotpCode(trx, user.id, code, false, now))) return refuseCode(limiter, user.id, now);
		const codes = await createRecoveryCodes(trx, user.id, now);
		await recordAudit(
			trx,
			{ actorUserId: user.id, action: 'user.two_factor_enrolled', entityType: 'user', entityId: user.id },
			now
		);
		return codes;
	});
}

/**
 * The second step of signing in: a code from the app, or a recovery code (spent for good).
 * Throws InputError for a wrong or used code, TooManyAttemptsError past the limit.
 */
export async function verifySecondFactor(
	db: DB,
	limiter: FailureCounter,
	userId: number,
	code: string,
	now = Date.now()
): Promise<{ method: 'totp' | 'recovery-code' }> {
	await checkLimit(limiter, userId, now);
	if (isTotpCode(code)) {
		if (await spendTotpCode(db, userId, code, true, now)) {
			await limiter.reset(String(userId));
			return { method: 'totp' };
		}
		return refuseCode(limiter, userId, now);
	}
	const remaining = await db.transaction().execute(async (trx) => {
		if (!(await hasTwoFactor(trx, userId))) return null;
		const left = await spendRecoveryCode(trx, userId, code, now);
		if (left === null) return null;
		await recordAudit(
			trx,
			{
				actorUserId: userId,
				action: 'user.recovery_code_used',
				entityType: 'user',
				entityId: userId,
				after: { remaining: left }
			},
			now
		);
		return left;
	});
	if (remaining === null) return refuseCode(limiter, userId, now);
	await limiter.reset(String(userId));
	return { method: 'recovery-code' };
}

/** The user turns their own second factor off, proving it with a current code. */
export async function disableOwnTwoFactor(
	db: DB,
	limiter: FailureCounter,
	actor: AuthUser,
	code: string,
	required: boolean,
	now = Date.now()
): Promise<void> {
	if (required) {
		throw new ConflictError(
			'Two-factor sign-in is required for your account, so it stays on. An admin can reset it.'
		);
	}
	await verifySecondFactor(db, limiter, actor.id, code, now);
	await db.transaction().execute(async (trx) => {
		await removeTwoFactor(trx, actor.id);
		await recordAudit(
			trx,
			{ actorUserId: actor.id, action: 'user.two_factor_disabled', entityType: 'user', entityId: actor.id },
			now
		);
	});
}

/**
 * An admin clears someone's second factor (a lost phone, no recovery codes left): they sign
 * in with their password next and, where it is required, set it up again at once.
 */
export async function resetTwoFactor(
	db: DB,
	actor: AuthUser,
	userId: number,
	now = Date.now()
): Promise<void> {
	assertRole(actor, 'admin');
	await clearTwoFactor(db, actor.id, userId, now);
}

/** The reset itself; with no actor, it is the operator's, at the command line. */
export async function clearTwoFactor(
	db: DB,
	actorUserId: number | null,
	userId: number,
	now = Date.now()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (!(await hasTwoFactor(trx, userId)))
			throw new NotFoundError('This person has no two-factor sign-in to reset');
		await removeTwoFactor(trx, userId);
		await recordAudit(
			trx,
			{ actorUserId, action: 'user.two_factor_reset', entityType: 'user', entityId: userId },
			now
		);
	});
}

async function removeTwoFactor(db: DB, userId: number): Promise<void> {
	await db.deleteFrom('recoveryCode').where('userId', '=', userId).execute();
	await db.deleteFrom('userTotp').where('userId', '=', userId).execute();
}

/** The ids of users who have two-factor sign-in on, for admins' user list. */
export async function listTwoFactorUserIds(db: DB, actor: AuthUser): Promise<number[]> {
	assertRole(actor, 'admin');
	const rows = await db.selectFrom('userTotp').select('userId').where('enabledAt', 'is not', null).execute();
	return rows.map((row) => row.userId);
}

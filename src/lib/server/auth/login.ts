import type { DB } from '../platform/db';
import type { AuthUser } from './session';
import { spendVerificationTime, verifyPassword } from './password';
import { isPostgres } from '../../../../migrations/support/engine';
import { BackoffLimiter, describeWait, FailureLimiter } from './rate-limit';
import { SharedBackoffLimiter, SharedFailureLimiter, type FailureCounter } from './shared-rate-limit';

const minute = 60_000;

export interface LoginLimiters {
	perAccountAddress: FailureCounter;
	perAddress: FailureCounter;
}

// Guesses at one account are slowed per client address: five free, then a wait of one
// minute that doubles with each further failure, at most fifteen. Someone failing from
// another address therefore never keeps the account's owner out. One address may try more
// accounts, because offices share an address, but not without limit. Decision 003.
// On PostgreSQL (db given) the counts are in the database, shared by every instance.
export function createLoginLimiters(db?: DB): LoginLimiters {
	if (db && isPostgres(db)) return createSharedLoginLimiters(db);
	return {
		perAccountAddress: new BackoffLimiter(5, minute, 15 * minute, 60 * minute),
		perAddress: new FailureLimiter(50, 15 * minute)
	};
}

/** The same limits, counted in the database (shared-rate-limit.ts). */
export function createSharedLoginLimiters(db: DB): LoginLimiters {
	return {
		perAccountAddress: new SharedBackoffLimiter(db, 'login-account', 5, minute, 15 * minute, 60 * minute),
		perAddress: new SharedFailureLimiter(db, 'login-address', 50, 15 * minute)
	};
}

export type LoginResult = { ok: true; user: AuthUser } | { ok: false; status: 400 | 429; message: string };

export const wrongCredentialsMessage = 'That email and password do not match an active account.';

export async function attemptLogin(
	db: DB,
	limiters: LoginLimiters,
	input: { email: string; password: string; clientAddress: string },
	now = Date.now()
): Promise<LoginResult> {
	const accountKey = input.email.toLowerCase();
	// A client address never holds a newline, so no other pair can spell the same key.
	const pairKey = `${accountKey}\n${input.clientAddress}`;
	const wait = Math.max(
		await limiters.perAccountAddress.retryAfter(pairKey, now),
		await limiters.perAddress.retryAfter(input.clientAddress, now)
	);
	if (wait > 0) {
		return {
			ok: false,
			status: 429,
			message: `Too many failed sign-in attempts. Wait ${describeWait(wait)} and try again.`
		};
	}

	const row = await db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role', 'passwordHash', 'deactivatedAt'])
		.where('email', '=', accountKey)
		.executeTakeFirst();
	const valid = row
		? (await verifyPassword(row.passwordHash, input.password)) && row.deactivatedAt === null
		: (await spendVerificationTime(input.password), false);

	if (!row || !valid) {
		await limiters.perAccountAddress.recordFailure(pairKey, now);
		await limiters.perAddress.recordFailure(input.clientAddress, now);
		return { ok: false, status: 400, message: wrongCredentialsMessage };
	}
	await limiters.perAccountAddress.reset(pairKey);
	return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: row.role } };
}

import type { DB } from '../db';
import type { AuthUser } from './session';
import { spendVerificationTime, verifyPassword } from './password';
import { FailureLimiter } from './rate-limit';

const fifteenMinutes = 15 * 60 * 1000;

export interface LoginLimiters {
	perAccount: FailureLimiter;
	perAddress: FailureLimiter;
}

// Five wrong passwords lock one account for a while; an address may try more accounts,
// because offices share an address, but not without limit.
export function createLoginLimiters(): LoginLimiters {
	return {
		perAccount: new FailureLimiter(5, fifteenMinutes),
		perAddress: new FailureLimiter(50, fifteenMinutes)
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
	const wait = Math.max(
		limiters.perAccount.retryAfter(accountKey, now),
		limiters.perAddress.retryAfter(input.clientAddress, now)
	);
	if (wait > 0) {
		const minutes = Math.max(1, Math.ceil(wait / 60_000));
		return {
			ok: false,
			status: 429,
			message: `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`
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
		limiters.perAccount.recordFailure(accountKey, now);
		limiters.perAddress.recordFailure(input.clientAddress, now);
		return { ok: false, status: 400, message: wrongCredentialsMessage };
	}
	limiters.perAccount.reset(accountKey);
	return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: row.role } };
}

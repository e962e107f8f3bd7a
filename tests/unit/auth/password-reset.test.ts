import { describe, expect, it } from 'vitest';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import {
	createResetLimiters,
	lookUpPasswordReset,
	requestPasswordReset,
	resetPasswordWithLink
} from '../../../src/lib/server/auth/password-reset';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import type { DB } from '../../../src/lib/server/platform/db';
import { ConflictError, InputError, TooManyAttemptsError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { mailOrigin as origin, useMailWorker } from '../helpers/mail-worker';
import { newUser } from '../../support/seed';

const newPassword = 'a fresh long passphrase';
const { turnMailOn, mailbox } = useMailWorker();

/** Asks for a reset as someone at `address`, sends what was queued, returns the links mailed so far. */
async function ask(
	db: DB,
	email: string,
	now = Date.now(),
	limiters = createResetLimiters(),
	address = '10.0.0.1'
) {
	await requestPasswordReset(db, limiters, { email, clientAddress: address }, now);
	await runDueJobs(db, { now: () => now });
	return mailbox().messages.map((m) => /reset-password\/(\S+)/.exec(m.text ?? '')![1]!);
}

describe('password reset by mail', () => {
	it('mails a link that sets a new password once and signs the user out everywhere', async () => {
		turnMailOn();
		const db = freshDb();
		const sam = await newUser(db, { name: 'Sam' });
		const session = await createSession(db, sam.id);
		const [token] = await ask(db, sam.email.toUpperCase());
		const [mail] = mailbox().messages;
		expect(mail!.to).toMatchObject({ text: sam.email });
		expect(mail!.subject).toBe('Reset your Panelist password');
		expect(mail!.html).toContain(`href="${origin}/reset-password/${token}"`);
		// Only the secret's hash is kept.
		const row = await db.selectFrom('passwordReset').selectAll().executeTakeFirstOrThrow();
		expect(JSON.stringify(row)).not.toContain(token!.split('.')[1]);

		expect(await lookUpPasswordReset(db, token!)).toMatchObject({ status: 'valid', email: sam.email });
		await expect(resetPasswordWithLink(db, token!, 'password123')).rejects.toThrow(InputError);
		await resetPasswordWithLink(db, token!, newPassword);
		const { passwordHash } = await db
			.selectFrom('user')
			.select('passwordHash')
			.where('id', '=', sam.id)
			.executeTakeFirstOrThrow();
		expect(await verifyPassword(passwordHash, newPassword)).toBe(true);
		expect(await validateSessionToken(db, session.token)).toBeNull();
		await expect(resetPasswordWithLink(db, token!, 'another long passphrase')).rejects.toThrow(ConflictError);
		expect(await lookUpPasswordReset(db, token!)).toEqual({ status: 'unusable' });
	});

	it('stops a link after an hour, and when a newer one is sent', async () => {
		turnMailOn();
		const db = freshDb();
		const sam = await newUser(db);
		const t = Date.now();
		const [first, second] = await ask(db, sam.email, t).then(() => ask(db, sam.email, t + 1000));
		expect(await lookUpPasswordReset(db, first!, t + 2000)).toEqual({ status: 'unusable' });
		expect(await lookUpPasswordReset(db, second!, t + 1000 + 3_599_999)).toMatchObject({ status: 'valid' });
		await expect(resetPasswordWithLink(db, second!, newPassword, t + 1000 + 3_600_000)).rejects.toThrow(
			ConflictError
		);
	});

	it('answers the same for an unknown, a deactivated or any address while mail is off: nothing is sent', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const gone = await newUser(db);
		await deactivateUser(db, admin, gone.id);
		await ask(db, gone.email);
		turnMailOn();
		await ask(db, 'nobody@example.com');
		await ask(db, gone.email);
		expect(mailbox().messages).toEqual([]);
		expect(await db.selectFrom('passwordReset').select('id').execute()).toEqual([]);
	});

	it('sends at most three links an hour to one address, quietly, and slows an address asking too often', async () => {
		turnMailOn();
		const db = freshDb();
		const sam = await newUser(db);
		const limiters = createResetLimiters();
		const t = Date.now();
		for (let i = 0; i < 5; i++) await ask(db, sam.email, t + i, limiters, `10.0.0.${i}`);
		expect(mailbox().messages).toHaveLength(3);
		for (let i = 0; i < 10; i++) await ask(db, `x${i}@example.com`, t, limiters, '10.9.9.9');
		await expect(ask(db, sam.email, t, limiters, '10.9.9.9')).rejects.toThrow(TooManyAttemptsError);
	});
});

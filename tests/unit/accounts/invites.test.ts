import { describe, expect, it } from 'vitest';
import { attemptLogin, createLoginLimiters } from '../../../src/lib/server/auth/login';
import { ConflictError, ForbiddenError, InputError } from '../../../src/lib/server/platform/errors';
import {
	acceptInvite,
	createInvite,
	inviteLifetimeMs,
	listPendingInvites,
	lookUpInvite,
	revokeInvite
} from '../../../src/lib/server/accounts/invites';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

const t0 = Date.UTC(2026, 10, 2, 9);
const newcomer = { name: 'Noor Haddad', password: 'noor-chooses-this' };

describe('invites', () => {
	it('only admins invite', async () => {
		const db = freshDb();
		const recruiter = await newUser(db, { role: 'recruiter' });
		await expect(
			createInvite(db, recruiter, { email: 'noor@example.com', role: 'interviewer' })
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('turns into an account with the invited email and role, once', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const { token } = await createInvite(db, admin, { email: 'Noor@Example.com', role: 'recruiter' }, t0);
		expect(await listPendingInvites(db, admin, t0)).toHaveLength(1);

		const user = await acceptInvite(db, token, newcomer, t0 + 1000);
		expect(user).toMatchObject({ email: 'noor@example.com', name: 'Noor Haddad', role: 'recruiter' });
		const login = await attemptLogin(db, createLoginLimiters(), {
			email: 'noor@example.com',
			password: 'noor-chooses-this',
			clientAddress: 'x'
		});
		expect(login.ok).toBe(true);

		expect(await lookUpInvite(db, token, t0 + 2000)).toEqual({ status: 'used' });
		await expect(acceptInvite(db, token, newcomer, t0 + 2000)).rejects.toBeInstanceOf(ConflictError);
		expect(await listPendingInvites(db, admin, t0 + 2000)).toHaveLength(0);
	});

	it('lets only one of two simultaneous acceptances win', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const { token } = await createInvite(db, admin, { email: 'twice@example.com', role: 'interviewer' }, t0);
		const results = await Promise.allSettled([
			acceptInvite(db, token, newcomer, t0 + 1),
			acceptInvite(db, token, newcomer, t0 + 1)
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(
			await db.selectFrom('user').select('email').where('email', '=', 'twice@example.com').execute()
		).toHaveLength(1);
	});

	it('expires after 7 days', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const { token } = await createInvite(db, admin, { email: 'late@example.com', role: 'interviewer' }, t0);
		expect((await lookUpInvite(db, token, t0 + inviteLifetimeMs - 1)).status).toBe('valid');
		expect((await lookUpInvite(db, token, t0 + inviteLifetimeMs)).status).toBe('expired');
		await expect(acceptInvite(db, token, newcomer, t0 + inviteLifetimeMs)).rejects.toThrow(/expired/);
		expect(inviteLifetimeMs).toBe(7 * 24 * 3_600_000);
	});

	it('a revoked link, a forged secret and a new invite for the same email all stop the old link', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const first = await createInvite(db, admin, { email: 'r@example.com', role: 'interviewer' }, t0);
		const second = await createInvite(db, admin, { email: 'r@example.com', role: 'admin' }, t0 + 1);
		expect((await lookUpInvite(db, first.token, t0 + 2)).status).toBe('invalid');
		const forged = `${second.invite.id}.${'z'.repeat(24)}`;
		expect((await lookUpInvite(db, forged, t0 + 2)).status).toBe('invalid');
		await revokeInvite(db, admin, second.invite.id, t0 + 3);
		expect((await lookUpInvite(db, second.token, t0 + 4)).status).toBe('invalid');
	});

	it('refuses to invite an email that already has an account', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin', email: 'boss@example.com' });
		const error = await createInvite(db, admin, { email: 'BOSS@example.com', role: 'admin' }).catch((e) => e);
		expect(error).toBeInstanceOf(InputError);
		expect(error.fieldErrors.email).toMatch(/already exists/);
	});
});

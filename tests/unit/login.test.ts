import { describe, expect, it } from 'vitest';
import { attemptLogin, createLoginLimiters, wrongCredentialsMessage } from '../../src/lib/server/auth/login';
import { FailureLimiter } from '../../src/lib/server/auth/rate-limit';
import { freshDb } from './helpers/db';
import { newUser, testPassword } from './helpers/factories';

const t0 = Date.UTC(2026, 10, 2, 9);
const minute = 60_000;

describe('FailureLimiter', () => {
	it('blocks a key after the maximum failures within the window, and lets it go after', () => {
		const limiter = new FailureLimiter(3, 10 * minute);
		limiter.recordFailure('k', t0);
		limiter.recordFailure('k', t0 + minute);
		expect(limiter.retryAfter('k', t0 + minute)).toBe(0);
		limiter.recordFailure('k', t0 + 2 * minute);
		expect(limiter.retryAfter('k', t0 + 2 * minute)).toBe(8 * minute);
		expect(limiter.retryAfter('other', t0 + 2 * minute)).toBe(0);
		// The oldest failure leaves the window: one more try is allowed.
		expect(limiter.retryAfter('k', t0 + 10 * minute)).toBe(0);
		limiter.reset('k');
		expect(limiter.retryAfter('k', t0 + 2 * minute)).toBe(0);
	});
});

describe('attemptLogin', () => {
	it('signs in with the right password, whatever the case of the email', async () => {
		const db = freshDb();
		const user = await newUser(db, { email: 'kim@example.com' });
		const result = await attemptLogin(db, createLoginLimiters(), {
			email: 'Kim@Example.com',
			password: testPassword,
			clientAddress: '10.0.0.1'
		});
		expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id }) });
	});

	it('answers an unknown email exactly as a wrong password', async () => {
		const db = freshDb();
		await newUser(db, { email: 'kim@example.com' });
		const limiters = createLoginLimiters();
		const wrong = await attemptLogin(db, limiters, {
			email: 'kim@example.com',
			password: 'nope-nope-nope',
			clientAddress: 'a'
		});
		const unknown = await attemptLogin(db, limiters, {
			email: 'ghost@example.com',
			password: 'nope-nope-nope',
			clientAddress: 'a'
		});
		expect(wrong).toEqual({ ok: false, status: 400, message: wrongCredentialsMessage });
		expect(unknown).toEqual(wrong);
	});

	it('refuses a deactivated account with the same message', async () => {
		const db = freshDb();
		const user = await newUser(db, { email: 'gone@example.com' });
		await db.updateTable('user').set({ deactivatedAt: t0 }).where('id', '=', user.id).execute();
		const result = await attemptLogin(db, createLoginLimiters(), {
			email: 'gone@example.com',
			password: testPassword,
			clientAddress: 'a'
		});
		expect(result).toEqual({ ok: false, status: 400, message: wrongCredentialsMessage });
	});

	it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
		const db = freshDb();
		await newUser(db, { email: 'kim@example.com' });
		const limiters = createLoginLimiters();
		for (let i = 0; i < 5; i++) {
			const r = await attemptLogin(
				db,
				limiters,
				{ email: 'kim@example.com', password: 'wrong-wrong-wrong', clientAddress: `10.0.0.${i}` },
				t0 + i
			);
			expect(r).toMatchObject({ ok: false, status: 400 });
		}
		const locked = await attemptLogin(
			db,
			limiters,
			{ email: 'kim@example.com', password: testPassword, clientAddress: '10.9.9.9' },
			t0 + 5
		);
		expect(locked).toMatchObject({
			ok: false,
			status: 429,
			message: expect.stringMatching(/Too many failed sign-in attempts\. Wait 15 minutes/)
		});
		const later = await attemptLogin(
			db,
			limiters,
			{ email: 'kim@example.com', password: testPassword, clientAddress: '10.9.9.9' },
			t0 + 15 * minute + 5
		);
		expect(later.ok).toBe(true);
	});

	it('limits one client address trying many accounts', async () => {
		const db = freshDb();
		const limiters = createLoginLimiters();
		for (let i = 0; i < 50; i++) {
			await attemptLogin(
				db,
				limiters,
				{ email: `guess${i}@example.com`, password: 'wrong-wrong-wrong', clientAddress: '203.0.113.7' },
				t0
			);
		}
		const blocked = await attemptLogin(
			db,
			limiters,
			{ email: 'fresh@example.com', password: 'x', clientAddress: '203.0.113.7' },
			t0
		);
		expect(blocked).toMatchObject({ ok: false, status: 429 });
		const elsewhere = await attemptLogin(
			db,
			limiters,
			{ email: 'fresh@example.com', password: 'x', clientAddress: '198.51.100.1' },
			t0
		);
		expect(elsewhere).toMatchObject({ ok: false, status: 400 });
	});
});

import { describe, expect, it } from 'vitest';
import {
	attemptLogin,
	createLoginLimiters,
	wrongCredentialsMessage
} from '../../../src/lib/server/auth/login';
import { BackoffLimiter, FailureLimiter } from '../../../src/lib/server/auth/rate-limit';
import { freshDb } from '../helpers/db';
import { newUser, testPassword } from '../../support/seed';

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

describe('BackoffLimiter', () => {
	it('doubles the wait after each failure past the free ones, up to the cap, and forgets a quiet key', () => {
		const limiter = new BackoffLimiter(2, minute, 5 * minute, 60 * minute);
		limiter.recordFailure('k', t0);
		limiter.recordFailure('k', t0);
		expect(limiter.retryAfter('k', t0)).toBe(minute);
		expect(limiter.retryAfter('k', t0 + minute)).toBe(0);
		limiter.recordFailure('k', t0 + minute);
		expect(limiter.retryAfter('k', t0 + minute)).toBe(2 * minute);
		limiter.recordFailure('k', t0 + 3 * minute);
		expect(limiter.retryAfter('k', t0 + 3 * minute)).toBe(4 * minute);
		limiter.recordFailure('k', t0 + 7 * minute);
		expect(limiter.retryAfter('k', t0 + 7 * minute)).toBe(5 * minute);
		expect(limiter.retryAfter('other', t0)).toBe(0);
		limiter.recordFailure('k', t0 + 67 * minute);
		expect(limiter.retryAfter('k', t0 + 67 * minute)).toBe(0);
		limiter.recordFailure('k', t0 + 67 * minute);
		limiter.reset('k');
		expect(limiter.retryAfter('k', t0 + 67 * minute)).toBe(0);
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

	it('backs off guesses at an account from one address: five free, then 1, 2, 4… minutes, at most 15', async () => {
		const db = freshDb();
		await newUser(db, { email: 'kim@example.com' });
		const limiters = createLoginLimiters();
		const attempt = (password: string, at: number) =>
			attemptLogin(db, limiters, { email: 'kim@example.com', password, clientAddress: '203.0.113.66' }, at);
		let now = t0;
		for (let i = 0; i < 5; i++) expect(await attempt(`wrong-guess-${i}`, now)).toMatchObject({ status: 400 });
		const waits: number[] = [];
		for (let i = 0; i < 6; i++) {
			const refused = await attempt(testPassword, now);
			expect(refused).toMatchObject({ ok: false, status: 429 });
			const wait = Number(/Wait (\d+) minute/.exec((refused as { message: string }).message)![1]);
			waits.push(wait);
			now += wait * minute;
			expect(await attempt(`wrong-guess-again-${i}`, now)).toMatchObject({ status: 400 });
		}
		expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
		now += 15 * minute;
		expect((await attempt(testPassword, now)).ok).toBe(true);
		// Success forgives that address at once.
		expect(await attempt('wrong-once-more', now)).toMatchObject({ status: 400 });
		expect((await attempt(testPassword, now)).ok).toBe(true);
	});

	it('never lets failures from another address keep the account’s owner out', async () => {
		const db = freshDb();
		await newUser(db, { email: 'admin@example.com', role: 'admin' });
		const limiters = createLoginLimiters();
		// An attacker guesses at the admin all day, as fast as they are let.
		let now = t0;
		for (let hour = 0; hour < 8; hour++) {
			for (let i = 0; i < 5; i++) {
				await attemptLogin(
					db,
					limiters,
					{ email: 'admin@example.com', password: `guess-${hour}-${i}`, clientAddress: '198.51.100.9' },
					now + i
				);
			}
			const owner = await attemptLogin(
				db,
				limiters,
				{ email: 'admin@example.com', password: testPassword, clientAddress: '10.0.0.1' },
				now + 5
			);
			expect(owner.ok).toBe(true);
			now += 60 * minute;
		}
		// The owner's own typo or two do not lock them out either.
		const typo = await attemptLogin(
			db,
			limiters,
			{ email: 'admin@example.com', password: 'almost-right', clientAddress: '10.0.0.1' },
			now
		);
		expect(typo).toMatchObject({ status: 400 });
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

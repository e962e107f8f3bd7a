import { describe, expect, it } from 'vitest';
import { attemptLogin, createSharedLoginLimiters } from '../../../src/lib/server/auth/login';
import { SharedRequestLimiter } from '../../../src/lib/server/auth/shared-rate-limit';
import { freshDb } from '../helpers/db';
import { newUser, testPassword } from '../../support/seed';

// Limits kept in the database: two instances each hold their own limiter objects on one
// database, and meet the same counts.

const t0 = Date.UTC(2026, 10, 30, 9, 0, 10);
const minute = 60_000;

describe('sign-in limits shared by instances', () => {
	it('count failures made through one instance when the next attempt comes through the other', async () => {
		const db = freshDb();
		await newUser(db, { email: 'kim@example.com' });
		const [first, second] = [createSharedLoginLimiters(db), createSharedLoginLimiters(db)];
		const attempt = (limiters: typeof first, password: string, at: number) =>
			attemptLogin(db, limiters, { email: 'kim@example.com', password, clientAddress: '203.0.113.7' }, at);
		for (let i = 0; i < 5; i++) {
			expect(await attempt(i % 2 ? second : first, `wrong-${i}`, t0)).toMatchObject({ status: 400 });
		}
		expect(await attempt(second, testPassword, t0)).toMatchObject({
			status: 429,
			message: 'Too many failed sign-in attempts. Wait 1 minute and try again.'
		});
		expect(await attempt(first, 'wrong-again', t0 + minute)).toMatchObject({ status: 400 });
		expect(await attempt(first, testPassword, t0 + minute)).toMatchObject({ status: 429 });
		// The wait doubles, whichever instance is asked; then a success forgives the address.
		expect((await attempt(second, testPassword, t0 + 3 * minute)).ok).toBe(true);
		expect(await attempt(first, 'wrong-once-more', t0 + 3 * minute)).toMatchObject({ status: 400 });
		expect((await attempt(second, testPassword, t0 + 3 * minute)).ok).toBe(true);
	});

	it('limit one address across accounts to fifty failures in fifteen minutes', async () => {
		const db = freshDb();
		await newUser(db, { email: 'lee@example.com' });
		const [first, second] = [createSharedLoginLimiters(db), createSharedLoginLimiters(db)];
		for (let i = 0; i < 50; i++) {
			const limiters = i % 2 ? second : first;
			const email = `guess-${i}@example.com`;
			await limiters.perAddress.recordFailure('198.51.100.9', t0 + i);
			expect(await limiters.perAccountAddress.retryAfter(`${email}\n198.51.100.9`, t0 + i)).toBe(0);
		}
		const login = (at: number) =>
			attemptLogin(
				db,
				second,
				{ email: 'lee@example.com', password: testPassword, clientAddress: '198.51.100.9' },
				at
			);
		expect(await login(t0 + minute)).toMatchObject({ status: 429 });
		expect((await login(t0 + 15 * minute)).ok).toBe(true);
	});
});

describe('API limits shared by instances', () => {
	it('count every request through either instance toward one limit a minute, even all at once', async () => {
		const db = freshDb();
		const [first, second] = [new SharedRequestLimiter(db, 40), new SharedRequestLimiter(db, 40)];
		const waits = await Promise.all(
			Array.from({ length: 60 }, (_, i) => (i % 2 ? second : first).take('token-a', t0))
		);
		expect(waits.filter((wait) => wait === 0)).toHaveLength(40);
		expect(new Set(waits.filter((wait) => wait > 0))).toEqual(new Set([minute - 10_000]));
		expect(await first.take('token-b', t0)).toBe(0);
		expect(await second.take('token-a', t0 + 50_000)).toBe(minute - 10_000 - 50_000);
		expect(await second.take('token-a', t0 + minute)).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import {
	authenticateApiToken,
	createApiToken,
	listApiTokens,
	revokeApiToken
} from '../../src/lib/server/api-tokens';
import { RequestLimiter } from '../../src/lib/server/auth/rate-limit';
import { NotFoundError } from '../../src/lib/server/errors';
import { deactivateUser } from '../../src/lib/server/users';
import { freshDb } from './helpers/db';
import { newUser } from './helpers/factories';

describe('API tokens', () => {
	it('act as their user until revoked, noting their last use to the minute', async () => {
		const db = freshDb();
		const user = await newUser(db, { role: 'recruiter' });
		const t0 = Date.UTC(2026, 10, 1, 9);
		const { token, id } = await createApiToken(db, user.id, 'ATS sync', t0);
		expect(token).toMatch(/^pnl_[a-z0-9]{24}\.[a-z0-9]{24}$/);
		// Only a hash is stored.
		const row = await db.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(Buffer.from(row.secretHash).toString()).not.toContain(token.split('.')[1]);

		expect(await authenticateApiToken(db, token, t0 + 1000)).toEqual({
			user: { id: user.id, email: user.email, name: user.name, role: 'recruiter' },
			tokenId: id
		});
		await authenticateApiToken(db, token, t0 + 30_000);
		expect((await listApiTokens(db, user))[0]).toMatchObject({ name: 'ATS sync', lastUsedAt: t0 + 1000 });
		await authenticateApiToken(db, token, t0 + 90_000);
		expect((await listApiTokens(db, user))[0]!.lastUsedAt).toBe(t0 + 90_000);

		await revokeApiToken(db, user, id);
		expect(await authenticateApiToken(db, token)).toBeNull();
		expect(await listApiTokens(db, user)).toEqual([]);
		await expect(revokeApiToken(db, user, id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuse tokens that are mistyped, someone else’s to revoke, or of a deactivated user', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const user = await newUser(db, { role: 'interviewer' });
		const { token, id } = await createApiToken(db, user.id, 'notes app');
		for (const wrong of ['', 'pnl_', token.slice(0, -1) + 'x', token.replace('pnl_', ''), `${token}.x`]) {
			expect(await authenticateApiToken(db, wrong)).toBeNull();
		}
		await expect(revokeApiToken(db, admin, id)).rejects.toBeInstanceOf(NotFoundError);
		await deactivateUser(db, admin, user.id);
		expect(await authenticateApiToken(db, token)).toBeNull();
	});
});

describe('the request limiter', () => {
	it('allows bursts up to the limit, then one request per share of a minute', () => {
		const limiter = new RequestLimiter(60);
		const t0 = 1_000_000;
		for (let i = 0; i < 60; i++) expect(limiter.take('a', t0)).toBe(0);
		expect(limiter.take('a', t0)).toBe(1000);
		expect(limiter.take('b', t0)).toBe(0);
		expect(limiter.take('a', t0 + 999)).toBeGreaterThan(0);
		expect(limiter.take('a', t0 + 1000)).toBe(0);
		expect(limiter.take('a', t0 + 61_000)).toBe(0);
	});
});

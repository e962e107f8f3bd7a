import { describe, expect, it } from 'vitest';
import {
	authenticateApiToken,
	createApiToken,
	listApiTokens,
	listTeamApiTokens,
	revokeApiToken
} from '../../../src/lib/server/auth/api-tokens';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { RequestLimiter } from '../../../src/lib/server/auth/rate-limit';
import { ForbiddenError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { deactivateUser } from '../../../src/lib/server/accounts/users';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

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
		const colleague = await newUser(db, { role: 'recruiter' });
		const { token, id } = await createApiToken(db, user.id, 'notes app');
		for (const wrong of [
			'',
			'pnl_',
			token.slice(0, -1) + (token.endsWith('x') ? 'y' : 'x'),
			token.replace('pnl_', ''),
			`${token}.x`
		]) {
			expect(await authenticateApiToken(db, wrong)).toBeNull();
		}
		await expect(revokeApiToken(db, colleague, id)).rejects.toBeInstanceOf(NotFoundError);
		await deactivateUser(db, admin, user.id);
		expect(await authenticateApiToken(db, token)).toBeNull();
	});
});

describe('API tokens for admins', () => {
	it('list every working token with its holder, and revoke anyone’s, audited', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin', name: 'Ada' });
		const sam = await newUser(db, { name: 'Sam', email: 'sam@example.com' });
		const t0 = Date.UTC(2026, 10, 1, 9);
		const sync = await createApiToken(db, sam.id, 'ATS sync', t0);
		const old = await createApiToken(db, sam.id, 'old script', t0);
		await revokeApiToken(db, sam, old.id);
		const own = await createApiToken(db, admin.id, 'admin script', t0 + 1);
		await authenticateApiToken(db, sync.token, t0 + 5000);

		expect(await listTeamApiTokens(db, admin)).toEqual([
			{
				id: own.id,
				name: 'admin script',
				createdAt: t0 + 1,
				lastUsedAt: null,
				userId: admin.id,
				userName: 'Ada',
				userEmail: admin.email
			},
			{
				id: sync.id,
				name: 'ATS sync',
				createdAt: t0,
				lastUsedAt: t0 + 5000,
				userId: sam.id,
				userName: 'Sam',
				userEmail: 'sam@example.com'
			}
		]);

		await revokeApiToken(db, admin, sync.id);
		expect(await authenticateApiToken(db, sync.token)).toBeNull();
		expect((await listTeamApiTokens(db, admin)).map((t) => t.id)).toEqual([own.id]);
		const [revoked] = await listAuditEvents(db, 'api_token', sync.id).then((events) =>
			events.filter((e) => e.action === 'api_token.revoked')
		);
		expect(revoked).toMatchObject({ actorUserId: admin.id });
		expect(JSON.parse(revoked!.before!)).toEqual({ name: 'ATS sync', userId: sam.id });
	});

	it('are an admin’s view only', async () => {
		const db = freshDb();
		for (const role of ['recruiter', 'interviewer'] as const) {
			const someone = await newUser(db, { role });
			await expect(listTeamApiTokens(db, someone)).rejects.toBeInstanceOf(ForbiddenError);
		}
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

import { describe, expect, it } from 'vitest';
import {
	authenticateScimToken,
	createScimToken,
	listScimTokens,
	revokeScimToken
} from '../../../src/lib/server/accounts/scim-tokens';
import { authenticateApiToken } from '../../../src/lib/server/auth/api-tokens';
import { listAuditEvents, listAuditTrail } from '../../../src/lib/server/platform/audit';
import { auditFilterSchema } from '../../../src/lib/domain/audit-trail';
import { ForbiddenError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

describe('SCIM tokens', () => {
	it('work until an admin revokes them, shown once with only a hash kept, and audited', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const t0 = Date.UTC(2026, 10, 30, 9);
		const { id, token } = await createScimToken(db, admin, 'Okta', t0);
		expect(token).toMatch(/^scim_[a-z0-9]{24}\.[a-z0-9]{24}$/);
		const row = await db.selectFrom('scimToken').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(Buffer.from(row.secretHash).toString('latin1')).not.toContain(token.split('.')[1]);

		expect(await authenticateScimToken(db, token, t0 + 1000)).toEqual({ tokenId: id, tokenName: 'Okta' });
		// Not an API token: it opens /scim/v2 and nothing else.
		expect(await authenticateApiToken(db, token)).toBeNull();
		expect(await listScimTokens(db, admin)).toEqual([
			{ id, name: 'Okta', createdAt: t0, lastUsedAt: t0 + 1000 }
		]);

		await revokeScimToken(db, admin, id, t0 + 2000);
		expect(await authenticateScimToken(db, token)).toBeNull();
		expect(await listScimTokens(db, admin)).toEqual([]);
		await expect(revokeScimToken(db, admin, id)).rejects.toBeInstanceOf(NotFoundError);
		expect((await listAuditEvents(db, 'scim_token', id)).map((e) => [e.action, e.actorUserId])).toEqual([
			['scim_token.created', admin.id],
			['scim_token.revoked', admin.id]
		]);
		// The audit trail's filter has a kind for them.
		const trail = await listAuditTrail(db, admin, auditFilterSchema.parse({ entity: 'scim_token' }));
		expect(trail.events.map((e) => e.action)).toEqual(['scim_token.revoked', 'scim_token.created']);
	});

	it('are only for admins, and refuse mistyped secrets', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const recruiter = await newUser(db, { role: 'recruiter' });
		await expect(createScimToken(db, recruiter, 'Mine')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listScimTokens(db, recruiter)).rejects.toBeInstanceOf(ForbiddenError);
		const { id, token } = await createScimToken(db, admin, 'Entra ID');
		await expect(revokeScimToken(db, recruiter, id)).rejects.toBeInstanceOf(ForbiddenError);
		for (const wrong of [
			'',
			'scim_',
			token.slice(0, -1) + (token.endsWith('x') ? 'y' : 'x'),
			`pnl_${token.slice(5)}`
		]) {
			expect(await authenticateScimToken(db, wrong)).toBeNull();
		}
		expect(await db.selectFrom('scimToken').select('id').execute()).toEqual([{ id }]);
	});
});

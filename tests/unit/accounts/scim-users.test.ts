import { describe, expect, it } from 'vitest';
import {
	deprovisionUser,
	getProvisionedUser,
	listProvisionedUsers,
	patchProvisionedUser,
	provisionUser,
	replaceProvisionedUser
} from '../../../src/lib/server/accounts/scim-users';
import { createScimToken, type ScimActor } from '../../../src/lib/server/accounts/scim-tokens';
import { authenticateApiToken, createApiToken } from '../../../src/lib/server/auth/api-tokens';
import { noPasswordHash } from '../../../src/lib/server/auth/password';
import { createSession } from '../../../src/lib/server/auth/session';
import { readScimPatch, scimUserSchema } from '../../../src/lib/domain/scim';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';

async function oktaToken(db: DB): Promise<ScimActor> {
	const admin = await newUser(db, { role: 'admin' });
	const { id } = await createScimToken(db, admin, 'Okta');
	return { tokenId: id, tokenName: 'Okta' };
}

const ada = scimUserSchema.parse({
	userName: 'Ada.Lovelace@Example.com',
	externalId: '00u1ada',
	name: { givenName: 'Ada', familyName: 'Lovelace' },
	emails: [{ value: 'ada.lovelace@example.com', primary: true, type: 'work' }],
	active: true
});

describe('SCIM provisioning', () => {
	it('creates an interviewer without a password, audited with the token as actor', async () => {
		const db = freshDb();
		const okta = await oktaToken(db);
		const t0 = Date.UTC(2026, 10, 30, 9);
		const user = await provisionUser(db, okta, ada, t0);
		expect(user).toMatchObject({
			email: 'ada.lovelace@example.com',
			name: 'Ada Lovelace',
			externalId: '00u1ada',
			givenName: 'Ada',
			familyName: 'Lovelace',
			active: true,
			createdAt: t0
		});
		const row = await db.selectFrom('user').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ role: 'interviewer', passwordHash: noPasswordHash });
		const [event] = await listAuditEvents(db, 'user', user.id);
		expect(event).toMatchObject({ action: 'user.provisioned', actorUserId: null });
		expect(JSON.parse(event!.after!)).toMatchObject({
			role: 'interviewer',
			scimToken: { id: okta.tokenId, name: 'Okta' }
		});
		expect(await getProvisionedUser(db, okta, user.id)).toEqual(user);
	});

	it('refuses a second user with the same userName, and a userName that is no email', async () => {
		const db = freshDb();
		const okta = await oktaToken(db);
		await provisionUser(db, okta, ada);
		await expect(
			provisionUser(db, okta, { ...ada, userName: 'ada.lovelace@example.com' })
		).rejects.toMatchObject({
			status: 409,
			scimType: 'uniqueness'
		});
		await expect(provisionUser(db, okta, { ...ada, userName: 'ada' })).rejects.toMatchObject({
			status: 400,
			scimType: 'invalidValue'
		});
		await expect(getProvisionedUser(db, okta, 999_999)).rejects.toMatchObject({ status: 404 });
		expect(await db.selectFrom('user').select('id').where('email', '=', 'ada').execute()).toEqual([]);
	});

	it('finds users by userName (any case) or externalId, a page at a time', async () => {
		const db = freshDb();
		const okta = await oktaToken(db);
		const existing = await newUser(db, { email: 'grace@example.com' });
		const created = await provisionUser(db, okta, ada);
		const byName = await listProvisionedUsers(db, okta, {
			filter: { attribute: 'userName', value: 'GRACE@example.com' },
			startIndex: 1,
			count: 100
		});
		expect(byName).toMatchObject({ totalResults: 1, records: [{ id: existing.id, active: true }] });
		const byExternalId = await listProvisionedUsers(db, okta, {
			filter: { attribute: 'externalId', value: '00u1ada' },
			startIndex: 1,
			count: 100
		});
		expect(byExternalId.records.map((r) => r.id)).toEqual([created.id]);
		const none = await listProvisionedUsers(db, okta, {
			filter: { attribute: 'userName', value: 'nobody@example.com' },
			startIndex: 1,
			count: 100
		});
		expect(none).toEqual({ totalResults: 0, records: [] });
		// Three users: the token's admin, Grace, Ada. The second page of one is Grace.
		const page = await listProvisionedUsers(db, okta, { filter: null, startIndex: 2, count: 1 });
		expect(page.totalResults).toBe(3);
		expect(page.records.map((r) => r.id)).toEqual([existing.id]);
	});

	it('deactivates on PATCH active false, ending sessions and API tokens at once; reactivates on true', async () => {
		const db = freshDb();
		const okta = await oktaToken(db);
		const user = await provisionUser(db, okta, ada);
		await createSession(db, user.id);
		const { token } = await createApiToken(db, user.id, 'notes');

		const off = await patchProvisionedUser(
			db,
			okta,
			user.id,
			readScimPatch({ Operations: [{ op: 'Replace', path: 'active', value: 'False' }] })
		);
		expect(off.active).toBe(false);
		expect(await db.selectFrom('session').select('id').where('userId', '=', user.id).execute()).toEqual([]);
		expect(await authenticateApiToken(db, token)).toBeNull();

		const on = await patchProvisionedUser(
			db,
			okta,
			user.id,
			readScimPatch({ Operations: [{ op: 'replace', value: { active: true } }] })
		);
		expect(on.active).toBe(true);
		// Reactivation brings back no token.
		expect(await authenticateApiToken(db, token)).toBeNull();
		const actions = (await listAuditEvents(db, 'user', user.id)).map((e) => [e.action, e.actorUserId]);
		expect(actions).toEqual([
			['user.provisioned', null],
			['user.deactivated', null],
			['user.reactivated', null]
		]);
	});

	it('replaces attributes with PUT, deactivates on DELETE, and never deactivates the last admin', async () => {
		const db = freshDb();
		const okta = await oktaToken(db);
		const user = await provisionUser(db, okta, ada);
		const replaced = await replaceProvisionedUser(
			db,
			okta,
			user.id,
			scimUserSchema.parse({ userName: 'ada@example.com', displayName: 'Countess Lovelace' })
		);
		expect(replaced).toMatchObject({
			email: 'ada@example.com',
			name: 'Countess Lovelace',
			externalId: null,
			active: true
		});
		await deprovisionUser(db, okta, user.id);
		expect((await getProvisionedUser(db, okta, user.id)).active).toBe(false);

		const [admin] = await db.selectFrom('user').select('id').where('role', '=', 'admin').execute();
		await expect(
			patchProvisionedUser(
				db,
				okta,
				admin!.id,
				readScimPatch({ Operations: [{ op: 'replace', path: 'active', value: false }] })
			)
		).rejects.toMatchObject({ message: expect.stringMatching(/at least one active admin/) });
		expect((await getProvisionedUser(db, okta, admin!.id)).active).toBe(true);
	});
});

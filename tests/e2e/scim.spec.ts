import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { createScimToken } from '../../src/lib/server/accounts/scim-tokens';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { day } from '../../src/lib/domain/time';
import { expect, test, type Seed } from './support/fixtures';
import { uniqueName } from '../support/seed';

// A provisioning run as identity providers script it: the admin makes a SCIM token on the
// Provisioning page, then Okta- and Entra-shaped requests create, find, deactivate and
// reactivate people over /scim/v2, and every refusal comes in SCIM's error format.

const scimJson = 'application/scim+json';
const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';
const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

async function createTokenOnPage(page: Page, seed: Seed, name: string): Promise<string> {
	await seed.signIn(page.context(), await seed.user('admin'));
	await page.goto('/admin/provisioning');
	await page.getByLabel('Token name').fill(name);
	await page.getByRole('button', { name: 'Create SCIM token' }).click();
	await expect(page.getByRole('status')).toContainText(`SCIM token “${name}” created`);
	return page.getByLabel('Your new SCIM token').inputValue();
}

function scim(request: APIRequestContext, token: string) {
	const headers = { authorization: `Bearer ${token}`, 'content-type': scimJson };
	return {
		get: (path: string) => request.get(`/scim/v2${path}`, { headers }),
		post: (path: string, data: unknown) =>
			request.post(`/scim/v2${path}`, { headers, data: JSON.stringify(data) }),
		patch: (path: string, data: unknown) =>
			request.patch(`/scim/v2${path}`, { headers, data: JSON.stringify(data) }),
		delete: (path: string) =>
			request.delete(`/scim/v2${path}`, { headers: { authorization: headers.authorization } })
	};
}

async function expectScimError(response: APIResponse, status: number, scimType?: string): Promise<void> {
	expect(response.status()).toBe(status);
	expect(response.headers()['content-type']).toBe(scimJson);
	const body = await response.json();
	expect(body).toMatchObject({ schemas: [errorSchema], status: String(status), detail: expect.any(String) });
	if (scimType) expect(body.scimType).toBe(scimType);
	else expect(body.scimType).toBeUndefined();
}

const filterFor = (userName: string) =>
	`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`;

test('Okta provisions a person, deactivation ends their session and API token, and reactivation lets them back', async ({
	page,
	browser,
	request,
	seed,
	db
}) => {
	const okta = scim(request, await createTokenOnPage(page, seed, uniqueName('Okta')));
	const userName = `${uniqueName('okta').replace(/\W+/g, '-').toLowerCase()}@example.com`;

	const lookup = await okta.get(filterFor(userName));
	expect(lookup.status()).toBe(200);
	expect(lookup.headers()['content-type']).toBe(scimJson);
	expect(await lookup.json()).toMatchObject({ totalResults: 0, Resources: [] });

	const created = await okta.post('/Users', {
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
		userName,
		name: { givenName: 'Ada', familyName: 'Lovelace' },
		emails: [{ primary: true, value: userName, type: 'work' }],
		displayName: 'Ada Lovelace',
		locale: 'en-US',
		externalId: '00u1okta',
		groups: [],
		password: 'okta-may-send-one',
		active: true
	});
	expect(created.status()).toBe(201);
	const user = await created.json();
	expect(user).toMatchObject({ userName, displayName: 'Ada Lovelace', active: true, externalId: '00u1okta' });
	expect(created.headers()['location']).toBe(user.meta.location);
	expect(Object.keys(user).sort()).toEqual(
		['active', 'displayName', 'emails', 'externalId', 'id', 'meta', 'name', 'schemas', 'userName'].sort()
	);
	expect((await (await okta.get(filterFor(userName))).json()).Resources).toEqual([user]);
	await expectScimError(await okta.post('/Users', { userName, active: true }), 409, 'uniqueness');

	// The person signs in (by SSO or a reset) and makes an API token.
	const person = { id: Number(user.id), email: userName, name: 'Ada Lovelace', role: 'interviewer' as const };
	const theirs = await browser.newContext();
	await seed.signIn(theirs, person);
	const theirPage = await theirs.newPage();
	await theirPage.goto('/interviews');
	await expect(theirPage.getByRole('heading', { name: 'My interviews' })).toBeVisible();
	const { token: apiToken } = await createApiToken(db, person.id, 'notes');
	expect(
		(await request.get('/api/v1/calibration', { headers: { authorization: `Bearer ${apiToken}` } })).status()
	).toBe(200);

	const off = await okta.patch(`/Users/${user.id}`, {
		schemas: [patchOp],
		Operations: [{ op: 'replace', value: { active: false } }]
	});
	expect(off.status()).toBe(200);
	expect(await off.json()).toMatchObject({ id: user.id, active: false });
	await theirPage.goto('/interviews');
	await expect(theirPage).toHaveURL(/\/login/);
	expect(
		(await request.get('/api/v1/calibration', { headers: { authorization: `Bearer ${apiToken}` } })).status()
	).toBe(401);
	const audit = await db
		.selectFrom('auditEvent')
		.select(['action', 'actorUserId', 'after'])
		.where('entityType', '=', 'user')
		.where('entityId', '=', user.id)
		.orderBy('id')
		.execute();
	expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([
		['user.provisioned', null],
		['user.deactivated', null]
	]);
	expect(JSON.parse(audit[1]!.after!)).toMatchObject({
		apiTokensRevoked: 1,
		scimToken: { name: expect.stringMatching(/^Okta/) }
	});

	const on = await okta.patch(`/Users/${user.id}`, {
		schemas: [patchOp],
		Operations: [{ op: 'replace', value: { active: true } }]
	});
	expect(await on.json()).toMatchObject({ active: true });
	await seed.signIn(theirs, person);
	await theirPage.goto('/interviews');
	await expect(theirPage.getByRole('heading', { name: 'My interviews' })).toBeVisible();
	await theirs.close();
});

test('Entra ID provisions, deactivates with string booleans and deletes as deactivation', async ({
	page,
	request,
	seed
}) => {
	const entra = scim(request, await createTokenOnPage(page, seed, uniqueName('Entra ID')));
	const userName = `${uniqueName('entra').replace(/\W+/g, '-').toLowerCase()}@example.com`;

	expect(await (await entra.get(filterFor(userName))).json()).toMatchObject({ totalResults: 0 });
	const created = await entra.post('/Users', {
		schemas: [
			'urn:ietf:params:scim:schemas:core:2.0:User',
			'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'
		],
		externalId: 'grace',
		userName,
		active: true,
		emails: [{ primary: true, type: 'work', value: userName }],
		meta: { resourceType: 'User' },
		name: { formatted: 'Grace Hopper', familyName: 'Hopper', givenName: 'Grace' },
		roles: []
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();

	const off = await entra.patch(`/Users/${id}`, {
		schemas: [patchOp],
		Operations: [
			{ op: 'Replace', path: 'active', value: 'False' },
			{
				op: 'Add',
				path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
				value: 'R&D'
			}
		]
	});
	expect(await off.json()).toMatchObject({ active: false, name: { formatted: 'Grace Hopper' } });
	const on = await entra.patch(`/Users/${id}`, {
		schemas: [patchOp],
		Operations: [
			{ op: 'Replace', path: 'active', value: 'True' },
			{ op: 'Replace', path: 'name.familyName', value: 'Murray Hopper' }
		]
	});
	expect(await on.json()).toMatchObject({ active: true, displayName: 'Grace Murray Hopper' });

	const deleted = await entra.delete(`/Users/${id}`);
	expect(deleted.status()).toBe(204);
	expect(await (await entra.get(`/Users/${id}`)).json()).toMatchObject({ id, active: false });
});

test('SCIM answers its discovery endpoints, and every refusal in its error format', async ({
	page,
	request,
	seed
}) => {
	const token = await createTokenOnPage(page, seed, uniqueName('Refusals'));
	const provider = scim(request, token);

	const config = await provider.get('/ServiceProviderConfig');
	expect(await config.json()).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
	expect(await (await provider.get('/ResourceTypes')).json()).toMatchObject({ Resources: [{ id: 'User' }] });
	expect(await (await provider.get('/Schemas')).json()).toMatchObject({
		Resources: [{ id: 'urn:ietf:params:scim:schemas:core:2.0:User' }]
	});

	await expectScimError(await request.get('/scim/v2/Users'), 401);
	await expectScimError(await scim(request, 'scim_wrong').get('/Users'), 401);
	await expectScimError(await provider.get('/Users?filter=userName%20co%20%22a%22'), 400, 'invalidFilter');
	await expectScimError(await provider.post('/Users', { displayName: 'No userName' }), 400, 'invalidValue');
	await expectScimError(await provider.post('/Users', { userName: 'not-an-email' }), 400, 'invalidValue');
	await expectScimError(
		await request.post('/scim/v2/Users', {
			headers: { authorization: `Bearer ${token}`, 'content-type': scimJson },
			data: '{"userName": '
		}),
		400,
		'invalidSyntax'
	);
	await expectScimError(await provider.patch('/Users/1', { Operations: [] }), 400, 'invalidSyntax');
	await expectScimError(
		await provider.patch('/Users/1', { Operations: [{ op: 'replace', path: 'active', value: 'maybe' }] }),
		400,
		'invalidValue'
	);
	await expectScimError(await provider.get('/Users/999999999'), 404);
	await expectScimError(await provider.get('/Users/abc'), 404);
	await expectScimError(await provider.get('/Users/99999999999999999999'), 404);
	await expectScimError(
		await provider.patch('/Users/1', { Operations: [{ op: 'replace', path: 'name', value: 'Ada' }] }),
		400,
		'invalidValue'
	);
	await expectScimError(await provider.get('/Groups'), 404);

	// Revoked on the page: the provider's next request is refused.
	await page.getByRole('button', { name: /^Revoke Refusals/ }).click();
	await expect(page.getByRole('status')).toContainText('The SCIM token is revoked');
	await expectScimError(await provider.get('/Users'), 401);
});

test('a recruiter sees the unfinished interviews of someone deprovisioned, one click from the loop to change its panel', async ({
	page,
	request,
	seed,
	db
}) => {
	const recruiter = await seed.user('recruiter');
	const leaving = await seed.user('interviewer', uniqueName('Rowan Leaving'));
	const openingId = await seed.opening([await seed.user('interviewer')]);
	const candidate = await seed.candidate([openingId]);
	const loop = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [leaving.id], scheduledAt: Date.now() + day }
	]);
	const { token } = await createScimToken(db, null, uniqueName('Entra ID'));
	const off = await scim(request, token).patch(`/Users/${leaving.id}`, {
		schemas: [patchOp],
		Operations: [{ op: 'Replace', path: 'active', value: 'False' }]
	});
	expect(off.status()).toBe(200);

	await seed.signIn(page.context(), recruiter);
	await page.goto('/');
	const seats = page.getByRole('region', { name: 'Seats to reassign' });
	const seat = seats.getByRole('listitem').filter({ hasText: candidate.name });
	await expect(seat).toContainText(`${leaving.name} (deactivated)`);
	await seat.getByRole('link', { name: `${loop.rounds[0]!.title} with ${candidate.name}` }).click();
	await expect(page).toHaveURL(`/loops/${loop.loopId}`);
	await expect(page.getByRole('heading', { name: `Loop for ${candidate.name}` })).toBeVisible();
	await page.locator('summary', { hasText: `${leaving.name}’s interview` }).click();
	await page.getByRole('button', { name: `Remove ${leaving.name} from ${loop.rounds[0]!.title}` }).click();
	await expect(page.getByText('Nobody is interviewing in this round yet.')).toHaveCount(5);
	await page.goto('/');
	await expect(
		page.getByRole('link', { name: `${loop.rounds[0]!.title} with ${candidate.name}` })
	).toHaveCount(0);
});

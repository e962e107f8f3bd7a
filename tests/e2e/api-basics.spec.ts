import { Validator } from '@seriousme/openapi-schema-validator';
import { apiRateLimit } from '../../playwright.config';
import { revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { deactivateUser } from '../../src/lib/server/accounts/users';
import { ApiClient, ApiContract, clientFor, tokenFor } from './support/api';
import { expect, skipBrowserValidation, test } from './support/fixtures';

let contract: ApiContract;
test.beforeAll(async ({ request }) => {
	contract = await ApiContract.load(request);
});

test('the API document is public and a valid OpenAPI 3.1 document', async ({ request }) => {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	const document = await response.json();
	const result = await new Validator().validate(document);
	expect(result.errors).toBeUndefined();
	expect(result.valid).toBe(true);
	expect(document.openapi).toBe('3.1.0');
	// Every endpoint the issue names is described.
	const operations = Object.entries(document.paths as Record<string, object>).flatMap(([path, methods]) =>
		Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)
	);
	for (const expected of [
		'GET /competencies',
		'POST /competencies',
		'GET /competencies/{id}',
		'PATCH /competencies/{id}',
		'GET /questions',
		'POST /questions',
		'GET /templates',
		'POST /templates',
		'GET /templates/{id}',
		'GET /users',
		'POST /users',
		'GET /users/{id}/training',
		'GET /openings',
		'POST /openings',
		'GET /openings/{id}',
		'GET /openings/{id}/comparison',
		'GET /candidates',
		'POST /candidates',
		'GET /candidates/{id}',
		'POST /candidates/{id}/anonymise',
		'GET /candidates/{id}/export',
		'POST /loops',
		'GET /loops/{id}',
		'GET /loops/{id}/results',
		'POST /loops/{id}/decision',
		'GET /scorecards/{id}',
		'PUT /scorecards/{id}',
		'POST /scorecards/{id}/submit',
		'GET /calibration',
		'GET /webhooks',
		'POST /webhooks',
		'DELETE /webhooks/{id}',
		'GET /webhooks/{id}/deliveries',
		'GET /openapi.json'
	]) {
		expect(operations).toContain(expected);
	}
});

test('without a token, or with a bad one, the API answers 401 and nothing else', async ({
	request,
	seed
}) => {
	const anonymous = new ApiClient(request, contract, null);
	const none = await anonymous.get('/competencies');
	expect(none.status).toBe(401);
	expect(none.body.error).toMatch(/API token/);

	const malformed = await request.get('/api/v1/competencies', { headers: { authorization: 'Token abc' } });
	expect(malformed.status()).toBe(401);
	expect((await malformed.json()).error).toBe('Send the token as Authorization: Bearer <token>');

	const recruiter = await seed.user('recruiter');
	const token = await tokenFor(seed, recruiter);
	const [id, secret] = token.split('.');
	for (const wrong of [`${id}.${'x'.repeat(24)}`, 'pnl_nonsense', secret!]) {
		const answer = await new ApiClient(request, contract, wrong).get('/competencies');
		expect(answer.status).toBe(401);
		expect(answer.body.error).toMatch(/not valid/);
		expect(answer.headers['www-authenticate']).toBe('Bearer');
	}

	// A token of a deactivated user, and a revoked token, stop working at once.
	const works = new ApiClient(request, contract, token);
	expect((await works.get('/competencies')).status).toBe(200);
	const admin = await seed.user('admin');
	await deactivateUser(seed.db, admin, recruiter.id);
	expect((await works.get('/competencies')).status).toBe(401);

	const other = await seed.user('recruiter');
	const revocable = await tokenFor(seed, other);
	const client = new ApiClient(request, contract, revocable);
	expect((await client.get('/competencies')).status).toBe(200);
	const [tokenId] = revocable.slice('pnl_'.length).split('.');
	await revokeApiToken(seed.db, other, tokenId!);
	expect((await client.get('/competencies')).status).toBe(401);
});

test('a token acts as its user: a session cookie sent along changes nothing', async ({
	request,
	seed,
	page
}) => {
	const interviewer = await seed.user('interviewer');
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	const asInterviewer = await clientFor(page.request, contract, seed, interviewer);
	const answer = await asInterviewer.get('/users');
	expect(answer.status).toBe(403);
	// The admin's cookie alone is enough for the same call.
	expect((await new ApiClient(page.request, contract, null).get('/users')).status).toBe(200);
	expect((await new ApiClient(request, contract, null).get('/users')).status).toBe(401);
});

test('each token has its own rate limit and says when to come back', async ({ request, seed }) => {
	const recruiter = await seed.user('recruiter');
	const busy = await clientFor(request, contract, seed, recruiter);
	// The bucket refills while the requests run (apiRateLimit a minute), so a slow machine gets
	// a few more through: count until the first refusal, within a margin.
	let passed = 0;
	let limited = await busy.get('/templates');
	while (limited.status === 200 && passed <= apiRateLimit + 20) {
		passed += 1;
		limited = await busy.get('/templates');
	}
	expect(passed).toBeGreaterThanOrEqual(apiRateLimit - 1);
	expect(passed).toBeLessThanOrEqual(apiRateLimit + 20);
	expect(limited.status).toBe(429);
	expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
	// Another token of the same person is not held back.
	expect((await (await clientFor(request, contract, seed, recruiter)).get('/templates')).status).toBe(200);
});

test('unknown endpoints, ids that are not ids, and oversized bodies get JSON answers', async ({
	request,
	seed
}) => {
	const admin = await clientFor(request, contract, seed, await seed.user('admin'));
	const unknown = await request.get('/api/v1/nothing-here', {
		headers: { authorization: `Bearer ${admin.token}` }
	});
	expect(unknown.status()).toBe(404);
	expect((await unknown.json()).error).toMatch(/openapi\.json/);

	expect((await admin.get('/competencies/{id}', { params: { id: 'abc' } })).status).toBe(404);
	expect((await admin.get('/competencies/{id}', { params: { id: 999999 } })).status).toBe(404);

	const huge = await admin.post('/competencies', { name: 'x'.repeat(300 * 1024) });
	expect(huge.status).toBe(413);
	const notJson = await request.post('/api/v1/competencies', {
		headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
		data: Buffer.from('{"name": ')
	});
	expect(notJson.status()).toBe(422);
	expect((await notJson.json()).issues).toEqual([{ path: '', message: 'Send a JSON object' }]);
	// Other tests add competencies to the shared server meanwhile: look for this one only.
	const after = await admin.get<{ competencies: { name: string }[] }>('/competencies');
	expect(after.body.competencies.filter((c) => c.name.startsWith('xxxxxxxx'))).toEqual([]);
});

test('a person makes a token on the settings page, a script uses it, and revoking it stops it', async ({
	page,
	request,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	await seed.signIn(page.context(), recruiter);
	await page.goto('/settings');
	const tokens = page.getByRole('region', { name: 'API tokens' });
	await expect(tokens).toContainText('You have no API tokens.');
	await skipBrowserValidation(page);
	await tokens.getByRole('button', { name: 'Create token' }).click();
	await tokens.getByRole('link', { name: 'Name the token after what will use it' }).click();
	await expect(tokens.getByLabel('Token name')).toBeFocused();

	await tokens.getByLabel('Token name').fill('ATS sync');
	await tokens.getByRole('button', { name: 'Create token' }).click();
	await expect(tokens.getByRole('status')).toContainText('Token “ATS sync” created. Copy it now');
	const token = await tokens.getByLabel('Your new token').inputValue();
	expect(token).toMatch(/^pnl_[a-z0-9]{24}\.[a-z0-9]{24}$/);
	await expect(tokens.getByRole('row', { name: /ATS sync/ })).toContainText('Never');

	const script = new ApiClient(request, contract, token);
	expect((await script.get('/templates')).status).toBe(200);
	await page.reload();
	// Shown once: after a reload only its name and last use remain.
	await expect(tokens.getByLabel('Your new token')).toHaveCount(0);
	await expect(tokens.getByRole('row', { name: /ATS sync/ })).not.toContainText('Never');

	await tokens.getByRole('button', { name: 'Revoke ATS sync' }).click();
	await expect(tokens.getByRole('status')).toContainText('The token is revoked');
	await expect(tokens).toContainText('You have no API tokens.');
	expect((await script.get('/templates')).status).toBe(401);
});

import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { ApiContract, clientFor } from './support/api';
import { expectNoViolations } from './support/axe';
import { expect, skipBrowserValidation, test } from './support/fixtures';

let contract: ApiContract;
test.beforeAll(async ({ request }) => {
	contract = await ApiContract.load(request);
});

test('an admin registers a webhook in the browser, sees its secret once, and the API lists and deletes it', async ({
	page,
	request,
	seed
}) => {
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	await page.goto('/admin/webhooks');
	await skipBrowserValidation(page);

	await page.getByLabel('URL').fill('ftp://ats.example.com/hooks');
	await page.getByRole('button', { name: 'Register endpoint' }).click();
	await expect(
		page.getByText('Enter an http:// or https:// URL without a user name or password in it').first()
	).toBeVisible();
	await expect(page.getByText('Choose at least one event').first()).toBeVisible();

	const url = `https://ats.example.com/hooks/${Date.now()}`;
	await page.getByLabel('URL').fill(url);
	await page.getByRole('checkbox', { name: /scorecard\.submitted/ }).check();
	await page.getByRole('checkbox', { name: /loop\.decided/ }).check();
	await page.getByRole('button', { name: 'Register endpoint' }).click();
	await expect(page.getByRole('status')).toContainText('shown only this once');
	const secret = await page.getByLabel('Signing secret').inputValue();
	expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
	await expectNoViolations(page);

	await page.goto('/admin/webhooks');
	await expect(page.getByText(secret)).toHaveCount(0);
	await page.getByRole('link', { name: url }).click();
	// The shared server's other tests submit scorecards meanwhile, so the log may already
	// hold messages for this endpoint: only its presence is certain here.
	await expect(page.getByRole('region', { name: 'Delivery log' })).toBeVisible();
	await page.getByRole('button', { name: 'Rotate secret' }).click();
	const rotated = await page.getByLabel('New signing secret').inputValue();
	expect(rotated).toMatch(/^whsec_/);
	expect(rotated).not.toBe(secret);

	const api = await clientFor(request, contract, seed, admin);
	const { body } = await api.get<{ webhooks: { id: string; url: string; events: string[] }[] }>('/webhooks');
	const listed = body.webhooks.find((w) => w.url === url)!;
	expect(listed.events).toEqual(['scorecard.submitted', 'loop.decided']);
	expect(JSON.stringify(body)).not.toContain(secret);
	const deliveries = await api.get<{ deliveries: unknown[] }>('/webhooks/{id}/deliveries', {
		params: { id: listed.id }
	});
	expect(deliveries.status).toBe(200);
	expect(Array.isArray(deliveries.body.deliveries)).toBe(true);
	expect((await api.call('DELETE', '/webhooks/{id}', { params: { id: listed.id } })).status).toBe(200);
	expect((await api.call('DELETE', '/webhooks/{id}', { params: { id: listed.id } })).status).toBe(404);
});

test('the API registers a webhook with a 201 and the secret, and refuses bad input and non-admins', async ({
	request,
	seed
}) => {
	const api = await clientFor(request, contract, seed, await seed.user('admin'));
	const created = await api.post<{ id: string; url: string; events: string[]; secret: string }>('/webhooks', {
		url: 'https://ats.example.com/panelist',
		events: ['candidate.created']
	});
	expect(created.status).toBe(201);
	expect(Object.keys(created.body).sort()).toEqual(['createdAt', 'events', 'id', 'secret', 'url']);
	expect(created.body.secret).toMatch(/^whsec_/);

	const bad = await api.post<{ issues: { path: string }[] }>('/webhooks', {
		url: 'javascript:alert(1)',
		events: ['scorecard.deleted']
	});
	expect(bad.status).toBe(422);
	expect(bad.body.issues.map((i) => i.path).sort()).toEqual(['events.0', 'url']);

	const recruiter = await clientFor(request, contract, seed, await seed.user('recruiter'));
	expect((await recruiter.get('/webhooks')).status).toBe(403);
	expect(
		(await recruiter.post('/webhooks', { url: 'https://x.example', events: ['loop.decided'] })).status
	).toBe(403);
	expect((await recruiter.get('/webhooks/{id}/deliveries', { params: { id: created.body.id } })).status).toBe(
		403
	);
	await api.call('DELETE', '/webhooks/{id}', { params: { id: created.body.id } });
});

test('the webhooks pages are the admins’ only', async ({ page, seed }) => {
	await seed.signIn(page.context(), await seed.user('recruiter'));
	expect((await page.goto('/admin/webhooks'))?.status()).toBe(403);
	expect((await page.goto('/admin/webhooks/1'))?.status()).toBe(403);
});

test('a submitted scorecard reaches the admin’s receiver, correctly signed; the log shows it and redeliver sends it again', async ({
	page,
	seed
}) => {
	const hooks = await startWebhookReceiver();
	try {
		const admin = await seed.user('admin');
		await seed.signIn(page.context(), admin);
		await page.goto('/admin/webhooks');
		await page.getByLabel('URL').fill(hooks.url);
		await page.getByRole('checkbox', { name: /scorecard\.submitted/ }).check();
		await page.getByRole('button', { name: 'Register endpoint' }).click();
		const secret = await page.getByLabel('Signing secret').inputValue();

		const recruiter = await seed.user('recruiter');
		const panelist = await seed.user('interviewer');
		const openingId = await seed.opening([recruiter]);
		const candidate = await seed.candidate([openingId]);
		const loop = await seed.loop(recruiter, candidate.id, openingId, [
			{ round: 0, interviewerIds: [panelist.id], scheduledAt: Date.now() - 2 * 3_600_000 }
		]);
		const seat = loop.scorecards[0]!.id;
		await seed.submitScorecard(panelist, seat, 4);

		// The server's worker picks the job up within seconds.
		const mine = async (count: number) => {
			for (;;) {
				const got = hooks.received.filter((r) => r.body.includes(`"scorecardId":"${seat}"`));
				if (got.length >= count) return got;
				await hooks.waitFor(hooks.received.length + 1);
			}
		};
		const [delivered] = await mine(1);
		const body = new Webhook(secret).verify(delivered!.body, delivered!.headers) as {
			type: string;
			data: Record<string, unknown>;
		};
		expect(body.type).toBe('scorecard.submitted');
		expect(body.data).toEqual({
			scorecardId: String(seat),
			loopId: String(loop.loopId),
			roundId: String(loop.rounds[0]!.id),
			interviewerId: String(panelist.id),
			candidateId: String(candidate.id),
			openingId: String(openingId),
			status: 'submitted'
		});

		await page.getByRole('link', { name: 'the endpoint’s page' }).click();
		const row = page.getByRole('row', { name: new RegExp(delivered!.headers['webhook-id']!) });
		await expect(row).toContainText('Delivered');
		await expect(row).toContainText('scorecard.submitted');
		await expect(row).toContainText('204');
		await row.getByRole('button', { name: /^Redeliver/ }).click();
		await expect(page.getByRole('status')).toContainText('Redelivered: the receiver answered 204.');
		const [, again] = await mine(2);
		expect(again!.headers['webhook-id']).toBe(delivered!.headers['webhook-id']);
		expect(new Webhook(secret).verify(again!.body, again!.headers)).toEqual(body);
		await expect(page.getByRole('row', { name: /\(by hand\)/ })).toHaveCount(1);

		await page.getByRole('button', { name: 'Delete endpoint' }).click();
		await expect(page).toHaveURL(/\/admin\/webhooks$/);
	} finally {
		await hooks.close();
	}
});

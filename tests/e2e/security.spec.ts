import { expect, test } from './support/fixtures';

test('pages carry a strict Content-Security-Policy and the other security headers', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (msg) => {
		if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
	});
	const response = await page.goto('/login');
	const headers = response!.headers();
	const csp = headers['content-security-policy']!;
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("object-src 'none'");
	const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
	expect(scriptSrc).not.toContain('unsafe-inline');
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['x-frame-options']).toBe('DENY');

	// The page works under that policy: the enhanced form still submits.
	await page.getByLabel('Email').fill('nobody@e2e.example.com');
	await page.getByLabel('Password').fill('whatever-it-is');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(violations).toEqual([]);
});

test('an inline script injected into a page is blocked by the policy', async ({ page }) => {
	const blocked = new Promise<string>((resolve) =>
		page.on('console', (msg) => {
			if (/Content Security Policy/i.test(msg.text())) resolve(msg.text());
		})
	);
	await page.goto('/login');
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
	});
	expect(await blocked).toMatch(/script/i);
	expect(
		await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)
	).toBeUndefined();
});

test('cross-site form posts and cross-origin JSON writes are refused', async ({ page, seed, db }) => {
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	const email = `csrf-${Date.now()}@e2e.example.com`;

	const formPost = await page.request.post('/admin/users?/invite', {
		form: { email, role: 'admin' },
		headers: { origin: 'https://evil.example' }
	});
	expect(formPost.status()).toBe(403);
	// A form post that names no origin at all: browsers always name it, so it is refused too.
	const unnamed = await page.request.post('/admin/users?/invite', { form: { email, role: 'admin' } });
	expect(unnamed.status()).toBe(403);

	const jsonPost = await page.request.post('/admin/users?/invite', {
		data: { email, role: 'admin' },
		headers: { origin: 'https://evil.example', 'content-type': 'application/json' }
	});
	expect(jsonPost.status()).toBe(403);
	expect(await jsonPost.json()).toEqual({ error: 'Cross-origin requests may not change data' });

	const fetchSite = await page.request.post('/logout', {
		data: {},
		headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }
	});
	expect(fetchSite.status()).toBe(403);

	expect(await db.selectFrom('invite').select('id').where('email', '=', email).execute()).toHaveLength(0);
	// Still signed in: the refused logout changed nothing.
	await page.goto('/');
	await expect(page.getByRole('heading', { name: /Good to see you/ })).toBeVisible();
});

test('the autosave refuses cross-origin writes and bad sessions like every other write', async ({
	page,
	request,
	seed,
	db
}, testInfo) => {
	const recruiter = await seed.user('recruiter');
	const priya = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const loop = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: Date.now() + 3_600_000 }
	]);
	const scorecardId = loop.scorecards[0]!.id;
	await seed.signIn(page.context(), priya);
	const save = (headers: Record<string, string>) =>
		page.request.put(`/api/v1/scorecards/${scorecardId}`, {
			data: { recommendation: null, summary: 'Written in the kit.', ratings: [], notes: [] },
			headers: { 'content-type': 'application/json', 'if-match': '"0"', ...headers }
		});

	const crossOrigin: Record<string, string>[] = [
		{ origin: 'https://evil.example' },
		{ 'sec-fetch-site': 'cross-site' }
	];
	for (const headers of crossOrigin) {
		const refused = await save(headers);
		expect(refused.status()).toBe(403);
		expect(await refused.json()).toEqual({ error: 'Cross-origin requests may not change data' });
	}
	const unknownSession = await request.put(`/api/v1/scorecards/${scorecardId}`, {
		data: { recommendation: null, summary: 'Forged.', ratings: [], notes: [] },
		headers: { 'content-type': 'application/json', 'if-match': '"0"', cookie: 'panelist-session=abc.def' }
	});
	expect(unknownSession.status()).toBe(401);
	const card = () =>
		db
			.selectFrom('scorecard')
			.select(['version', 'content'])
			.where('id', '=', scorecardId)
			.executeTakeFirstOrThrow();
	expect((await card()).version).toBe(0);

	// From the app's own origin, as the kit saves: saved, with the security headers.
	const saved = await save({ origin: new URL(testInfo.project.use.baseURL!).origin });
	expect(saved.status(), await saved.text()).toBe(200);
	expect(saved.headers()['x-content-type-options']).toBe('nosniff');
	expect(await saved.json()).toEqual({ version: 1 });
	expect(JSON.parse((await card()).content).summary).toBe('Written in the kit.');
});

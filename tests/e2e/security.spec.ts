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
